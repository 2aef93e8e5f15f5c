"""Bulk exports of events as CSV and JSON Lines, streamed from the first row (the rows: ``events.exports``).

The same filters as /api/v1/events/ apply; anonymous clients get published events only. ``events.csv`` is the
reading layout (names and labels); ``events.import.csv`` is the events CSV format (``events.csv_format``), the
one the admin imports and exports. Each answers ETag and Last-Modified, and 304 to a client that has it.
"""

from collections.abc import Callable, Iterator
from datetime import datetime

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny

from common.api.conditional import etag_of_parts
from common.api.docs import ERROR_RESPONSES
from common.api.filters import SelectorFilterBackend
from common.api.schema import AutoSchema
from common.api.streaming import streamed
from common.bulk import batched
from common.cache import data_version
from common.filters import errors_named
from events import exports
from events.api.filters import EventFilterSet
from events.api.serializers import EventSerializer
from events.models import Event
from events.selectors import can_see_unpublished, event_list, last_event_change


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
    write: Callable[[QuerySet[Event], object], Iterator[bytes]]  # the export's lines (events.exports)
    media_type: str
    filename: str

    def filtered(self) -> QuerySet[Event]:
        """The events to export; the filters are validated now (a 400 before the first byte)."""
        filterset = self.filterset_class(self.request.query_params, request=self.request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        with errors_named(filterset.error_names()):
            return event_list(filters=filterset.event_filters(), user=self.request.user)

    def get(self, request, *args, **kwargs):
        qs = self.filtered()  # validates the filters before the first byte is sent
        validators = export_validators(request, qs)
        return streamed(request, lambda: batched(self.write(qs, request)), self.media_type, self.filename, validators)

    def get_queryset(self):
        return Event.objects.none()  # for the schema only; rows() streams from the selector


@extend_schema(
    summary="Export events as CSV (streamed)",
    description="One row per event; same filters as the events list. Lists in cells are joined with | or ;.",
    responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
    operation_id="export_events_csv",  # as the URL name (drf-spectacular's had a dot in it)
)
class EventCSVExportView(EventExportView):
    write = staticmethod(exports.csv_lines)
    media_type, filename = "text/csv; charset=utf-8", "events.csv"


@extend_schema(
    summary="Export events in the import format (CSV, streamed)",
    description=(
        "One row per event in the events CSV format the admin imports and exports (docs/rest.md): "
        "participants, topics and sources as JSON arrays of keys; same filters as the events list."
    ),
    responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
    operation_id="export_events_import_csv",
)
class EventImportCSVExportView(EventExportView):
    write = staticmethod(exports.import_csv_lines)
    media_type, filename = "text/csv; charset=utf-8", "events.import.csv"


@extend_schema(
    summary="Export events as JSON Lines (streamed)",
    description="One event per line, in the same shape as /api/v1/events/{slug}/; same filters as the events list.",
    responses={(200, "application/jsonl"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
    operation_id="export_events_jsonl",
)
class EventJSONLinesExportView(EventExportView):
    write = staticmethod(exports.json_lines)
    media_type, filename = "application/jsonl; charset=utf-8", "events.jsonl"
