"""On PostgreSQL, GIN indexes for full-text search over people's and offices' names.

The indexed expressions are the ``SearchVector``s of ``people.search.NAME_VECTORS``
(written out here, as a migration must not change with the code). On other
databases this migration does nothing: ``q`` matches substrings there.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = {
    "person": GinIndex(SearchVector("name", "sort_name", "native_name", config="simple"), name="person_fulltext_gin"),
    "office": GinIndex(SearchVector("title", "body", config="simple"), name="office_fulltext_gin"),
}


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in INDEXES.items():
        schema_editor.add_index(apps.get_model("people", model), index)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for index in INDEXES.values():
        schema_editor.execute(f"DROP INDEX IF EXISTS {index.name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0003_history")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
