"""Prebuilt dumps: the public exports written once, compressed, with a manifest a mirror can trust.

``build_dumps(folder, base_url=…)`` writes, from one snapshot of the database (every file agrees with every
other), the published events as ``events.jsonl.gz``, ``events.csv.gz`` and ``events.import.csv.gz``, and the
people, offices and tenures as ``popolo.json.gz``; then ``manifest.json``: each file's name, media type, row
count, size and SHA-256, the time of the newest event change, and ``changes_since``, the moment of the snapshot,
from which a mirror that loaded the dump asks ``/api/v1/changes/`` for what came after.

Files are written under temporary names and renamed into place, the manifest last, so a reader never sees a
half-written file or a manifest naming files that are not there yet. A scheduler runs it nightly
(``python manage.py build_dumps DIR``); the API serves the latest from ``DUMPS_DIR`` (``events.api.dumps``).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.db import connections, transaction
from django.http import HttpRequest
from django.utils import timezone

from events import exports
from events.models import Event
from events.selectors import event_list, last_event_change
from people.api.popolo import popolo_chunks

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class Dump:
    name: str
    media_type: str
    header_lines: int  # lines before the first row (a CSV header)


DUMPS = [
    Dump("events.jsonl.gz", "application/jsonl", 0),
    Dump("events.csv.gz", "text/csv", 1),
    Dump("events.import.csv.gz", "text/csv", 1),
    Dump("popolo.json.gz", "application/json", 0),
]


class PublicRequest(HttpRequest):
    """A request as if made to ``base_url`` by an anonymous client: API links in the dumps start with it."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"A base URL such as https://attache.example.org, not {base_url!r}.")
        self._scheme, self._host, self.path = parts.scheme, parts.netloc, "/"

    def _get_scheme(self) -> str:
        return self._scheme

    def get_host(self) -> str:
        return self._host


def _lines(dump: Dump, request: HttpRequest, counts: dict) -> Iterator[bytes]:
    events = event_list()  # anonymous: published events only
    if dump.name == "events.jsonl.gz":
        return exports.json_lines(events, request)
    if dump.name == "events.csv.gz":
        return exports.csv_lines(events, request)
    if dump.name == "events.import.csv.gz":
        return exports.import_csv_lines(events, request)
    return popolo_chunks(counts)


def _write(path: Path, lines: Iterable[bytes]) -> tuple[int, int, str]:
    """``lines`` (a row each) gzipped into ``path``: the rows, the compressed size and its SHA-256."""
    count = 0
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6, mtime=0) as out:
        for line in lines:
            out.write(line)
            count += 1
    digest = hashlib.sha256()
    with open(path, "rb") as written:
        while block := written.read(1 << 20):
            digest.update(block)
    return count, path.stat().st_size, digest.hexdigest()


def _iso(moment) -> str | None:
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def build_dumps(folder: Path, *, base_url: str, keep: int = 2, progress=None) -> dict:
    """Write every dump into a new build folder under ``folder``, then ``folder/manifest.json`` naming them;
    keeps the ``keep`` newest builds (a reader of the previous manifest can still finish). Returns the manifest."""
    request = PublicRequest(base_url)
    build = timezone.now().strftime("%Y%m%dT%H%M%S%fZ")
    (folder / build).mkdir(parents=True)
    db = Event.objects.db
    files = []
    with _snapshot(db):
        taken, newest = timezone.now(), last_event_change()
        for dump in DUMPS:
            if progress:
                progress(dump.name)
            counts: dict = {}
            lines, size, sha256 = _write(folder / build / dump.name, _lines(dump, request, counts))
            rows = counts or {"events": lines - dump.header_lines}
            files.append({"name": dump.name, "path": f"{build}/{dump.name}", "media_type": dump.media_type,
                          "compression": "gzip", "rows": rows, "bytes": size, "sha256": sha256})  # fmt: skip
    manifest = {
        "generated_at": _iso(timezone.now()),
        "changes_since": _iso(taken),
        "newest_change": _iso(newest),
        "base_url": base_url,
        "files": files,
    }
    partial = folder / f".{MANIFEST}.partial"
    partial.write_text(json.dumps(manifest, indent=2) + "\n")
    os.replace(partial, folder / MANIFEST)  # readers see the old manifest or the new one, never a mix
    for old in sorted(p for p in folder.iterdir() if p.is_dir() and p.name[:8].isdigit())[:-keep]:
        shutil.rmtree(old)
    return manifest


@contextmanager
def _snapshot(db: str) -> Iterator[None]:
    """One transaction every dump is read in: on PostgreSQL REPEATABLE READ, so every file shows the same data
    (SQLite's transactions are snapshots already)."""
    connection = connections[db]
    fresh = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic(using=db):
        if fresh:  # the first statement of the transaction
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield
