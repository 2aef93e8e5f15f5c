"""Pagination: keyset cursors for events (stable while data changes, cheap at any depth), page numbers elsewhere."""

import binascii
import json
from base64 import urlsafe_b64decode, urlsafe_b64encode

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import F, Value
from rest_framework import exceptions
from rest_framework.pagination import BasePagination, PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from common.graphql.keyset import RowCompare

MAX_PAGE_SIZE = 100
WRONG_ORDER = "a cursor continues the order it was made in; start again without it to change the order."


class StandardPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE


class OrderedCursorPagination(BasePagination):
    """Keyset pagination whose ordering the client picks by name from ``orderings``.

    A cursor holds the sort key of a row (e.g. its ``start_date`` and id) and which side of it
    the page lies on; a page is ``WHERE (start_date, id) < (X, Y) ORDER BY … LIMIT n``, answered
    from the index at any depth. Every ordering ends with the id, so rows sharing a date (or an
    ``updated_at``: a bulk load stamps thousands alike) never repeat or vanish between pages,
    and rows inserted or updated meanwhile neither. A cursor the API did not make is a 400.
    """

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    cursor_query_param = "cursor"
    ordering_param = "ordering"
    orderings: dict[str, tuple[str, ...]] = {}
    default_ordering = ""
    invalid_cursor_message = "Invalid cursor: follow the next and previous links as given."

    def get_ordering(self, request, queryset, view) -> tuple[str, ...]:
        name = request.query_params.get(self.ordering_param, self.default_ordering)
        if name not in self.orderings:
            allowed = ", ".join(self.orderings)
            raise exceptions.ValidationError(
                {self.ordering_param: [f"Unknown ordering {name!r}; use one of: {allowed}."]}
            )
        return self.orderings[name]

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or int(raw) < 1:
            raise exceptions.ValidationError(
                {self.page_size_query_param: [f"A whole number from 1 to {self.max_page_size}."]}
            )
        return min(int(raw), self.max_page_size)  # a larger page is served at the maximum, as on other lists

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        ordering = self.get_ordering(request, queryset, view)
        self.fields = [o.lstrip("-") for o in ordering]
        descending = ordering[0].startswith("-")
        size = self.get_page_size(request)
        self.ordering_name = request.query_params.get(self.ordering_param, self.default_ordering)
        side, key = self._decode(request, queryset.model)
        queryset = queryset.order_by(*ordering)
        if key is not None:
            columns = [F(name) for name in self.fields]
            ahead = "<" if descending else ">"
            op = ahead if side == "after" else {"<": ">", ">": "<"}[ahead]
            queryset = queryset.filter(RowCompare(columns, op, key))
        if side == "before":
            rows = list(queryset.reverse()[: size + 1])
            self.has_previous, self.has_next = len(rows) > size, True
            rows = rows[:size][::-1]
        else:
            rows = list(queryset[: size + 1])
            self.has_next, self.has_previous = len(rows) > size, key is not None
            rows = rows[:size]
        self.rows = rows
        return rows

    def _decode(self, request, model) -> tuple[str, list | None]:
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return "after", None
        try:
            payload = json.loads(urlsafe_b64decode(encoded.encode("ascii")))
            made_for = payload.pop("ordering", None) if isinstance(payload, dict) else None
            ((side, raw),) = payload.items()
            if side not in ("after", "before") or not isinstance(raw, list) or len(raw) != len(self.fields):
                raise ValueError
            if made_for is not None and made_for != self.ordering_name:
                # Same columns, other direction: the rows would come silently from the wrong side.
                raise exceptions.ValidationError(
                    {self.cursor_query_param: [f"This cursor was made for ordering={made_for}: {WRONG_ORDER}"]}
                )
            model_fields = [model._meta.get_field(name) for name in self.fields]
            return side, [Value(f.to_python(v), output_field=f) for f, v in zip(model_fields, raw, strict=True)]
        except (ValueError, TypeError, AttributeError, UnicodeError, binascii.Error, DjangoValidationError):
            raise exceptions.ValidationError({self.cursor_query_param: [self.invalid_cursor_message]}) from None

    def _link(self, side: str, row) -> str:
        values = [row[n] if isinstance(row, dict) else getattr(row, n) for n in self.fields]
        keys = [v.isoformat() if hasattr(v, "isoformat") else v for v in values]
        payload = json.dumps({side: keys, "ordering": self.ordering_name})
        cursor = urlsafe_b64encode(payload.encode()).decode()
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, cursor)

    def get_next_link(self) -> str | None:
        return self._link("after", self.rows[-1]) if self.has_next and self.rows else None

    def get_previous_link(self) -> str | None:
        return self._link("before", self.rows[0]) if self.has_previous and self.rows else None

    def get_paginated_response(self, data) -> Response:
        return Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The page after or before a row: take it from next or previous.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page (1 to {self.max_page_size}, default {self.page_size}).",
                "schema": {"type": "integer"},
            },
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Sort order: " + ", ".join(self.orderings) + f" (default {self.default_ordering}).",
                "schema": {
                    "type": "string",
                    "enum": list(self.orderings),
                    "default": self.default_ordering,
                    # Member names for generated clients (DATE_DESC for "-date"), not VALUE_0.
                    "x-enum-varnames": [f"{o[1:]}_desc" if o.startswith("-") else o for o in self.orderings],
                },
            },
        ]


class EventCursorPagination(OrderedCursorPagination):
    orderings = {
        "-date": ("-start_date", "-id"),
        "date": ("start_date", "id"),
        "-updated": ("-updated_at", "-id"),
        "updated": ("updated_at", "id"),
    }
    default_ordering = "-date"
