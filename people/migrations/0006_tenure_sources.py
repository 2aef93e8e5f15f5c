"""A tenure's sources, kept until now as Source.tenures in the events app: the same table, seen from Tenure."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0005_search_trigram"),
        ("sources", "0001_initial"),
        ("events", "0007_source_moves_to_sources_app"),  # Source.tenures is gone first
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name='tenure',
                    name='sources',
                    field=models.ManyToManyField(blank=True, db_table='events_source_tenures', help_text='The reports this tenure rests on.', related_name='tenures', to='sources.source'),
                ),
            ],
            database_operations=[],
        ),
    ]
