"""List fields that never return more than a page, with a ``first`` argument like connections.

A nested list (``Person.tenures``, ``Event.participants``) answers at most
``first`` items (default and maximum ``MAX_PAGE``). Under the optimiser the
cap becomes a window function inside the prefetch, so it costs no extra query.
"""

from typing import Any, Self

import strawberry
import strawberry_django
from strawberry import relay
from strawberry.types.arguments import StrawberryArgument
from strawberry_django.arguments import argument
from strawberry_django.fields.field import StrawberryDjangoField
from strawberry_django.pagination import OffsetPaginationInput
from strawberry_django.relay import DjangoListConnection

from common.graphql.errors import PublicError

MAX_PAGE = 100  # the most items one list or connection page may ask for
DEFAULT_PAGE = 20  # a connection's page when the query gives neither first nor last


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


def capped_list(*, field_name: str | None = None, description: str | None = None) -> Any:
    """A list field answering at most ``first`` (≤ 100) related rows."""
    return strawberry_django.field(field_cls=CappedListField, field_name=field_name, description=description)


@strawberry.type(description="A page of results with the total count.")  # named <Type>Connection
class Connection(DjangoListConnection[relay.NodeType]):
    """``DjangoListConnection`` whose page without first/last is ``DEFAULT_PAGE`` rows, not ``MAX_PAGE``."""

    @classmethod
    def resolve_connection(cls, nodes, *, info, first: int | None = None, last: int | None = None, **kwargs) -> Self:
        if first is None and last is None:
            first = DEFAULT_PAGE
        return super().resolve_connection(nodes, info=info, first=first, last=last, **kwargs)
