"""Querysets whose SQL is compiled once and run again with other ids.

Building and compiling a Django queryset with joins and a window function costs
about 2 ms of Python, often more than the query takes in the database. The related
rows of a page (an event's participants, its topics) are read by the same query
every time, with only the parent ids changing; ``values_for_ids`` compiles it once
per shape and number of ids and then substitutes the ids into the cached
parameters. The rows come back exactly as ``values()`` gives them: the database
backend's converters (dates on SQLite, for instance) are applied the same way.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from django.db import connections, router
from django.db.models import QuerySet

MAX_ENTRIES = 512
# Placeholder ids no table holds; their positions among the compiled parameters are where the real ids go.
SENTINEL_BASE = -(2**62)

_entries: OrderedDict[Hashable, _Prepared] = OrderedDict()
_lock = threading.Lock()


class _Prepared:
    def __init__(self, queryset: QuerySet, n: int) -> None:
        query = queryset.query
        self.model = queryset.model
        compiler = query.get_compiler(using=queryset.db)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        sentinels = {SENTINEL_BASE + i: i for i in range(n)}
        self.positions = [(pos, sentinels[p]) for pos, p in enumerate(self.params) if p in sentinels]
        if len(self.positions) != n:
            raise ValueError("the ids do not appear once each among the parameters")
        self.names = (
            list(query.selected)
            if query.selected
            else [*query.extra_select, *query.values_select, *query.annotation_select]
        )
        fields = [s[0] for s in compiler.select[: compiler.col_count]]
        self.converters = list(compiler.get_converters(fields).items())

    def run(self, ids: Sequence[Any]) -> list[dict]:
        params = list(self.params)
        for pos, index in self.positions:
            params[pos] = ids[index]
        connection = connections[router.db_for_read(self.model)]  # SQL compiled once serves any replica too
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        names = self.names
        if not self.converters:
            return [dict(zip(names, row, strict=True)) for row in rows]
        out = []
        for row in map(list, rows):
            for pos, (convs, expression) in self.converters:
                value = row[pos]
                for convert in convs:
                    value = convert(value, expression, connection)
                row[pos] = value
            out.append(dict(zip(names, row, strict=True)))
        return out


def values_for_ids(key: Hashable, ids: Sequence[Any], make: Callable[[Sequence[Any]], QuerySet]) -> list[dict]:
    """``list(make(ids))`` for a ``values()`` queryset ``make`` builds, its SQL compiled once per ``key`` and count.

    ``key`` must name everything the SQL depends on besides the ids.
    """
    entry_key = (key, len(ids))
    with _lock:
        entry = _entries.get(entry_key)
        if entry is not None:
            _entries.move_to_end(entry_key)
    if entry is None:
        try:
            entry = _Prepared(make([SENTINEL_BASE + i for i in range(len(ids))]), len(ids))
        except (ValueError, TypeError):
            return list(make(ids))  # ids transformed on the way into SQL: no substitution possible
        with _lock:
            _entries[entry_key] = entry
            while len(_entries) > MAX_ENTRIES:
                _entries.popitem(last=False)
    return entry.run(ids)


def clear() -> None:
    with _lock:
        _entries.clear()
