"""List fields that never return more than a page, with a ``first`` argument like connections.

A nested list (``Person.tenures``, ``Event.participants``) answers at most
``first`` items (default and maximum ``MAX_PAGE``). Under the optimiser the
cap becomes a window function inside the prefetch, so it costs no extra query.
"""

from typing import Any, Self

import strawberry
import strawberry_django
from strawberry import relay
from strawberry.relay.utils import SliceMetadata
from strawberry.types.arguments import StrawberryArgument
from strawberry_django.arguments import argument
from strawberry_django.fields.field import StrawberryDjangoConnectionExtension, StrawberryDjangoField
from strawberry_django.optimizer import is_optimized_by_prefetching, mark_optimized_by_prefetching
from strawberry_django.pagination import OffsetPaginationInput, apply_window_pagination
from strawberry_django.relay import DjangoListConnection
from strawberry_django.relay.utils import resolve_edge_class

from common.graphql.errors import PublicError

MAX_PAGE = 100  # the most items one list or connection page may ask for
DEFAULT_PAGE = 20  # a connection's page when the query gives neither first nor last
LIST_BOUND = "attache.list_bound"  # a field's metadata key: the most items the list can hold (see capped_list)


class CappedListField(StrawberryDjangoField):
    @property
    def arguments(self) -> list[StrawberryArgument]:
        args = super().arguments
        if self.is_list and self.base_resolver is None and not any(a.python_name == "first" for a in args):
            args = [*args, argument("first", int, is_optional=True)]
        return args

    @arguments.setter
    def arguments(self, value: list[StrawberryArgument]) -> None:
        args_prop = super(CappedListField, self.__class__).arguments
        args_prop.fset(self, value)  # type: ignore[attr-defined]

    def get_queryset(self, queryset, info, *, first: int | None = None, **kwargs: Any):
        if first is not None and not 0 <= first <= MAX_PAGE:
            raise PublicError(f"first must be between 0 and {MAX_PAGE}.")
        kwargs.setdefault("pagination", OffsetPaginationInput(offset=0, limit=MAX_PAGE if first is None else first))
        return super().get_queryset(queryset, info, **kwargs)


def capped_list(*, field_name: str | None = None, description: str | None = None, bound: int | None = None) -> Any:
    """A list field answering at most ``first`` (≤ 100) related rows.

    ``bound``: the most rows the list can hold, enforced where it is written (``events.models.MAX_PARTICIPANTS``);
    the node budget counts the list asked without ``first`` as that many (``common.graphql.limits``).
    """
    metadata = {LIST_BOUND: bound} if bound is not None else None
    return strawberry_django.field(
        field_cls=CappedListField, field_name=field_name, description=description, metadata=metadata
    )


@strawberry.type(description="A page of results with the total count.")  # named <Type>Connection
class Connection(DjangoListConnection[relay.NodeType]):
    """``DjangoListConnection`` whose page without first/last is ``DEFAULT_PAGE`` rows, not ``MAX_PAGE``."""

    @classmethod
    def resolve_connection(cls, nodes, *, info, first: int | None = None, last: int | None = None, **kwargs) -> Self:
        if first is None and last is None:
            first = DEFAULT_PAGE
        return super().resolve_connection(nodes, info=info, first=first, last=last, **kwargs)


class NestedConnectionField(StrawberryDjangoField):
    """A related list as a ``Connection``, paged inside the optimiser's prefetch.

    strawberry-django cuts a nested page with window functions (a row number and a count per
    parent) only for its own ``DjangoListConnection``; for ``Connection`` (a subclass) it would
    prefetch every related row. Here the field asks strawberry-django's own window pagination for
    the page, as its optimiser does, so a page of parents costs one query per nested connection and
    ``totalCount`` is read from the rows; without the optimiser it pages the related queryset.
    """

    def get_queryset(
        self,
        queryset,
        info,
        *,
        first: int | None = None,
        last: int | None = None,
        before: str | None = None,
        after: str | None = None,
        _strawberry_related_field_id: str | None = None,
        **kwargs: Any,
    ):
        queryset = super().get_queryset(
            queryset, info, _strawberry_related_field_id=_strawberry_related_field_id, **kwargs
        )
        if is_optimized_by_prefetching(queryset) or queryset._result_cache is not None:
            return queryset
        order = list(queryset.query.order_by or queryset.model._meta.ordering)
        if not order or not isinstance(order[-1], str) or order[-1].lstrip("-") not in {"id", "pk"}:
            queryset = queryset.order_by(*order, "pk")  # offsets need one order, ties included
        if _strawberry_related_field_id is None:
            return queryset
        if first is None and last is None:
            first = DEFAULT_PAGE
        extension = next(e for e in self.extensions if isinstance(e, StrawberryDjangoConnectionExtension))
        page = SliceMetadata.from_arguments(
            info,
            first=first,
            last=last,
            before=before,
            after=after,
            max_results=MAX_PAGE,
            prefix=resolve_edge_class(extension.connection_type).CURSOR_PREFIX,
        )
        from_end = page.expected is None  # only last: the page is counted from the end
        queryset = apply_window_pagination(
            queryset,
            related_field_id=_strawberry_related_field_id,
            offset=page.start,
            limit=last if from_end else page.end - page.start,
            max_results=MAX_PAGE,
            reverse=from_end,
        )
        return mark_optimized_by_prefetching(queryset)


def nested_connection(*, field_name: str, description: str | None = None) -> Any:
    """A related list as a Relay connection (``totalCount``, cursors, ``first``/``after``/``last``/``before``)."""
    return strawberry_django.connection(
        field_cls=NestedConnectionField, field_name=field_name, description=description, max_results=MAX_PAGE
    )
