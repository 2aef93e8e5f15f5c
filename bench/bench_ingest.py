"""The article assistant against the curated fixtures: precision and recall, and the time per article.

    .venv/bin/python bench/bench_ingest.py [--people 5000]

Loads the fixtures into a fresh SQLite file (a temporary directory), runs the assistant on each of the five
seed articles of shared/seeds with the URL the curators recorded (as a curator pastes it; nothing else is
given) and compares what it proposes with what the curators recorded for that source:

- participants: the people taking part (host, guest, participant) in the article's events;
- dates: the events' start dates with their precision;
- places: the events' (city, country), a city matching when one name starts the other ("Washington" and
  "Washington, D.C.");
- topics: the topics of the article's events.

Each is a set per article; precision and recall are summed over the five articles (micro-averaged). The time
per article includes the proposal only (the name index is built once; its build time is printed apart).
``--people N`` adds N synthetic people with tenures first, to time the index at the size of a real import.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(people: int) -> None:
    directory = tempfile.mkdtemp(prefix="attache-bench-ingest-")
    os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("loaddata", *sorted(str(p) for p in (ROOT / "fixtures").glob("*.json")), verbosity=0)
    if people:
        from people.models import Person

        Person.objects.bulk_create(
            Person(name=f"Synthetic Person{n} Name{n}", sort_name=f"Name{n}, Synthetic", slug=f"synthetic-{n}")
            for n in range(people)
        )


def curated(source) -> dict[str, set]:
    from events.models import Participation

    events = list(source.events.prefetch_related("topics").select_related("country"))
    taking_part = Participation.objects.filter(event__in=events, person__isnull=False).exclude(role="mentioned")
    return {
        "participants": set(taking_part.values_list("person__slug", flat=True)),
        "dates": {(e.start_date.isoformat(), e.start_precision) for e in events},
        "places": {(e.city, e.country.iso2 if e.country else None) for e in events},
        "topics": {t.slug for e in events for t in e.topics.all()},
    }


def proposed(proposal: dict) -> dict[str, set]:
    events = proposal["events"]
    return {
        "participants": {
            p["person"]["slug"] for e in events for p in e["participants"] if p["person"] and p["role"] != "mentioned"
        },
        "dates": {(e["date"]["value"], e["date"]["precision"]) for e in events if e["date"] and e["date"]["value"]},
        "places": {(e["city"], e["country"]) for e in events if e["country"]},
        "topics": {t["slug"] for e in events for t in e["topics"]},
    }


def _place_match(a: tuple, b: tuple) -> bool:
    return a[1] == b[1] and (a[0] == b[0] or bool(a[0] and b[0] and (a[0].startswith(b[0]) or b[0].startswith(a[0]))))


def matched(kind: str, got: set, wanted: set) -> tuple[int, int]:
    """(proposed items that are right, curated items that were found)."""
    if kind != "places":
        return len(got & wanted), len(got & wanted)
    right = sum(any(_place_match(g, w) for w in wanted) for g in got)
    found = sum(any(_place_match(g, w) for g in got) for w in wanted)
    return right, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=0, help="synthetic people to add before building the index")
    args = parser.parse_args()
    setup(args.people)
    from events.ingest.proposal import propose
    from people.matching import NameIndex, shared_index
    from sources.models import Source
    from tests.shared_material import shared_dir

    shared = shared_dir()
    if shared is None:
        sys.exit("shared/seeds not found: set ATTACHE_SHARED (tests/shared_material.py)")
    started = time.perf_counter()
    index = NameIndex.build()
    built = time.perf_counter() - started
    shared_index()  # warm the shared one the assistant uses
    kinds = ("participants", "dates", "places", "topics")
    totals = {k: [0, 0, 0, 0] for k in kinds}  # right, proposed, found, curated
    print(f"name index: {len(index.people)} people, {len(index.matcher)} phrases, built in {built * 1000:.0f} ms\n")
    print(f"{'article':<26} {'ms':>6}  " + "  ".join(f"{k:>16}" for k in kinds))
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text()
        source = next(s for s in Source.objects.all() if s.headline in text)
        started = time.perf_counter()
        proposal = propose(text, url=source.url)
        elapsed = (time.perf_counter() - started) * 1000
        got, wanted = proposed(proposal), curated(source)
        cells = []
        for kind in kinds:
            right, found = matched(kind, got[kind], wanted[kind])
            for i, value in enumerate((right, len(got[kind]), found, len(wanted[kind]))):
                totals[kind][i] += value
            cells.append(f"{right}/{len(got[kind])} {found}/{len(wanted[kind])}".rjust(16))
        print(f"{path.name[:26]:<26} {elapsed:6.1f}  " + "  ".join(cells))
    print("\n(cells: right/proposed found/curated)\n")
    for kind in kinds:
        right, proposed_count, found, curated_count = totals[kind]
        precision = right / proposed_count if proposed_count else 0.0
        recall = found / curated_count if curated_count else 0.0
        shares = f"precision {precision:.2f} ({right}/{proposed_count})  recall {recall:.2f} ({found}/{curated_count})"
        print(f"{kind:<13} {shares}")


if __name__ == "__main__":
    main()
