"""Source moves here from the events app: a change of the model state only. The tables keep their names
(events_source, events_historicalsource), so no row is copied."""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("events", "0006_event_facets"),  # the tables it takes over exist
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalSource',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False)),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False)),
                        ('url', models.URLField(blank=True, help_text='Where the report can be read.', max_length=1000, verbose_name='URL')),
                        ('publisher', models.CharField(help_text="Who published it, e.g. 'The Korea Herald'.", max_length=200)),
                        ('agency', models.CharField(blank=True, help_text='The news agency whose copy the publisher ran (Reuters, IANS, Yonhap), if any.', max_length=200)),
                        ('headline', models.CharField(max_length=500)),
                        ('byline', models.CharField(blank=True, help_text='The author(s) as credited.', max_length=300)),
                        ('published_on', models.DateField(blank=True, null=True)),
                        ('published_precision', models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year')], default='day', max_length=5)),
                        ('language', models.CharField(default='en', help_text="BCP 47 tag, e.g. 'en', 'ko'.", max_length=35)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical source',
                        'verbose_name_plural': 'historical sources',
                        'db_table': 'events_historicalsource',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Source',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True)),
                        ('url', models.URLField(blank=True, help_text='Where the report can be read.', max_length=1000, verbose_name='URL')),
                        ('publisher', models.CharField(help_text="Who published it, e.g. 'The Korea Herald'.", max_length=200)),
                        ('agency', models.CharField(blank=True, help_text='The news agency whose copy the publisher ran (Reuters, IANS, Yonhap), if any.', max_length=200)),
                        ('headline', models.CharField(max_length=500)),
                        ('byline', models.CharField(blank=True, help_text='The author(s) as credited.', max_length=300)),
                        ('published_on', models.DateField(blank=True, null=True)),
                        ('published_precision', models.CharField(choices=[('day', 'day'), ('month', 'month'), ('year', 'year')], default='day', max_length=5)),
                        ('language', models.CharField(default='en', help_text="BCP 47 tag, e.g. 'en', 'ko'.", max_length=35)),
                    ],
                    options={
                        'db_table': 'events_source',
                        'ordering': ['-published_on', 'id'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('url', ''), _negated=True), fields=('url',), name='source_url_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
