"""The data version: one row, raised by triggers on every table of the curated data.

PostgreSQL: one statement-level trigger per table (a bulk load raises it once per
statement). SQLite: row-level triggers (it has no other kind). Tables added later need
their triggers in a migration of their own; ``tests/test_data_version.py`` checks that
every table has them.
"""

from django.db import migrations, models

TABLES = (
    "people_country",
    "people_countryname",
    "people_person",
    "people_personname",
    "people_personidentifier",
    "people_office",
    "people_officetitle",
    "people_tenure",
    "events_topic",
    "events_topicname",
    "events_source",
    "events_source_tenures",
    "events_event",
    "events_event_topics",
    "events_event_sources",
    "events_participation",
)
BUMP = "UPDATE common_dataversion SET version = version + 1 WHERE id = 1"


def create_triggers(schema_editor, tables) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "CREATE OR REPLACE FUNCTION attache_raise_data_version() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN {BUMP}; RETURN NULL; END $$"
        )
        for table in tables:
            schema_editor.execute(
                f"CREATE TRIGGER attache_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION attache_raise_data_version()"
            )
    elif vendor == "sqlite":
        for table in tables:
            for event in ("INSERT", "UPDATE", "DELETE"):
                schema_editor.execute(
                    f"CREATE TRIGGER attache_data_version_{table}_{event.lower()} AFTER {event} ON {table} "
                    f"BEGIN {BUMP}; END"
                )


def drop_triggers(schema_editor, tables) -> None:
    vendor = schema_editor.connection.vendor
    for table in tables:
        if vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS attache_data_version ON {table}")
        elif vendor == "sqlite":
            for event in ("insert", "update", "delete"):
                schema_editor.execute(f"DROP TRIGGER IF EXISTS attache_data_version_{table}_{event}")


def forward(apps, schema_editor):
    apps.get_model("common", "DataVersion").objects.using(schema_editor.connection.alias).create(id=1, version=1)
    create_triggers(schema_editor, TABLES)


def backward(apps, schema_editor):
    drop_triggers(schema_editor, TABLES)


class Migration(migrations.Migration):
    initial = True
    dependencies = [("people", "0005_search_trigram"), ("events", "0006_event_facets")]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=0)),
            ],
            options={"db_table": "common_dataversion"},
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]
