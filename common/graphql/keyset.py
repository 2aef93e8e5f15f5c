"""Keyset (seek) pagination for Relay connections: every page costs the same.

A cursor holds the sort key of the last row seen, e.g. ``(start_date, id)``;
the next page is ``WHERE (start_date, id) < (X, Y) ORDER BY start_date DESC, id DESC
LIMIT n``, a row-value comparison the database answers from the
``(start_date, id)`` index however deep the cursor is. Django's own tuple
lookups fall back to the equivalent OR chain on SQLite, which defeats the
index, so ``RowCompare`` always writes the row value.
"""

import json
from collections.abc import Sequence
from typing import Any, Self

import strawberry
from django.db.models import BooleanField, Expression, F, Model, QuerySet, Value
from strawberry import relay
from strawberry.relay import PageInfo, from_base64, to_base64

from common.graphql.errors import PublicError
from common.graphql.fields import DEFAULT_PAGE, MAX_PAGE

CURSOR_PREFIX = "keyset"


class RowCompare(Expression):
    """``(a, b, …) < (x, y, …)`` (or ``>``) as one SQL row-value comparison."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, columns: Sequence[Expression], op: str, values: Sequence[Expression]) -> None:
        if op not in {"<", ">"} or len(columns) != len(values):
            raise ValueError("RowCompare needs as many values as columns and '<' or '>'.")
        super().__init__()
        self.columns, self.op, self.values = list(columns), op, list(values)

    def get_source_expressions(self) -> list[Expression]:
        return [*self.columns, *self.values]

    def set_source_expressions(self, exprs: list[Expression]) -> None:
        n = len(self.columns)
        self.columns, self.values = list(exprs[:n]), list(exprs[n:])

    def as_sql(self, compiler, connection) -> tuple[str, list[Any]]:
        lhs, rhs, params = [], [], []
        for side, exprs in ((lhs, self.columns), (rhs, self.values)):
            for expr in exprs:
                sql, p = compiler.compile(expr)
                side.append(sql)
                params.extend(p)
        return f"({', '.join(lhs)}) {self.op} ({', '.join(rhs)})", params


def _key_fields(qs: QuerySet) -> tuple[list[str], bool]:
    """The ordering of ``qs`` as field names, and whether it is descending; all keys go one way."""
    order = list(qs.query.order_by or qs.model._meta.ordering)
    names = [o.lstrip("-") for o in order]
    descending = {o.startswith("-") for o in order}
    if len(descending) != 1 or names[-1] not in {"id", "pk"}:
        raise ValueError("Keyset pagination needs an ordering in one direction that ends with the id.")
    return ["id" if n == "pk" else n for n in names], descending.pop()


def keyset_key_fields(qs: QuerySet) -> list[str]:
    """The columns a cursor of ``qs`` holds (its ordering, ending with the id)."""
    return _key_fields(qs)[0]


def _direction(descending: bool) -> str:
    return "desc" if descending else "asc"


def encode_cursor(row: Model | dict, fields: list[str], descending: bool | None = None) -> str:
    """The cursor of a row: a model instance or a ``values()`` dict, and the direction it pages in."""
    values = [row[name] for name in fields] if isinstance(row, dict) else [getattr(row, name) for name in fields]
    keys = [v.isoformat() if hasattr(v, "isoformat") else v for v in values]
    payload = keys if descending is None else {"key": keys, "order": _direction(descending)}
    return to_base64(CURSOR_PREFIX, json.dumps(payload))


WRONG_ORDER = (
    "Invalid cursor: it was made for the {made} order, and a cursor continues the order it was made in; "
    "start again without it to change the order."
)


def decode_cursor(cursor: str, qs: QuerySet, fields: list[str], descending: bool | None = None) -> list[Value]:
    made_for = None
    try:
        prefix, payload = from_base64(cursor)
        raw = json.loads(payload)
        if isinstance(raw, dict):  # since docs/vocabulary.md: the direction too (a bare list: an older cursor)
            made_for, raw = raw["order"], raw["key"]
        if prefix != CURSOR_PREFIX or not isinstance(raw, list) or len(raw) != len(fields):
            raise ValueError
        model_fields = [qs.model._meta.get_field(name) for name in fields]
        values = [Value(f.to_python(v), output_field=f) for f, v in zip(model_fields, raw, strict=True)]
    except Exception as exc:  # any malformed cursor gets the same answer
        raise PublicError("Invalid cursor.") from exc
    if made_for is not None and descending is not None and made_for != _direction(descending):
        raise PublicError(WRONG_ORDER.format(made="descending" if made_for == "desc" else "ascending"))
    return values


def _ensure_loaded(qs: QuerySet, fields: list[str]) -> QuerySet:
    """Undo an optimiser's ``only()``/``defer()`` for the key fields, which every cursor reads."""
    existing, defer = qs.query.deferred_loading
    if defer and existing & set(fields):
        return qs.defer(None).defer(*(existing - set(fields)))
    if not defer and existing and not set(fields) <= existing:
        return qs.only(*existing, *fields)
    return qs


def keyset_page(
    qs: QuerySet, *, first: int | None, last: int | None, after: str | None, before: str | None
) -> tuple[list[Model], list[str], PageInfo]:
    """One page of ``qs`` by keyset: the rows, their cursors and the page info."""
    for name, value in (("first", first), ("last", last)):
        if value is not None and not 0 <= value <= MAX_PAGE:
            raise PublicError(f"Argument '{name}' must be between 0 and {MAX_PAGE}.")
    if first is None and last is None:
        first = DEFAULT_PAGE
    fields, descending = _key_fields(qs)
    qs = _ensure_loaded(qs, fields)
    columns = [F(name) for name in fields]
    forward, backward = ("<", ">") if descending else (">", "<")
    if after:
        qs = qs.filter(RowCompare(columns, forward, decode_cursor(after, qs, fields, descending)))
    if before:
        qs = qs.filter(RowCompare(columns, backward, decode_cursor(before, qs, fields, descending)))

    has_next = has_previous = False
    if last is not None and first is None:
        rows = list(qs.reverse()[: last + 1])
        has_previous = len(rows) > last
        rows = rows[:last][::-1]
        has_next = before is not None
    else:
        assert first is not None
        rows = list(qs[: first + 1])
        has_next = len(rows) > first
        rows = rows[:first]
        has_previous = after is not None
        if last is not None and len(rows) > last:
            rows, has_previous = rows[-last:], True
    cursors = [encode_cursor(row, fields, descending) for row in rows]
    info = PageInfo(
        has_next_page=has_next,
        has_previous_page=has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
    return rows, cursors, info


@strawberry.type(description="A page of results; cursors are keyset positions, cheap at any depth.")
class KeysetConnection(relay.Connection[relay.NodeType]):
    """Named ``<Type>KeysetConnection`` unless a subclass names itself."""

    total_count_qs: strawberry.Private[QuerySet | None] = None

    @strawberry.field(description="How many results match the filters, on all pages.")
    def total_count(self) -> int:
        assert self.total_count_qs is not None
        return self.total_count_qs.order_by().count()

    @classmethod
    def resolve_connection(
        cls,
        nodes: QuerySet,
        *,
        info: strawberry.Info,
        before: str | None = None,
        after: str | None = None,
        first: int | None = None,
        last: int | None = None,
        max_results: int | None = None,
        **kwargs: Any,
    ) -> Self:
        rows, cursors, page_info = keyset_page(nodes, first=first, last=last, after=after, before=before)
        edges = [relay.Edge(node=row, cursor=cursor) for row, cursor in zip(rows, cursors, strict=True)]
        return cls(edges=edges, page_info=page_info, total_count_qs=nodes)
