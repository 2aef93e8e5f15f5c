"""POST /api/v1/ingest/: curators get the proposal, and may save chosen events as drafts; bad input is a 400."""

from pathlib import Path

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from events.models import Event, ReviewState
from sources.models import Source

ARTICLE = (Path(__file__).resolve().parents[1] / "data" / "articles" / "newspaper_published_line.txt").read_text()
FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))
URL = "/api/v1/ingest/"


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_anonymous_and_plain_users_may_not_use_the_assistant(seed_data, plain_user):
    assert client_for().post(URL, {"text": ARTICLE}, format="json").status_code == 401
    assert client_for(plain_user).post(URL, {"text": ARTICLE}, format="json").status_code == 403


def test_a_curator_gets_the_proposal_and_nothing_is_saved(seed_data, curator):
    events, sources = Event.objects.count(), Source.objects.count()
    response = client_for(curator).post(URL, {"text": ARTICLE}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["source"]["published_on"]["value"] == "2020-12-10"
    people = {p["person"]["slug"] for p in body["events"][0]["participants"] if p["person"]}
    assert {"lee-in-young", "stephen-biegun"} <= people
    assert (Event.objects.count(), Source.objects.count()) == (events, sources)


def test_saving_chosen_events_creates_drafts_citing_one_source(seed_data, curator):
    response = client_for(curator).post(URL, {"text": ARTICLE, "save": [0]}, format="json")
    assert response.status_code == 201, response.json()
    saved = response.json()["saved"]
    (slug,) = [e["slug"] for e in saved["events"]]
    event = Event.objects.get(slug=slug)
    assert event.review_state == ReviewState.DRAFT
    assert [s.pk for s in event.sources.all()] == [saved["source"]]
    lee = event.participations.get(person__slug="lee-in-young")
    assert lee.office.slug == "kr-minister-of-unification"  # filled from the tenures by the event service


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "<div><p>Biegun met Choi.</p></div><div><p>More</p></div>"}, "text"),
        ({"text": "x " * 60_000}, "text"),
        ({"text": ARTICLE, "published": "10/12/2020"}, "published"),
        ({"text": ARTICLE, "save": [99]}, "save"),
        ({}, "text"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_saves_nothing(seed_data, curator, body, field):
    events = Event.objects.count()
    response = client_for(curator).post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]
    assert Event.objects.count() == events


def test_a_five_megabyte_paste_is_a_400_not_a_500(seed_data, curator):
    client = client_for(curator)
    response = client.post(URL, data='{"text": "' + "a" * 5_000_000 + '"}', content_type="application/json")
    assert response.status_code == 400
    assert "text" in response.json()["error"]["fields"]
