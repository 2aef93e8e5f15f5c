"""Events as export rows: each event's API representation (``EventSerializer``), streamed in order.

On PostgreSQL the database writes each event's JSON (``common.api.shapes_sql``, from the serializer's shape) and
``COPY`` streams it, so a million events cost no Python objects beyond the lines; the CSV layouts read each line
back as a dict. Elsewhere (SQLite), and for a shape the SQL writer cannot express, the serializer builds each
event a chunk at a time. Both give the same objects, tests compare them event by event.

The REST exports (``events.api.exports``) and the prebuilt dumps (``build_dumps``) both read from here.
"""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterator

import orjson
from django.db import connections, transaction
from django.db.models import QuerySet

from common.api.shapes import Unsupported, serializer_shape
from common.api.shapes_sql import json_rows_sql
from common.bulk import copy_lines
from events import csv_format
from events.api.serializers import EventSerializer
from events.models import Event
from events.selectors import event_with_details

logger = logging.getLogger(__name__)

CHUNK = 500  # events per database round trip (and per prefetch batch) on the Python path
ORDER = ["start_date", "id"]  # every export's order: oldest first, then as created

# The reading layout (events.csv): names and labels, lists joined by ``|`` or ``;``.
CSV_COLUMNS = [
    "id",
    "slug",
    "title",
    "kind",
    "cameo_code",
    "status",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "city",
    "venue",
    "country",
    "participants",
    "people",
    "offices",
    "topics",
    "sources",
    "summary",
    "updated_at",
]


def _participant_label(p: dict) -> str:
    who = p["person"]["name"] if p["person"] else p["description"]
    office = f", {p['office']['title']}" if p["office"] else ""
    return f"{who} ({p['role']}{office})"


def csv_row(e: dict) -> list:
    """One event (its API representation) in the reading layout."""
    return [
        e["id"],
        e["slug"],
        e["title"],
        e["kind"],
        e["cameo_code"],
        e["status"],
        e["start_date"],
        e["start_precision"],
        e["end_date"] or "",
        e["end_precision"],
        e["city"],
        e["venue"],
        e["country"]["iso2"] if e["country"] else "",
        "; ".join(_participant_label(p) for p in e["participants"]),
        "|".join(p["person"]["slug"] for p in e["participants"] if p["person"]),
        "|".join(p["office"]["slug"] for p in e["participants"] if p["office"]),
        "|".join(t["slug"] for t in e["topics"]),
        " ".join(s["link"] for s in e["sources"] if s["link"]),
        e["summary"],
        e["updated_at"],
    ]


def _sql(qs: QuerySet[Event], request) -> str | None:
    """The SELECT that writes ``qs``'s events as JSON on PostgreSQL, or None where Python builds them."""
    if connections[qs.db].vendor != "postgresql":
        return None
    try:
        return json_rows_sql(serializer_shape(EventSerializer, event_with_details(qs), request), qs, ORDER)
    except Unsupported as why:  # a serializer field without an SQL twin: correct, slower
        logger.warning("Exports build events in Python: %s", why)
        return None


def _built(qs: QuerySet[Event], request) -> Iterator[dict]:
    serializer = EventSerializer(context={"request": request})  # reused for every row; it keeps no state
    # Inside a transaction PostgreSQL's server-side cursor hands rows over as they are read; outside one Django
    # declares it WITH HOLD, which PostgreSQL computes whole before the first row.
    with transaction.atomic(using=qs.db):
        for event in event_with_details(qs).order_by(*ORDER).iterator(chunk_size=CHUNK):
            yield serializer.to_representation(event)


def json_lines(qs: QuerySet[Event], request) -> Iterator[bytes]:
    """Each event of ``qs`` as one line of JSON (``\\n``-terminated), oldest first."""
    sql = _sql(qs, request)
    if sql is not None:
        return copy_lines(*sql, using=qs.db)
    return (orjson.dumps(e) + b"\n" for e in _built(qs, request))


def representations(qs: QuerySet[Event], request) -> Iterator[dict]:
    """Each event of ``qs`` as its API representation, oldest first."""
    sql = _sql(qs, request)
    if sql is not None:
        return (orjson.loads(line) for line in copy_lines(*sql, using=qs.db))
    return _built(qs, request)


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(qs: QuerySet[Event], request) -> Iterator[bytes]:
    """The reading layout (``events.csv``): a header, then a row per event (UTF-8)."""
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV_COLUMNS).encode()
    for e in representations(qs, request):
        yield writer.writerow(csv_row(e)).encode()


def import_csv_lines(qs: QuerySet[Event], request) -> Iterator[bytes]:
    """The events CSV format the admin imports (``events.import.csv``): a header, then a row per event (UTF-8)."""
    writer = csv.writer(_Echo())
    yield writer.writerow(csv_format.COLUMNS).encode()
    for e in representations(qs, request):
        yield writer.writerow(csv_format.representation_row(e)).encode()
