"""Source leaves the events app for sources (state only; the tables stay); events now point at sources.Source.
The list of a tenure's sources moves to Tenure.sources (people 0006), on the same table."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0006_event_facets"),
        ("sources", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='source',
                    name='tenures',
                ),
                migrations.AlterField(
                    model_name='historicalevent_sources',
                    name='source',
                    field=models.ForeignKey(blank=True, db_constraint=False, db_tablespace='', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sources.source'),
                ),
                migrations.AlterField(
                    model_name='participation',
                    name='source',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='participations', to='sources.source'),
                ),
                migrations.AlterField(
                    model_name='historicalparticipation',
                    name='source',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='sources.source'),
                ),
                migrations.AlterField(
                    model_name='event',
                    name='sources',
                    field=models.ManyToManyField(blank=True, related_name='events', to='sources.source'),
                ),
                migrations.DeleteModel(
                    name='HistoricalSource',
                ),
                migrations.DeleteModel(
                    name='Source',
                ),
            ],
            database_operations=[],
        ),
    ]
