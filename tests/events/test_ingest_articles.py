"""The article assistant on articles it was not built on (tests/data/articles/, other outlets' styles), and on
input it cannot read. The expected proposals are in tests/data/articles/expected.json."""

import json
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from events.ingest.proposal import propose

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
EXPECTED = json.loads((ARTICLES / "expected.json").read_text())
FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)


def _summary(event: dict) -> dict:
    date = event["date"] or {}
    return {
        "kind": event["kind"],
        "status": event["status"],
        "date": date.get("value"),
        "precision": date.get("precision") or "" if date.get("value") else "",
        "city": event["city"],
        "country": event["country"],
        "people": [p["person"]["slug"] for p in event["participants"] if p["person"] and p["role"] != "mentioned"],
        "unknown": [p["name"] for p in event["participants"] if not p["person"] and p["role"] != "mentioned"],
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_an_unseen_article_yields_its_expected_source_and_events(seed_data, name):
    expected = EXPECTED[name]
    text = (ARTICLES / name).read_text()
    proposal = propose(text)
    assert {k: proposal["source"][k]["value"] for k in expected["source"]} == expected["source"]
    assert [_summary(e) for e in proposal["events"]] == expected["events"]
    assert sorted({t["slug"] for t in proposal["topics"]}) == expected["topics"]
    for key in ("headline", "byline"):
        fact = proposal["source"][key]
        if fact["value"]:
            assert text[slice(*fact["span"])] == fact["value"]


@pytest.mark.parametrize("name", [n for n in sorted(EXPECTED) if "candidates" in EXPECTED[n]])
def test_people_the_database_does_not_know_are_candidates_with_title_and_country(seed_data, name):
    proposal = propose((ARTICLES / name).read_text())
    got = [[c["name"], c["title_as_reported"], c["country"]] for c in proposal["candidates"] if c["title_as_reported"]]
    assert got == EXPECTED[name]["candidates"]


def test_two_people_sharing_a_surname_are_not_confused(seed_data):
    text = (ARTICLES / "newspaper_published_line.txt").read_text()
    proposal = propose(text)
    ambiguous = [p for p in proposal["people"] if p["person"] is None and p["candidates"]]
    assert [[p["name"], sorted(c["slug"] for c in p["candidates"])] for p in ambiguous] == EXPECTED[
        "newspaper_published_line.txt"
    ]["ambiguous"]
    full = [p for p in proposal["people"] if p["person"] and p["name"].startswith("Lee ")]
    assert {(p["name"], p["person"]["slug"]) for p in full} == {
        ("Lee In-young", "lee-in-young"),
        ("Lee Do-hoon", "lee-do-hoon"),
    }


def test_every_span_points_at_the_words_it_reports(seed_data):
    text = (ARTICLES / "wire_dateline.txt").read_text()
    proposal = propose(text)
    for person in proposal["people"]:
        start, end = person["span"]
        assert text[start:end] == person["name"]
        if person["title_span"]:
            assert text[slice(*person["title_span"])] == person["title_as_reported"]
    for event in proposal["events"]:
        if event["date"] and event["date"]["text"]:
            assert text[slice(*event["date"]["span"])] == event["date"]["text"]
    for topic in proposal["topics"]:
        assert text[slice(*topic["span"])] == topic["text"]


def test_clutter_is_ignored(seed_data):
    text = (ARTICLES / "undated_page.txt").read_text()
    proposal = propose(text)
    ignored = "".join(text[s:e] for s, e in proposal["ignored"])
    for clutter in ("We use cookies", "Leave a Reply", "Share this article", "Required fields are marked"):
        assert clutter in ignored
    assert "Goldberg met Foreign Minister" not in ignored


def test_an_undated_page_says_its_dates_are_unresolved(seed_data):
    proposal = propose((ARTICLES / "undated_page.txt").read_text())
    assert any(EXPECTED["undated_page.txt"]["warning"] in w for w in proposal["warnings"])
    (event,) = proposal["events"]
    assert (event["date"]["text"], event["date"]["value"]) == ("on Monday", None)


def test_a_date_given_resolves_the_relative_dates_of_an_undated_page(seed_data):
    from datetime import date

    proposal = propose((ARTICLES / "undated_page.txt").read_text(), published=date(2024, 11, 20))
    (event,) = proposal["events"]
    assert (event["date"]["value"], event["date"]["precision"]) == ("2024-11-18", "day")  # the Monday before
    cho = next(p for p in event["participants"] if p["person"])
    assert cho["office"]["slug"] == "kr-minister-of-foreign-affairs"  # held on 18 November 2024 (tenures)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "it is empty"),
        ("   \n\t ", "it is empty"),
        ("word " * 1_100_000, "characters; an article has at most"),
        ("<html><body><div><p>Biegun met Choi in Seoul on Wednesday.</p></div></body></html>" * 5, "looks like HTML"),
        ("미국 국무부 부장관이 수요일 서울에서 최종건 외교부 1차관과 만났다. " * 10, "does not read as English"),
        (
            "Der stellvertretende US-Außenminister traf am Mittwoch in Seoul den Vizeminister. " * 5,
            "not read as English",
        ),
    ],
)
def test_unreadable_input_is_refused_with_a_clear_message(db, text, message):
    with pytest.raises(ValidationError) as refused:
        propose(text)
    assert message in " ".join(refused.value.message_dict["text"])
