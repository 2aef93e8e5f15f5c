"""The most expensive GraphQL queries an anonymous client can get through the limits; prints time and size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/attache_gql_bench DEBUG=1 \\
        .venv/bin/python bench/bench_graphql_worst.py

Runs against whatever database DATABASE_URL names (fill it first, e.g.
``manage.py generate_synthetic_data --events 1000000 --seed 7``). Each
candidate is shaped to pass the limits (depth 10, 15 aliases, 1,000 tokens,
first ≤ 100, an estimate within MAX_NODES) while making the server work as
hard as it can: the widest page, lists whose real size beats their estimate,
fifteen aliased counts, searches or networks (weighed by the root-work
limit, not the node budget: fifteen searches are refused, one is admitted). Each is POSTed anonymously through the
Django test client (response cache off, throttle raised); the best of
``--runs`` is printed with the body's size and ``extensions.cost``, or the
error that refused it. The slowest admitted candidate is named at the end.
"""

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EVENT_FIELDS = "title slug kind startDate startPrecision endDate status city venue summary cameoCode ploverCategory"
WIDEST = f"""{{ events(first: 100) {{ edges {{ cursor node {{ {EVENT_FIELDS} country {{ iso2 name }}
  participants {{ role titleAsReported description person {{ name nativeName nationality {{ iso2 }} }}
                  office {{ title country {{ iso2 }} }} country {{ iso2 }} source {{ headline }} }}
  topics {{ name parent {{ name }} }} sources {{ url publisher headline publishedOn }} }} }} }} }}"""
# Lists without first are estimated at LIST_ESTIMATE (20) but may hold 100: the actual count beats the estimate.
UNDERESTIMATED = """{ people(first: 100) { edges { node { name
  participations { role event { title startDate } } tenures { start office { title } } } } } }"""
CAREERS = """{ events(first: 4) { edges { node { title participants { person { name
  tenures { start end office { title country { iso2 } } } participations { role event { title } } } } } } } }"""


def _aliases(template: str, values: list[str]) -> str:
    return "{ " + " ".join(f"a{i}: {template % value}" for i, value in enumerate(values)) + " }"


def candidates(countries: list[str], words: list[str]) -> dict[str, str]:
    pairs = [f'["{a}", "{b}"]' for a, b in itertools.pairwise(countries)][:15]
    return {
        "widest page: 100 events, every field, participants, topics, sources": WIDEST,
        "underestimated lists: 100 people × participations, tenures without first": UNDERESTIMATED,
        "careers: 4 events × participants × tenures, participations": CAREERS,
        "15 aliased search counts": _aliases('events(filters: {search: "%s"}) { totalCount }', words),
        **{
            f"one search count: {word}": f'{{ events(filters: {{search: "{word}"}}) {{ totalCount }} }}'
            for word in words[:5]
        },
        "a search page of 100 events with every field and totalCount": WIDEST.replace(
            "events(first: 100)", f'events(first: 100, filters: {{search: "{words[0]}"}})'
        ).replace("{ edges", "{ totalCount edges", 1),
        "heaviest admitted searches: events, sources (work 15)": (
            f'{{ e: events(filters: {{search: "{words[2]}"}}) {{ totalCount }} '
            f's: sources(filters: {{search: "{words[2]}"}}) {{ totalCount }} }}'
        ),
        "a search box: events, people, offices, topics, countries (work 15)": "{ "
        + " ".join(
            f'{root}(first: 5, filters: {{search: "{words[2]}"}}) {{ totalCount }}'
            for root in ("events", "people", "offices", "topics", "countries")
        )
        + " }",
        "3 aliased networks of 100 links": _aliases(
            "network(first: 100, filters: {countries: %s}) { people { name } links { events firstMet lastMet } }",
            pairs[:3],
        ),
        "15 aliased country-pair counts": _aliases("events(filters: {countries: %s}) { totalCount }", pairs),
        "15 aliased networks of 100 links": _aliases(
            "network(first: 100, filters: {countries: %s}) { people { name } links { events firstMet lastMet } }",
            pairs,
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Runs per query; the best is printed.")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    os.environ["RESPONSE_CACHE_SECONDS"] = "0"  # every run does the work
    os.environ["API_ANON_RATE"] = "100000/minute"
    import django

    django.setup()
    from django.db.models import Count
    from django.test import Client

    from common.graphql.limits import MAX_NODES, MAX_OBJECTS, MAX_RESPONSE_BYTES
    from events.models import Topic
    from people.models import Country

    countries = list(
        Country.objects.annotate(n=Count("participations")).order_by("-n").values_list("iso2", flat=True)[:16]
    )
    words = [w for name in Topic.objects.order_by("name").values_list("name", flat=True)[:15] for w in name.split()[:1]]
    print(f"limits: estimate ≤ {MAX_NODES:,}, answer ≤ {MAX_OBJECTS:,} objects, body ≤ {MAX_RESPONSE_BYTES:,} bytes")
    client = Client()
    admitted: list[tuple[float, str]] = []
    for name, query in candidates(countries, words).items():
        best, size, body = float("inf"), 0, {}
        for _ in range(args.runs):
            started = time.perf_counter()
            response = client.post("/graphql/", {"query": query}, content_type="application/json")
            best = min(best, time.perf_counter() - started)
            size, body = len(response.content), response.json()
        cost = body.get("extensions", {}).get("cost", {})
        figures = (
            f"{best * 1000:8.1f} ms {size / 1024:9.1f} kB  cost {cost.get('estimated')}/{cost.get('actual')}"
            f" work {cost.get('work')}"
        )
        if body.get("errors"):
            error = body["errors"][0]
            print(f"refused  {figures}  {name}: {error.get('extensions', {}).get('code')} {error['message'][:90]}")
        else:
            admitted.append((best, name))
            print(f"admitted {figures}  {name}")
    if admitted:
        best, name = max(admitted)
        print(f"slowest admitted: {name} ({best * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
