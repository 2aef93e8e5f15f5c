"""Bulk exports at dataset scale, beside PostgreSQL's own COPY of the same rows (issue #17).

    .venv/bin/python bench/bench_exports.py --events 20000 \\
        --database-url postgres://postgres@127.0.0.1:5432/attache_exports
    .venv/bin/python bench/bench_exports.py --events 1000000      # …/attache_bench, shared with load_test.py

What it does:
1. builds the database with ``generate_synthetic_data --events N --seed 1`` unless it holds that many events
   (``load_test.ensure_database``: then VACUUM ANALYZE and the tables read into memory);
2. times the floor: ``COPY (SELECT …) TO STDOUT WITH CSV`` of every published event with its participants
   (name, role, office, title as reported), topics and sources, read by psycopg in this process;
3. starts Attaché as the Dockerfile serves it (gunicorn, ``gunicorn.conf.py``, DEBUG off) on 127.0.0.1 and reads
   each export over HTTP to the end: time to the first byte, total time, bytes, rows, rows per second, and the
   worker's memory (RSS) before and at its peak, sampled every 0.2 s;
4. prints a Markdown table (``--output`` also writes it to a file).

Traffic goes only to 127.0.0.1; each export is read once; the server stops at the end.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_test import ATTACHE, PORTS, children, ensure_database, rss_kb, serving

EXPORTS = ["events.csv", "events.import.csv", "events.jsonl", "popolo.json"]

FLOOR = """
SELECT e.id, e.slug, e.title, e.kind, e.status, e.start_date, e.start_precision, e.end_date, e.end_precision,
       e.city, e.venue, c.iso2, e.summary,
       (SELECT string_agg(coalesce(p.name, pa.description) || ' (' || pa.role || coalesce(', ' || o.title, '')
                          || ') ' || pa.title_as_reported, '; ' ORDER BY pa.id)
          FROM events_participation pa LEFT JOIN people_person p ON p.id = pa.person_id
          LEFT JOIN people_office o ON o.id = pa.office_id WHERE pa.event_id = e.id),
       (SELECT string_agg(t.slug, '|' ORDER BY t.name, t.id) FROM events_event_topics et
          JOIN events_topic t ON t.id = et.topic_id WHERE et.event_id = e.id),
       (SELECT string_agg(s.url, ' ' ORDER BY s.id) FROM events_event_sources es
          JOIN events_source s ON s.id = es.source_id WHERE es.event_id = e.id),
       e.updated_at
  FROM events_event e LEFT JOIN people_country c ON c.id = e.country_id
 WHERE e.review_state = 'published' ORDER BY e.start_date, e.id
"""


# The issue's own floor: the published events with their participants' names only.
NAMES_FLOOR = """
SELECT e.id, e.slug, e.title, e.start_date, e.kind, e.status,
       (SELECT string_agg(coalesce(p.name, pa.description), '; ' ORDER BY pa.id)
          FROM events_participation pa LEFT JOIN people_person p ON p.id = pa.person_id WHERE pa.event_id = e.id)
  FROM events_event e WHERE e.review_state = 'published' ORDER BY e.start_date, e.id
"""


def floor(url: str, query: str = FLOOR) -> tuple[float, int, int]:
    """Seconds, bytes and rows of PostgreSQL's COPY of the published events with what an export shows."""
    import psycopg

    with psycopg.connect(url) as conn, conn.cursor() as cur:
        start, size, rows = time.perf_counter(), 0, 0
        with cur.copy(f"COPY ({query}) TO STDOUT WITH CSV") as copy:
            for block in copy:
                size += len(block)
                rows += 1
        return time.perf_counter() - start, size, rows


class Memory(threading.Thread):
    """The largest RSS of the server's workers, every 0.2 s."""

    def __init__(self, server_pid: int) -> None:
        super().__init__(daemon=True)
        self.server_pid, self.stop, self.peak = server_pid, threading.Event(), 0

    def now(self) -> int:
        return max((rss_kb(p) for p in children(self.server_pid)), default=0)

    def run(self) -> None:
        while not self.stop.wait(0.2):
            self.peak = max(self.peak, self.now())


def read_export(port: int, name: str, server_pid: int) -> dict:
    memory = Memory(server_pid)
    before = memory.now()
    memory.start()
    start = time.perf_counter()
    first = None
    size = lines = 0
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/exports/{name}", timeout=1800) as response:
        while block := response.read1(1 << 20):
            if first is None:
                first = time.perf_counter() - start
            size += len(block)
            lines += block.count(b"\n")
    total = time.perf_counter() - start
    memory.stop.set()
    memory.join()
    return {"name": name, "first": first or total, "total": total, "bytes": size, "lines": lines,
            "rss_before": before, "rss_peak": max(memory.peak, before)}  # fmt: skip


def report(
    events: int, floor_figures: tuple[float, int, int], names: tuple[float, int, int], results: list[dict]
) -> str:
    seconds, size, rows = floor_figures
    out = [
        f"### Exports at {events:,} events (PostgreSQL, gunicorn as in the Dockerfile, one client)",
        "",
        f"Floor: PostgreSQL's `COPY … TO STDOUT WITH CSV` of the {rows:,} published events with participants, "
        f"topics and sources: **{seconds:.2f} s** ({size / 1e6:,.0f} MB, {rows / seconds:,.0f} rows/s). "
        f"The events with their participants' names only (issue #17's floor): {names[0]:.2f} s "
        f"({names[1] / 1e6:,.0f} MB).",
        "",
        "| export | first byte | total | × floor | size | lines | rows/s | worker RSS before → peak |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        out.append(
            f"| `{r['name']}` | {r['first']:.2f} s | {r['total']:.2f} s | {r['total'] / seconds:.1f}× "
            f"| {r['bytes'] / 1e6:,.1f} MB | {r['lines']:,} | {r['lines'] / r['total']:,.0f} "
            f"| {r['rss_before'] / 1024:.0f} → {r['rss_peak'] / 1024:.0f} MB |"
        )
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/attache_bench")
    parser.add_argument("--only", default=",".join(EXPORTS), help="comma-separated exports to read")
    parser.add_argument("--output", help="also write the table to this file")
    args = parser.parse_args()
    ensure_database(args.database_url, args.events)
    floor(args.database_url)  # once untimed: the plan and the pages warm
    floor_figures = floor(args.database_url)
    print(f"floor: {floor_figures[0]:.2f} s, {floor_figures[1]:,} bytes, {floor_figures[2]:,} rows", flush=True)
    floor(args.database_url, NAMES_FLOOR)
    names = floor(args.database_url, NAMES_FLOOR)
    print(f"names floor: {names[0]:.2f} s, {names[1]:,} bytes", flush=True)
    results = []
    with serving(ATTACHE, args.database_url, EXPORT_STATEMENT_TIMEOUT="30min") as server:
        for name in args.only.split(","):
            results.append(read_export(PORTS[ATTACHE], name, server.pid))
            print(results[-1], flush=True)
    table = report(args.events, floor_figures, names, results)
    print(table)
    if args.output:
        Path(args.output).write_text(table)


if __name__ == "__main__":
    main()
