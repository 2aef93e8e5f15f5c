"""manage.py ingest_article FILE: propose events from a news article and save them as drafts (or, with
--dry-run, print the proposal as JSON and save nothing)."""

import json
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from events.ingest.drafts import drafts_from_proposal
from events.ingest.proposal import propose
from events.ingest.text import MAX_CHARS
from events.services.ingest import article_drafts_create


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published: not a date (YYYY-MM-DD): {value!r}") from None


def _messages(exc: ValidationError) -> str:
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
    return "; ".join(f"{k}: {' '.join(v)}" if k else " ".join(v) for k, v in detail.items())


class Command(BaseCommand):
    help = (
        "Read a news article (plain text) and propose its source and events; save the events that have a date "
        "as drafts citing the source (through the same services as every write), or print the proposal."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the article as plain text (UTF-8), as copied from the page")
        parser.add_argument("--url", default="", help="where the article can be read (also a source of its date)")
        parser.add_argument("--publisher", default="", help="who published it, when the text does not say")
        parser.add_argument("--published", type=_day, help="publication date YYYY-MM-DD, when the text lacks it")
        parser.add_argument("--dry-run", action="store_true", help="print the proposal as JSON; save nothing")
        parser.add_argument("--user", default="", help="the curator saving (default: the first superuser)")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            if path.stat().st_size > MAX_CHARS * 4:
                raise CommandError(
                    f"{path}: {path.stat().st_size:,} bytes; an article has at most {MAX_CHARS:,} "
                    "characters. Save the article's text, not the page."
                )
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{path}: cannot read it ({exc.strerror or exc}).") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path}: not UTF-8 text; save the article as plain text.") from None
        try:
            proposal = propose(text, url=options["url"], publisher=options["publisher"], published=options["published"])
        except ValidationError as exc:
            raise CommandError(f"{path}: {_messages(exc)}") from None
        if options["dry_run"]:
            self.stdout.write(json.dumps(proposal, ensure_ascii=False, indent=2))
            return
        dated = [e["number"] for e in proposal["events"] if (e.get("date") or {}).get("value")]
        for event in proposal["events"]:
            if event["number"] not in dated:
                self.stdout.write(f"not saved (no date; add it in the admin): {event['title']}")
        if not dated:
            raise CommandError(f"{path}: no event with a date to save; see --dry-run for the proposal.")
        try:
            saved = article_drafts_create(drafts=drafts_from_proposal(proposal, dated), user=self._user(options))
        except ValidationError as exc:
            raise CommandError(f"{path}: nothing saved: {_messages(exc)}") from None
        verb = "created" if saved.source_created else "reused"
        self.stdout.write(f"source {saved.source.pk} {verb}: {saved.source}")
        for event in saved.events:
            self.stdout.write(f"draft event {event.slug}: {event.title}")
        self.stdout.write(self.style.SUCCESS(f"{len(saved.events)} draft event(s) saved from {path}"))

    def _user(self, options):
        users = get_user_model().objects
        if options["user"]:
            user = users.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"--user: no user {options['user']!r}.")
            return user
        user = users.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if user is None:
            raise CommandError("No superuser to save as: give --user USERNAME (a curator).")
        return user
