"""Streaming a query's rows out of PostgreSQL with ``COPY … TO STDOUT``: the bulk exports' floor.

``copy_lines`` runs a one-column ``SELECT`` of text (a JSON document per row, as ``common.api.shapes_sql``
writes them) and yields its rows as they arrive, a line each, without a cursor the server computes whole first
and without building anything in Python. Memory stays flat whatever the row count: the server sends rows as it
produces them and psycopg hands each over as one buffer.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.db import connections, transaction

# CSV with a delimiter and quote that JSON text never holds raw (it escapes every control character): each row is
# written as it is, without the text format's backslash escapes.
AS_IS = "FORMAT csv, DELIMITER E'\\x1f', QUOTE E'\\x1e'"


def copy_lines(sql: str, params: tuple, *, using: str) -> Iterator[bytes]:
    """The rows of ``sql`` (one text column), each as one line ending in a newline, streamed as they come.

    The query starts when the first line is asked for; closing the iterator ends it (psycopg cancels the COPY)
    and the transaction it runs in."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('statement_timeout', %s, true)", [settings.EXPORT_STATEMENT_TIMEOUT or "0"])
        with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT WITH ({AS_IS})", params) as copy:
            for row in copy:
                yield bytes(row)


def batched(lines: Iterator[bytes], size: int = 64 * 1024) -> Iterator[bytes]:
    """``lines`` joined into blocks of about ``size`` bytes: one write to the client per block, not per row."""
    block: list[bytes] = []
    length = 0
    for line in lines:
        block.append(line)
        length += len(line)
        if length >= size:
            yield b"".join(block)
            block, length = [], 0
    if block:
        yield b"".join(block)
