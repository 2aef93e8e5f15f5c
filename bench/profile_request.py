"""Where one request's time goes: a pyinstrument profile of Attaché's heaviest pages, in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/attache_bench .venv/bin/python bench/profile_request.py gql
    DATABASE_URL=… .venv/bin/python bench/profile_request.py rest --repeat 200

Runs the request ``--repeat`` times under the profiler (after warming up) through Django's
test client, with DEBUG off and the response cache off, and prints the call tree with the
time per request and the SQL queries and their time. For profiles of the server under load,
use py-spy on a worker: ``py-spy record -p PID --format speedscope -d 20``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ["RESPONSE_CACHE_SECONDS"] = "0"
os.environ["API_ANON_RATE"] = ""

sys.path.insert(0, str(ROOT / "bench"))
from load_test import GQL_EVENTS  # noqa: E402

REQUESTS = {
    "gql": ("POST", "/graphql/", json.dumps({"query": GQL_EVENTS % ""})),
    "rest": ("GET", "/api/v1/events/?page_size=50", None),
    "rest_q": ("GET", "/api/v1/events/?q=denuclearization&page_size=50", None),
    "tenures_on": ("GET", "/api/v1/tenures/?on=2020-12-09&page_size=50", None),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("request", choices=REQUESTS)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from pyinstrument import Profiler

    method, path, body = REQUESTS[args.request]
    client = Client()

    def call():
        if method == "GET":
            return client.get(path)
        return client.post(path, body, content_type="application/json")

    for _ in range(20):
        assert call().status_code == 200
    with CaptureQueriesContext(connection) as queries:
        call()
    sql_count = len(queries.captured_queries)  # read now: the next request resets Django's query log
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    profiler.start()
    for _ in range(args.repeat):
        call()
    profiler.stop()
    per_request = (time.perf_counter() - started) / args.repeat * 1000
    print(
        f"{args.request}: {per_request:.1f} ms per request under the profiler, "
        f"{sql_count} SQL queries taking {sql_ms:.1f} ms"
    )
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
