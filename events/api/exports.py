"""Bulk exports of events as CSV and JSON Lines, streamed: rows are read and written a chunk at a time.

The same filters as /api/v1/events/ apply; anonymous clients get published events only.
"""

import csv
import json
from collections.abc import Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import AllowAny

from common.api.docs import ERROR_RESPONSES
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
        events = qs.order_by("start_date", "id").iterator(chunk_size=CHUNK)  # prefetches per chunk
        return (serializer.to_representation(event) for event in events)

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

        response = StreamingHttpResponse(stream(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="events.csv"'
        return response


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

        response = StreamingHttpResponse(stream(), content_type="application/jsonl; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="events.jsonl"'
        return response
