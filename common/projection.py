"""Read rows as plain dicts, related rows in batches: the fast read path of the REST lists and GraphQL queries.

A ``Shape`` says what to read of a model and how to build each output value:

- ``Column``: a value of the row, or of a row joined through foreign keys (``"office__country__iso2"``),
  converted for the wire (a date to ISO 8601, a choice to an enum name);
- ``Const``: the same value on every row (GraphQL's ``__typename``);
- ``Computed``: a function of some columns (an API link, an ontology code);
- ``One``: a related object through a foreign key, read in the same query by a join;
- ``Many``: related objects (reverse foreign keys, many-to-many), read in one more query for the
  whole page, at most ``limit`` per parent (a window function), in a fixed order.

Reading a page (``queryset.values(*paths_of(shape))``, then ``build(shape, rows)``) costs one query plus one per
``Many`` in the shape, whatever the page
size, and builds no model instances: the serializers and the GraphQL executor describe the same
output, and tests compare the two paths object by object.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, Model, QuerySet, Window
from django.db.models.functions import RowNumber

from common.prepared import values_for_ids

PARENT = "_parent_pk"
RANK = "_rank_in_parent"


@dataclass(frozen=True)
class Column:
    path: str
    convert: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class Const:
    value: Any


@dataclass(frozen=True)
class Computed:
    paths: tuple[str, ...]
    fn: Callable[..., Any]


@dataclass(frozen=True)
class One:
    relation: str
    shape: Shape


@dataclass(frozen=True)
class Many:
    """Related rows of ``shape.model`` whose ``link`` (a lookup from them back to the parent) is the parent."""

    shape: Shape
    link: str
    order: tuple[str, ...] = ()
    limit: int | None = None
    base: Callable[[], QuerySet] | None = None  # the rows one may see (e.g. published events only)
    flat: str | None = None  # a list of this one value of each row (ids) instead of objects
    key: Hashable | None = None  # names the rows ``base`` gives (e.g. per user), so their SQL is compiled once


Output = Column | Const | Computed | One | Many


@dataclass(frozen=True)
class Shape:
    model: type[Model]
    fields: tuple[tuple[str, Output], ...] = field(default_factory=tuple)


def paths_of(shape: Shape, prefix: str = "") -> list[str]:
    """The ``values()`` paths a shape reads from one row: its own columns and those of joined objects."""
    paths = {f"{prefix}pk"}
    for _, out in shape.fields:
        if isinstance(out, Column):
            paths.add(prefix + out.path)
        elif isinstance(out, Computed):
            paths.update(prefix + p for p in out.paths)
        elif isinstance(out, One):
            paths.update(paths_of(out.shape, f"{prefix}{out.relation}__"))
    return sorted(paths)


def build(shape: Shape, rows: list[dict]) -> list[dict]:
    """Fetch every ``Many`` below these rows (one query each), then build the output dicts."""
    fetched: dict[tuple, dict[Any, list[dict]]] = {}
    _fetch_children(shape, "", rows, fetched, ())
    make = _builder(shape, "", fetched, ())
    return [make(row) for row in rows]


def _fetch_children(shape: Shape, prefix: str, rows: list[dict], fetched: dict, scope: tuple) -> None:
    """Fill ``fetched[scope + (prefix, many)]`` for every ``Many`` of ``shape`` (through joined objects too)."""
    for _, out in shape.fields:
        if isinstance(out, One):
            _fetch_children(out.shape, f"{prefix}{out.relation}__", rows, fetched, scope)
        elif isinstance(out, Many):
            key = (*scope, prefix, out)
            if key in fetched:
                continue  # an equal list under another name (offices' holders, and tenures beside it): fetched once
            ids = {row[f"{prefix}pk"] for row in rows if row[f"{prefix}pk"] is not None}
            fetched[key] = _fetch_many(out, ids, fetched, key) if ids else {}


def _fetch_many(many: Many, parent_ids: Iterable[Any], fetched: dict, scope: tuple) -> dict[Any, list[dict]]:
    ids = sorted(parent_ids)
    paths = paths_of(many.shape)
    if many.base is not None and many.key is None:
        rows = list(_children(many, ids, paths))
    else:  # the same SQL every time: compiled once (common.prepared)
        key = (many.shape.model, tuple(paths), many.link, many.order, many.limit, many.key)
        rows = values_for_ids(key, ids, lambda ids: _children(many, ids, paths))
    _fetch_children(many.shape, "", rows, fetched, scope)
    make = _builder(many.shape, "", fetched, scope)
    grouped: dict[Any, list[dict]] = defaultdict(list)
    flat = many.flat
    for row in rows:
        item = make(row)
        grouped[row[PARENT]].append(item[flat] if flat else item)
    return grouped


def _children(many: Many, ids, paths: list[str]) -> QuerySet:
    """The related rows of ``ids`` as a ``values()`` queryset, at most ``many.limit`` per parent."""
    model = many.shape.model
    qs = many.base() if many.base else model._default_manager.all()
    # Within one parent's rows, ordering by the parent itself is a no-op (and a join): leave it out.
    order = [o for o in many.order or model._meta.ordering or () if o.lstrip("-") not in (many.link, PARENT)]
    if not any(o.lstrip("-") in ("pk", "id") for o in order):
        order.append("pk")
    qs = qs.filter(**{f"{many.link}__in": ids}).annotate(**{PARENT: F(many.link)}).order_by(*order)
    if many.limit is not None:
        # The ordering as SQL expressions: a related model's name ("office") stands for its own ordering.
        order_by = [expr for expr, _ in qs.query.get_compiler(using=qs.db).get_order_by()]
        window = Window(RowNumber(), partition_by=F(many.link), order_by=order_by)
        qs = qs.annotate(**{RANK: window}).filter(**{f"{RANK}__lte": many.limit})
    return qs.values(PARENT, *paths)


def _builder(shape: Shape, prefix: str, fetched: dict, scope: tuple) -> Callable[[dict], dict | None]:
    """A function from a row to the output dict, with every lookup decided once, not per row."""
    steps = [(key, _step(out, prefix, fetched, scope)) for key, out in shape.fields]
    pk = f"{prefix}pk"

    def make(row: dict) -> dict | None:
        if row[pk] is None:
            return None
        return {key: step(row) for key, step in steps}

    return make


def _step(out: Output, prefix: str, fetched: dict, scope: tuple) -> Callable[[dict], Any]:
    if isinstance(out, Column):
        path, convert = prefix + out.path, out.convert
        if convert is None:
            return lambda row: row[path]
        return lambda row: None if row[path] is None else convert(row[path])
    if isinstance(out, Const):
        value = out.value
        return lambda row: value
    if isinstance(out, Computed):
        paths, fn = [prefix + p for p in out.paths], out.fn
        return lambda row: fn(*(row[p] for p in paths))
    if isinstance(out, One):
        return _builder(out.shape, f"{prefix}{out.relation}__", fetched, scope)
    if isinstance(out, Many):
        pk, children = f"{prefix}pk", fetched[(*scope, prefix, out)]
        return lambda row: children.get(row[pk], [])
    raise TypeError(f"Unknown output {out!r}")
