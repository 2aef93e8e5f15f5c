"""Bulk exports of events as CSV and JSON Lines, streamed: rows are read and written a chunk at a time.

The same filters as /api/v1/events/ apply; anonymous clients get published events only. ``events.csv`` is the
reading layout (names and labels); ``events.import.csv`` is the events CSV format (``events.csv_format``), the
one the admin imports and exports. Each answers ETag and Last-Modified, and 304 to a client that has it.
"""

import csv
import json
from collections.abc import Iterator
from datetime import datetime

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Max, QuerySet
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from common.api.conditional import etag_of_parts, not_modified, set_validators
from common.api.docs import ERROR_RESPONSES
from common.api.exceptions import error_body
from common.api.filters import SelectorFilterBackend
from common.api.schema import AutoSchema
from common.cache import data_version
from common.filters import errors_named
from events import csv_format
from events.api.filters import EventFilterSet
from events.api.serializers import EventSerializer
from events.models import Event
from events.selectors import can_see_unpublished, event_list, event_with_details

CHUNK = 500  # rows per database round trip (and per prefetch batch)

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


EXPORTS_PER_CLIENT = 2  # streams one client may hold open at once; each keeps a server process busy
SLOT_SECONDS = 3600  # a slot a crashed process never gave back is free again after this


def _client_key(request) -> str:
    user = getattr(request, "user", None)
    who = (
        f"user:{user.pk}"
        if user is not None and user.is_authenticated
        else f"ip:{AnonRateThrottle().get_ident(request)}"
    )
    return f"exports:{who}"


def _take_slot(key: str) -> bool:
    cache.add(key, 0, SLOT_SECONDS)
    if cache.incr(key) > EXPORTS_PER_CLIENT:
        cache.decr(key)
        return False
    return True


def last_event_change() -> datetime | None:
    """When an event was last written or deleted: two index lookups. A row that left an export (deleted,
    unpublished, edited out of its filters) leaves no trace among the rows still in it, so an export's
    Last-Modified is this, for every export, and not the newest of its own rows."""
    written = Event.objects.aggregate(at=Max("updated_at"))["at"]
    recorded = Event.history.aggregate(at=Max("history_date"))["at"]  # deletions too
    return max((t for t in (written, recorded) if t is not None), default=None)


def export_validators(request, qs: QuerySet[Event]) -> tuple[str, datetime | None]:
    """ETag and Last-Modified of an export, without reading it: the path and filters, whether unpublished
    events show, the data version (raised by every committed write) and the last event change."""
    query = sorted(request.query_params.lists())
    scope = "all" if can_see_unpublished(request.user) else "published"
    last = last_event_change()
    version = data_version()
    parts = [request.path, query, scope, version, last]
    if version is None:  # no version row: the rows' count catches what the times miss
        parts.append(qs.count())
    return etag_of_parts(*parts), last


def streamed(
    request,
    lines: Iterator[str],
    content_type: str,
    filename: str,
    validators: tuple[str, datetime | None] | None = None,
) -> HttpResponse:
    """``lines`` as a streamed download, or a 429 when the client already has its share of exports running.

    With ``validators`` (ETag, Last-Modified), a client that already has this export gets a 304 instead."""
    if validators is not None:
        unchanged = not_modified(request, *validators)
        if unchanged is not None:
            return unchanged
    key = _client_key(request)
    if not _take_slot(key):
        message = f"At most {EXPORTS_PER_CLIENT} exports at once per client: wait for one to finish."
        response = JsonResponse(error_body(429, "throttled", message), status=429)
        response["Retry-After"] = "30"
        return response

    def released() -> Iterator[str]:
        try:
            yield from lines
        finally:  # the stream ended, failed, or the client went away
            cache.decr(key)

    response = StreamingHttpResponse(released(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if validators is not None:
        set_validators(response, *validators)
    return response


class _Echo:
    def write(self, value: str) -> str:
        return value


def _participant_label(p: dict) -> str:
    who = p["person"]["name"] if p["person"] else p["description"]
    office = f", {p['office']['title']}" if p["office"] else ""
    return f"{who} ({p['role']}{office})"


def csv_row(e: dict) -> list:
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


class OwnBodyNegotiation(BaseContentNegotiation):
    """The view streams its one representation itself, whatever the Accept header: ``Accept: text/csv`` (as
    generated clients send) is no 406. Errors, the only bodies DRF renders here, are JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ExportSchema(AutoSchema):
    def get_filter_backends(self) -> list:
        return self.view.filter_backends  # the events list's filters, documented though this is no list view


class EventExportView(GenericAPIView):
    serializer_class = EventSerializer
    content_negotiation_class = OwnBodyNegotiation
    schema = ExportSchema()
    filterset_class = EventFilterSet
    filter_backends = [SelectorFilterBackend]
    permission_classes = [AllowAny]
    pagination_class = None
    format_name = ""

    def filtered(self) -> QuerySet[Event]:
        """The events to export; the filters are validated now (a 400 before the first byte)."""
        filterset = self.filterset_class(self.request.query_params, request=self.request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        with errors_named(filterset.error_names()):
            return event_list(filters=filterset.event_filters(), user=self.request.user)

    def events(self, qs: QuerySet[Event]) -> Iterator[Event]:
        """``qs`` with everything a row shows, a chunk at a time (when iterated)."""
        qs = event_with_details(qs)

        def stream() -> Iterator[Event]:
            # Inside a transaction PostgreSQL's server-side cursor hands rows over as they are read. Outside one
            # (autocommit) Django declares it WITH HOLD, which PostgreSQL computes whole before the first row:
            # 1.8 s at a million events before the first byte, and the whole result held on the server.
            with transaction.atomic(using=qs.db):
                yield from qs.order_by("start_date", "id").iterator(chunk_size=CHUNK)  # prefetches per chunk

        return stream()

    def rows(self, qs: QuerySet[Event]) -> Iterator[dict]:
        """Events of ``qs`` in the API's shape, a chunk at a time."""
        serializer = self.get_serializer()  # reused for every row; it keeps no state between rows
        return (serializer.to_representation(event) for event in self.events(qs))

    def get_queryset(self):
        return Event.objects.none()  # for the schema only; rows() streams from the selector


@extend_schema(
    summary="Export events as CSV (streamed)",
    description="One row per event; same filters as the events list. Lists in cells are joined with | or ;.",
    responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
)
class EventCSVExportView(EventExportView):
    @extend_schema(operation_id="export_events_csv")  # as the URL name (drf-spectacular's had a dot in it)
    def get(self, request, *args, **kwargs):
        qs = self.filtered()  # validates the filters before the first byte is sent
        rows = self.rows(qs)
        writer = csv.writer(_Echo())

        def stream() -> Iterator[str]:
            yield writer.writerow(CSV_COLUMNS)
            for event in rows:
                yield writer.writerow(csv_row(event))

        return streamed(request, stream(), "text/csv; charset=utf-8", "events.csv", export_validators(request, qs))


@extend_schema(
    summary="Export events in the import format (CSV, streamed)",
    description=(
        "One row per event in the events CSV format the admin imports and exports (docs/rest.md): "
        "participants, topics and sources as JSON arrays of keys; same filters as the events list."
    ),
    responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
)
class EventImportCSVExportView(EventExportView):
    @extend_schema(operation_id="export_events_import_csv")
    def get(self, request, *args, **kwargs):
        qs = self.filtered()
        events = self.events(qs)
        writer = csv.writer(_Echo())

        def stream() -> Iterator[str]:
            yield writer.writerow(csv_format.COLUMNS)
            for event in events:
                yield writer.writerow(csv_format.event_row(event))

        validators = export_validators(request, qs)
        return streamed(request, stream(), "text/csv; charset=utf-8", "events.import.csv", validators)


@extend_schema(
    summary="Export events as JSON Lines (streamed)",
    description="One event per line, in the same shape as /api/v1/events/{slug}/; same filters as the events list.",
    responses={(200, "application/jsonl"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
)
class EventJSONLinesExportView(EventExportView):
    @extend_schema(operation_id="export_events_jsonl")
    def get(self, request, *args, **kwargs):
        qs = self.filtered()
        rows = self.rows(qs)

        def stream() -> Iterator[str]:
            for event in rows:
                yield json.dumps(event, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"

        validators = export_validators(request, qs)
        return streamed(request, stream(), "application/jsonl; charset=utf-8", "events.jsonl", validators)
