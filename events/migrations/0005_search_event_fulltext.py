"""On PostgreSQL, a GIN index for full-text search over an event's title, summary, city and venue.

The indexed expression is built by the same ``SearchVector`` that
``events.search.EventSearch`` filters with, so the planner can use it. On
other databases this migration does nothing: ``q`` falls back to substring
matching there.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "event_fulltext_gin"


def _index():
    return GinIndex(SearchVector("title", "summary", "city", "venue", config="english"), name=INDEX_NAME)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("events", "Event"), _index())


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("events", "0004_roles")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
