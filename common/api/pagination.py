"""Pagination: cursors for events (stable while data changes), page numbers elsewhere."""

import binascii
from base64 import b64decode
from urllib.parse import parse_qs

from rest_framework import exceptions
from rest_framework.pagination import Cursor, CursorPagination, PageNumberPagination

MAX_PAGE_SIZE = 100


class StandardPagination(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE


class OrderedCursorPagination(CursorPagination):
    """Cursor pagination whose ordering the client picks by name from ``orderings``.

    A cursor encodes a position, not an offset, so a page costs the same at
    any depth and rows inserted or updated meanwhile neither repeat nor vanish.
    """

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    ordering_param = "ordering"
    orderings: dict[str, tuple[str, ...]] = {}
    default_ordering = ""

    invalid_cursor_message = "Invalid cursor: follow the next and previous links as given."

    def decode_cursor(self, request):
        """The cursor, or a 400 when it is not one this API made (DRF would serve the first page, or a 404)."""
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        try:
            querystring = b64decode(encoded.encode("ascii"), validate=True).decode("ascii")
            tokens = parse_qs(querystring, keep_blank_values=True, strict_parsing=True)
            if not tokens or set(tokens) - {"o", "r", "p"} or any(len(v) != 1 for v in tokens.values()):
                raise ValueError
            offset = int(tokens.get("o", ["0"])[0])
            reverse = bool(int(tokens.get("r", ["0"])[0]))
            if not 0 <= offset <= self.offset_cutoff:
                raise ValueError
        except (ValueError, UnicodeError, binascii.Error):
            raise exceptions.ValidationError({self.cursor_query_param: [self.invalid_cursor_message]}) from None
        position = tokens.get("p", [None])[0]
        return Cursor(offset=offset, reverse=reverse, position=position)

    def get_ordering(self, request, queryset, view):
        name = request.query_params.get(self.ordering_param, self.default_ordering)
        if name not in self.orderings:
            allowed = ", ".join(self.orderings)
            raise exceptions.ValidationError(
                {self.ordering_param: [f"Unknown ordering {name!r}; use one of: {allowed}."]}
            )
        return self.orderings[name]

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        params.append(
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Sort order: " + ", ".join(self.orderings) + f" (default {self.default_ordering}).",
                "schema": {"type": "string", "enum": list(self.orderings), "default": self.default_ordering},
            }
        )
        return params


class EventCursorPagination(OrderedCursorPagination):
    orderings = {
        "-date": ("-start_date", "-id"),
        "date": ("start_date", "id"),
        "-updated": ("-updated_at", "-id"),
        "updated": ("updated_at", "id"),
    }
    default_ordering = "-date"
