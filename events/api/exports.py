"""Bulk exports of events as CSV and JSON Lines, streamed: rows are read and written a chunk at a time.

The same filters as /api/v1/events/ apply; anonymous clients get published events only.
"""

import csv
import json
from collections.abc import Iterator

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle

from common.api.docs import ERROR_RESPONSES
from common.api.exceptions import error_body
from common.api.filters import SelectorFilterBackend
from events.api.filters import EventFilterSet
from events.api.serializers import EventSerializer
from events.models import Event
from events.selectors import event_list, event_with_details

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


def streamed(request, lines: Iterator[str], content_type: str, filename: str) -> HttpResponse:
    """``lines`` as a streamed download, or a 429 when the client already has its share of exports running."""
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


class EventExportView(GenericAPIView):
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    filter_backends = [SelectorFilterBackend]
    permission_classes = [AllowAny]
    pagination_class = None
    format_name = ""

    def rows(self) -> Iterator[dict]:
        """Validates the filters now (a 400 before the first byte), then yields events a chunk at a time."""
        filterset = self.filterset_class(self.request.query_params, request=self.request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        qs = event_with_details(event_list(filters=filterset.event_filters(), user=self.request.user))
        serializer = self.get_serializer()  # reused for every row; it keeps no state between rows

        def stream() -> Iterator[dict]:
            # Inside a transaction PostgreSQL's server-side cursor hands rows over as they are read. Outside one
            # (autocommit) Django declares it WITH HOLD, which PostgreSQL computes whole before the first row:
            # 1.8 s at a million events before the first byte, and the whole result held on the server.
            with transaction.atomic(using=qs.db):
                for event in qs.order_by("start_date", "id").iterator(chunk_size=CHUNK):  # prefetches per chunk
                    yield serializer.to_representation(event)

        return stream()

    def get_queryset(self):
        return Event.objects.none()  # for the schema only; rows() streams from the selector


@extend_schema(
    summary="Export events as CSV (streamed)",
    description="One row per event; same filters as the events list. Lists in cells are joined with | or ;.",
    responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
)
class EventCSVExportView(EventExportView):
    def get(self, request, *args, **kwargs):
        rows = self.rows()  # validates the filters before the first byte is sent
        writer = csv.writer(_Echo())

        def stream() -> Iterator[str]:
            yield writer.writerow(CSV_COLUMNS)
            for event in rows:
                yield writer.writerow(csv_row(event))

        return streamed(request, stream(), "text/csv; charset=utf-8", "events.csv")


@extend_schema(
    summary="Export events as JSON Lines (streamed)",
    description="One event per line, in the same shape as /api/v1/events/{slug}/; same filters as the events list.",
    responses={(200, "application/jsonl"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
)
class EventJSONLinesExportView(EventExportView):
    def get(self, request, *args, **kwargs):
        rows = self.rows()

        def stream() -> Iterator[str]:
            for event in rows:
                yield json.dumps(event, cls=DjangoJSONEncoder, ensure_ascii=False) + "\n"

        return streamed(request, stream(), "application/jsonl; charset=utf-8", "events.jsonl")
