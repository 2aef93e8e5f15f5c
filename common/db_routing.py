"""Reads from PostgreSQL replicas, writes to the primary, and the primary again after a write.

With ``DATABASE_REPLICA_URLS`` set (settings), each request reads from one replica, picked
at its first read and kept for the request, so everything it reads (the response cache's
data version included) comes from one consistent snapshot stream. It reads from the
primary instead:

- once it has written anything (a write pins the rest of the request to the primary, so
  a service reads back what it just wrote, never a replica that has not caught up);
- inside a transaction on the primary (``transaction.atomic``);
- for the whole of an unsafe REST request (POST, PUT, PATCH, DELETE: their validation
  reads must see the primary) and of a GraphQL mutation (``PrimaryForMutations``).

Outside requests (management commands), the same holds per thread of execution.
Migrations run on the primary only; replicas receive them by replication.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

_pinned: ContextVar[bool] = ContextVar("attache_primary_pinned", default=False)
_replica: ContextVar[str | None] = ContextVar("attache_replica", default=None)
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def replicas() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def pin_primary() -> None:
    """Read from the primary from now on, until the request ends."""
    _pinned.set(True)


class ReplicaRouter:
    def db_for_read(self, model, **hints) -> str:
        if _pinned.get() or connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        chosen = _replica.get()
        if chosen is None:
            names = replicas()
            if not names:
                return DEFAULT_DB_ALIAS
            chosen = random.choice(names)  # noqa: S311 - load spreading, not security
            _replica.set(chosen)
        return chosen

    def db_for_write(self, model, **hints) -> str:
        pin_primary()
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # every alias holds the same data

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS


class PrimaryAfterWritesMiddleware:
    """Each request starts unpinned, on no replica yet; unsafe REST requests read the primary throughout."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        pinned = _pinned.set(request.method in UNSAFE_METHODS and not request.path_info.startswith("/graphql/"))
        replica = _replica.set(None)
        try:
            return self.get_response(request)
        finally:
            _pinned.reset(pinned)
            _replica.reset(replica)


class PrimaryForMutations(SchemaExtension):
    """A GraphQL mutation reads the primary from its first resolver on."""

    def on_execute(self) -> Iterator[None]:
        if self.execution_context.operation_type == OperationType.MUTATION:
            pin_primary()
        yield
