"""How long a page of the GraphQL events connection takes at different cursor depths; prints figures.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/attache_gql_bench DEBUG=1 \\
        .venv/bin/python bench/bench_graphql_keyset.py

Runs against whatever database DATABASE_URL names (fill it first, e.g.
``manage.py generate_synthetic_data --events 1000000 --seed 7``). For each
depth it builds the keyset cursor of the row that many published events deep
and POSTs a page of 20 events with participants, offices and topics through
the Django test client, printing the best of five runs. With keyset cursors
the times stay flat however deep the cursor is.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY = """
query Page($after: String) {
  events(first: 20, after: $after) {
    pageInfo { endCursor hasNextPage }
    edges { node { title startDate participants(first: 5) { person { name } office { title country { iso2 } } }
                   topics(first: 3) { name } } }
  }
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--depths", default="0,1000,100000,900000", help="Comma-separated cursor depths.")
    parser.add_argument("--runs", type=int, default=5, help="Runs per depth; the best is printed.")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    import django

    django.setup()
    from django.test import Client

    from common.graphql.keyset import encode_cursor
    from events.selectors import event_list

    client = Client()
    ordered = event_list().order_by("-start_date", "-id").only("start_date", "id")
    total = ordered.count()
    print(f"{total:,} published events")
    for depth in (int(d) for d in args.depths.split(",")):
        if depth >= total:
            print(f"after {depth:>9,}: skipped (only {total:,} events)")
            continue
        after = encode_cursor(ordered[depth - 1], ["start_date", "id"]) if depth else None
        best = float("inf")
        for _ in range(args.runs):
            started = time.perf_counter()
            body = client.post(
                "/graphql/", {"query": QUERY, "variables": {"after": after}}, content_type="application/json"
            ).json()
            best = min(best, time.perf_counter() - started)
            if "errors" in body:
                raise SystemExit(body["errors"])
        print(f"after {depth:>9,}: {best * 1000:7.1f} ms for a page of 20 with participants, offices, topics")


if __name__ == "__main__":
    main()
