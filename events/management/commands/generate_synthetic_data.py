"""``manage.py generate_synthetic_data --events N --seed S``: a realistic dataset for demos and benchmarks."""

import time
from argparse import ArgumentParser, ArgumentTypeError
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from events.synthetic import DEFAULT_CHUNK_SIZE, SyntheticDataExists, generate_synthetic_data, slug_prefix


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ArgumentTypeError("must be at least 1")
    return number


def _not_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise ArgumentTypeError("must not be negative")
    return number


class Command(BaseCommand):
    help = (
        "Generate a synthetic but realistic dataset in proportion to --events: countries (existing ones are "
        "reused by ISO code), people (events/20, at least 20), offices (events/200, at least 10) with "
        "non-overlapping tenures from before 1990 to today, about 40 topics in two levels, sources (events/2) "
        "and the events themselves, each with 2-4 participants who held their office on the event date, "
        "1-3 topics and 1-2 sources. The same --events and --seed always give the same rows. Every slug starts "
        "with syn<seed>- and every source URL with https://example.org/synthetic/<seed>/, so seeds never collide; "
        "a seed that is already in the database is refused. Writes in one transaction: with COPY on PostgreSQL "
        "(the tables are locked until commit; the foreign keys of the event tables are dropped for the load and "
        "added back, checking every row), with batched INSERTs elsewhere."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--events",
            type=_positive,
            required=True,
            help="How many events to make; everything else is sized in proportion (e.g. 1000000).",
        )
        parser.add_argument(
            "--seed",
            type=_not_negative,
            required=True,
            help="Seed of the random generator (>= 0). It also namespaces the rows: slugs start with syn<seed>-. "
            "A seed can be generated once per database.",
        )
        parser.add_argument(
            "--chunk-size",
            type=_positive,
            default=DEFAULT_CHUNK_SIZE,
            help=f"Events written per batch, in multiples of 10,000; bounds memory and does not change the rows "
            f"(default {DEFAULT_CHUNK_SIZE}).",
        )
        parser.add_argument(
            "--database",
            default="default",
            help="The database alias to write to (default 'default').",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        events, seed = options["events"], options["seed"]
        started = time.monotonic()
        show_progress = options["verbosity"] >= 1

        def progress(stage: str, done: int, total: int) -> None:
            if show_progress:
                elapsed = time.monotonic() - started
                self.stderr.write(f"{stage}: {done:,}/{total:,} ({100 * done // total}%) after {elapsed:.1f}s")

        try:
            result = generate_synthetic_data(
                events=events,
                seed=seed,
                chunk_size=options["chunk_size"],
                using=options["database"],
                progress=progress,
            )
        except SyntheticDataExists as exc:
            raise CommandError(
                f"seed {seed} already generated: rows with slugs starting '{slug_prefix(seed=seed)}' exist. "
                "Choose another --seed."
            ) from exc
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated seed {seed} in {seconds:.1f}s with {result.method} "
                f"({result.countries_reused} existing countries reused):"
            )
        )
        width = max(len(table) for table in result.rows)
        for table, count in result.rows.items():
            self.stdout.write(f"  {table:<{width}}  {count:>10,}")
