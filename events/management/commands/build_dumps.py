"""``manage.py build_dumps DIR``: the full public exports, gzipped, with a manifest (``events.dumps``)."""

import time
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from events.dumps import build_dumps


class Command(BaseCommand):
    help = (
        "Write the public exports of every published event (events.jsonl.gz, events.csv.gz, events.import.csv.gz) "
        "and of people, offices and tenures (popolo.json.gz) into a new build folder under DIR, all from one "
        "snapshot of the database, then DIR/manifest.json with each file's rows, size and SHA-256, the newest "
        "event change and changes_since (where a mirror continues with /api/v1/changes/). Keeps the two newest "
        "builds. Schedule it nightly; set DUMPS_DIR to DIR for /api/v1/dumps/ to serve them."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "dir", nargs="?", default=settings.DUMPS_DIR, help="Where to write (default: the DUMPS_DIR setting)."
        )
        parser.add_argument(
            "--base-url",
            default=settings.PUBLIC_URL,
            help="Where the API is served, for the links in the dumps (default: the PUBLIC_URL setting, "
            f"now {settings.PUBLIC_URL}).",
        )
        parser.add_argument("--keep", type=int, default=2, help="How many builds to keep, the newest (default 2).")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["dir"]:
            raise CommandError("Name the folder to write to, or set DUMPS_DIR.")
        if options["keep"] < 1:
            raise CommandError("--keep must be at least 1.")
        started = time.monotonic()
        try:
            manifest = build_dumps(
                Path(options["dir"]),
                base_url=options["base_url"],
                keep=options["keep"],
                progress=lambda name: self.stdout.write(f"writing {name} …"),
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        for item in manifest["files"]:
            rows = ", ".join(f"{n:,} {what}" for what, n in item["rows"].items())
            self.stdout.write(f"{item['path']}: {rows}, {item['bytes']:,} bytes, sha256 {item['sha256'][:16]}…")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Wrote {Path(options['dir']) / 'manifest.json'} in {elapsed:.1f} s."))
