"""On PostgreSQL, trigram indexes for the substring part of name search.

``q`` matches a person by any substring of a name (``Jong`` finds Choi Jong-kun), which
Django writes as ``UPPER(name) LIKE UPPER('%jong%')``. Without an index, PostgreSQL read all
50,000 people of the benchmark database for every event search (0.24 s); GIN trigram indexes
over the very same ``UPPER(...)`` expressions answer it from the index. Other databases do
without (SQLite scans; its demo data is small).
"""

from django.db import migrations

INDEXES = {
    "person_name_trgm": ("people_person", "name"),
    "person_sort_name_trgm": ("people_person", "sort_name"),
    "person_native_name_trgm": ("people_person", "native_name"),
    "personname_name_trgm": ("people_personname", "name"),
}


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX {name} ON {table} USING gin (UPPER({column}) gin_trgm_ops)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0004_search_fulltext")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
