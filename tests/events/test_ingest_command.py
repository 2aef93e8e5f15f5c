"""manage.py ingest_article: --dry-run prints the proposal and saves nothing; without it, dated events become
drafts; a file it cannot read is an error naming the file."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from events.models import Event, ReviewState

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)
    User.objects.create_superuser("root", password="x")


def test_dry_run_prints_the_proposal_as_json_and_saves_nothing(seed_data):
    out, before = StringIO(), Event.objects.count()
    call_command("ingest_article", str(ARTICLES / "wire_dateline.txt"), "--dry-run", stdout=out)
    proposal = json.loads(out.getvalue())
    assert proposal["source"]["agency"]["value"] == "AP"
    assert Event.objects.count() == before


def test_without_dry_run_the_dated_events_are_saved_as_drafts(seed_data):
    out = StringIO()
    call_command("ingest_article", str(ARTICLES / "wire_dateline.txt"), "--url", "https://example.org/ap/1", stdout=out)
    drafts = Event.objects.filter(sources__url="https://example.org/ap/1")
    assert drafts.count() == 2
    assert set(drafts.values_list("review_state", flat=True)) == {ReviewState.DRAFT}
    assert "2 draft event(s) saved" in out.getvalue()


def test_an_undated_article_saves_nothing_and_says_why(seed_data):
    before = Event.objects.count()
    with pytest.raises(CommandError, match="no event with a date"):
        call_command("ingest_article", str(ARTICLES / "undated_page.txt"), stdout=StringIO())
    assert Event.objects.count() == before


def test_the_published_option_dates_an_undated_article(seed_data):
    call_command(
        "ingest_article",
        str(ARTICLES / "undated_page.txt"),
        "--published",
        "2024-11-20",
        "--publisher",
        "Blog",
        stdout=StringIO(),
    )
    assert Event.objects.filter(start_date="2024-11-18", participations__person__slug="cho-tae-yul").exists()


@pytest.mark.parametrize(("content", "message"), [(b"", "it is empty"), (b"\xff\xfe\x00bad", "not UTF-8")])
def test_unreadable_files_are_errors_naming_the_file(seed_data, tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        call_command("ingest_article", str(path), "--dry-run")
    assert str(path) in str(error.value)
