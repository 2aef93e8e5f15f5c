"""A REST shape (``common.api.shapes``) written as PostgreSQL: one JSON text per row, built by the database.

The bulk exports stream these lines with ``COPY … TO STDOUT``, so an exported row costs no Python. The
serializer stays the one definition of the representation: the shape is derived from it, and this module writes
each of the shape's outputs as SQL that gives the same value (tests compare the two paths row by row):

- a column, through foreign keys (``office__country__iso2``): a LEFT JOIN per foreign key path;
- a joined object (``One``): ``null`` when the key is empty;
- a related list (``Many``: a reverse foreign key or a many-to-many): a correlated subquery aggregating the
  related rows in the list's order (the selector's ``Prefetch`` order, else the model's, then the key);
- an API link (``Link``): its head, the lookup value, its tail; lookup values are slugs and codes, which need no
  percent-encoding;
- a property of one choice column (``ByChoice``): a CASE over the choices;
- dates as ISO 8601, date-times in UTC as DRF writes them (``2020-12-09T10:00:00.123456Z``, no fraction when it
  is zero).

The JSON is compact (``{"id":1,"slug":"x"}``), keys in the serializer's order. Anything else (a converter
without an SQL twin, a filtered or capped list) raises ``Unsupported``: the caller builds those rows in Python.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date

from django.db.models import ForeignObjectRel, ManyToManyField, Model, QuerySet
from django.db.models.expressions import RawSQL

from common.api.shapes import ByChoice, Link, Unsupported, _utc_isoformat
from common.projection import Column, Computed, Const, Many, One, Shape

KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def json_rows_sql(shape: Shape, queryset: QuerySet, order: list[str]) -> tuple[str, tuple]:
    """``SELECT`` of one JSON text per row of ``queryset`` (its filters), ordered by ``order`` (field names, ``-``
    for descending), and its parameters.

    The statement is the queryset's own, with the JSON as its one column: its filters and an index on ``order``
    serve it as they serve a page of the list, so the first row comes at once (no sort of every row first).
    Objects joined to the top rows are read by correlated subqueries, which keep that order."""
    names = (f"t{n}" for n in itertools.count())
    model = shape.model
    level = _Level(model, f'"{model._meta.db_table}"', names, joining=False)  # Django's alias of the base table
    params: list = []
    value = _object(shape, level, "", params)
    rows = queryset.order_by(*order).annotate(_row_json=RawSQL(value, params)).values_list("_row_json")  # noqa: S611
    sql, all_params = rows.query.sql_with_params()
    return sql, tuple(all_params)


class _Level:
    """One FROM clause: a model's table under an alias, and the foreign keys joined from it (LEFT JOIN); or,
    with ``joining`` off (the top rows, whose FROM is the queryset's), those read by correlated subqueries."""

    def __init__(self, model: type[Model], alias: str, names: Iterator[str], *, joining: bool = True) -> None:
        self.model, self.alias, self.names, self.joining = model, alias, names, joining
        self.joins: dict[str, tuple[str, type[Model], str]] = {}  # path -> (alias, model, ON condition)

    def column(self, path: str) -> str:
        *steps, last = path.split("__")
        if steps and not self.joining:
            child, on = self.related(steps[0])
            inner = child.column("__".join([*steps[1:], last]))
            return f"(SELECT {inner} FROM {child.from_sql()} WHERE {on})"  # noqa: S608
        alias, model = self._joined(steps)
        opts = model._meta
        field = opts.pk if last == "pk" else opts.get_field(last)
        if field.is_relation and not field.many_to_one:
            raise Unsupported(path)
        return f'{alias}."{field.column}"'

    def related(self, name: str) -> tuple[_Level, str]:
        """A level for the row this row's foreign key ``name`` points at, and the condition that finds it."""
        field = self.model._meta.get_field(name)
        if not field.many_to_one:
            raise Unsupported(name)
        child = _Level(field.related_model, next(self.names), self.names)
        return child, f'{child.alias}."{child.model._meta.pk.column}" = {self.alias}."{field.column}"'

    def _joined(self, steps: list[str]) -> tuple[str, type[Model]]:
        alias, model = self.alias, self.model
        for i, name in enumerate(steps):
            field = model._meta.get_field(name)
            if not field.many_to_one:
                raise Unsupported("__".join(steps[: i + 1]))
            path = "__".join(steps[: i + 1])
            if path not in self.joins:
                related = field.related_model
                joined = next(self.names)
                on = f'{joined}."{related._meta.pk.column}" = {alias}."{field.column}"'
                self.joins[path] = (joined, related, on)
            alias, model = self.joins[path][0], self.joins[path][1]
        return alias, model

    def from_sql(self, reached_from: str = "", on: str = "") -> str:
        """The table and its joins; ``reached_from`` a table joined to it first (a many-to-many's), ``on``."""
        table = f'"{self.model._meta.db_table}" {self.alias}'
        if reached_from:
            table = f"{reached_from} JOIN {table} ON {on}"
        joins = "".join(f' LEFT JOIN "{m._meta.db_table}" {a} ON {cond}' for a, m, cond in self.joins.values())
        return table + joins


def _object(shape: Shape, level: _Level, prefix: str, params: list) -> str:
    """The JSON object of ``shape`` for the row (or the joined row at ``prefix``) of ``level``."""
    parts = []
    for key, out in shape.fields:
        if not KEY.match(key):
            raise Unsupported(key)
        parts.append(f"'{',' if parts else '{'}\"{key}\":'")
        parts.append(_value(out, level, prefix, params))
    return "(" + " || ".join([*parts, "'}'"] if parts else ["'{}'"]) + ")"


def _scalar(expr: str) -> str:
    return f"coalesce(to_json({expr})::text, 'null')"


def _value(out, level: _Level, prefix: str, params: list) -> str:
    if isinstance(out, Column):
        column = level.column(prefix + out.path)
        if out.convert is None or out.convert is date.isoformat:  # PostgreSQL writes a date as ISO 8601
            return _scalar(column)
        if out.convert is _utc_isoformat:
            return _utc_text(column)
        raise Unsupported(f"{out.path}: converted by {out.convert!r}")
    if isinstance(out, Const):
        if not isinstance(out.value, str | int | bool | None):
            raise Unsupported(repr(out.value))
        params.append(out.value)
        return _scalar("%s")
    if isinstance(out, Computed):
        return _computed(out, level, prefix, params)
    if isinstance(out, One):
        path = prefix + out.relation
        if not level.joining:  # the top rows: a subquery (their FROM is the queryset's)
            child, on = level.related(path)
            key = level.column(path)
            found = f"(SELECT {_object(out.shape, child, '', params)} FROM {child.from_sql()} WHERE {on})"  # noqa: S608
            return f"CASE WHEN {key} IS NULL THEN 'null' ELSE {found} END"
        pk = level.column(f"{path}__pk")
        return f"CASE WHEN {pk} IS NULL THEN 'null' ELSE {_object(out.shape, level, path + '__', params)} END"
    if isinstance(out, Many):
        return _many(out, level, prefix, params)
    raise Unsupported(repr(out))


def _computed(out: Computed, level: _Level, prefix: str, params: list) -> str:
    if len(out.paths) != 1:
        raise Unsupported(repr(out))
    column = level.column(prefix + out.paths[0])
    if isinstance(out.fn, Link):
        params.extend([out.fn.head, out.fn.tail])
        return f"CASE WHEN {column} IS NULL THEN 'null' ELSE to_json(%s || {column} || %s)::text END"
    if isinstance(out.fn, ByChoice):
        cases = []
        for choice, result in out.fn.table.items():
            if result is None:
                params.append(str(choice))
                cases.append("WHEN %s THEN 'null'")
            elif isinstance(result, str):
                params.extend([str(choice), result])
                cases.append("WHEN %s THEN to_json(%s::text)::text")
            else:
                raise Unsupported(repr(result))
        return f"CASE {column}::text {' '.join(cases)} ELSE 'null' END"
    raise Unsupported(repr(out.fn))


def _utc_text(column: str) -> str:
    """DRF's ISO 8601 for a UTC date-time: a fraction of a second only when there is one, then "Z"."""
    utc = f"({column} AT TIME ZONE 'UTC')"
    fraction = f"CASE WHEN date_part('microseconds', {utc})::int %% 1000000 = 0 THEN '' ELSE to_char({utc}, '.US') END"
    text = f"""'"' || to_char({utc}, 'YYYY-MM-DD"T"HH24:MI:SS') || {fraction} || 'Z"'"""
    return f"CASE WHEN {column} IS NULL THEN 'null' ELSE {text} END"


def _many(out: Many, level: _Level, prefix: str, params: list) -> str:
    """A JSON array of the related rows, in the list's order: one correlated subquery."""
    if out.limit is not None or out.base is not None:
        raise Unsupported("a capped or filtered list")
    parent_pk = level.column(f"{prefix}pk")
    model = out.shape.model
    child = _Level(model, next(level.names), level.names)
    item = _value(Column(out.flat), child, "", params) if out.flat else _object(out.shape, child, "", params)
    order = [o for o in (out.order or model._meta.ordering or ()) if o.lstrip("-") != out.link]
    if not any(o.lstrip("-") in ("pk", model._meta.pk.name) for o in order):
        order.append("pk")
    order_sql = ", ".join(_order_term(child, o) for o in order)
    source, where = _related(model._meta.get_field(out.link), child, parent_pk)
    return (
        f"(SELECT '[' || coalesce(string_agg({item}, ',' ORDER BY {order_sql}), '') || ']' "  # noqa: S608
        f"FROM {source} WHERE {where})"
    )


def _related(link, child: _Level, parent_pk: str) -> tuple[str, str]:
    """The FROM and WHERE that give the rows of ``child`` whose ``link`` is the parent."""
    if isinstance(link, ForeignObjectRel) and link.many_to_many:  # the parent's many-to-many, seen from here
        field = link.field
        through, to_parent, to_child = field.remote_field.through, field.m2m_column_name(), field.m2m_reverse_name()
    elif isinstance(link, ManyToManyField):  # this model's many-to-many to the parent
        through, to_parent, to_child = link.remote_field.through, link.m2m_reverse_name(), link.m2m_column_name()
    elif not isinstance(link, ForeignObjectRel) and link.many_to_one:  # these rows' foreign key to the parent
        return child.from_sql(), f'{child.alias}."{link.column}" = {parent_pk}'
    else:
        raise Unsupported(str(link))
    pair = next(child.names)
    child_pk = f'{child.alias}."{child.model._meta.pk.column}"'
    source = child.from_sql(f'"{through._meta.db_table}" {pair}', f'{child_pk} = {pair}."{to_child}"')
    return source, f'{pair}."{to_parent}" = {parent_pk}'


def _order_term(level: _Level, name: str) -> str:
    descending = name.startswith("-")
    path = name.lstrip("-")
    return level.column(path) + (" DESC" if descending else "")
