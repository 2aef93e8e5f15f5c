"""Lists read as rows, not model instances: the view's serializer says the shape, the selector the rows.

``ProjectedListMixin.list`` pages the selector's queryset as ``values()`` rows and builds
each representation with ``common.projection`` from the shape of the view's serializer
(``common.api.shapes``): one query per page plus one per nested list, no model instances,
no serializer fields called per value. Where a serializer has a field the shape cannot
express, the list is serialized as usual.
"""

from __future__ import annotations

import logging

from rest_framework.response import Response

from common.api.shapes import Unsupported, serializer_shape
from common.projection import build, paths_of

logger = logging.getLogger(__name__)


class ProjectedListMixin:
    def list(self, request, *args, **kwargs) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        try:
            shape = serializer_shape(self.get_serializer_class(), queryset, request)
        except Unsupported as why:
            logger.debug("%s lists through its serializer: %s", type(self).__name__, why)
            return super().list(request, *args, **kwargs)
        ordering = [o.lstrip("-") for o in self._ordering_fields(request, queryset)]
        rows = queryset.values(*dict.fromkeys([*paths_of(shape), *ordering]))
        page = self.paginate_queryset(rows)
        if page is None:
            return Response(build(shape, [*rows]))
        return self.get_paginated_response(build(shape, [*page]))

    def _ordering_fields(self, request, queryset) -> list[str]:
        """The columns a cursor of this list reads (they must be among the rows' values)."""
        paginator = self.paginator
        if paginator is not None and hasattr(paginator, "get_ordering"):
            return [*paginator.get_ordering(request, queryset, self)]
        return []
