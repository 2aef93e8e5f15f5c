"""The admin page "New events from an article": paste, review with the facts highlighted, save drafts."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from events.models import Event, ReviewState

ARTICLE = (Path(__file__).resolve().parents[1] / "data" / "articles" / "newspaper_published_line.txt").read_text()
FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))
URL = reverse("admin:events_event_from_article")


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)


def test_the_event_list_links_to_the_page(seed_data, client, curator):
    client.force_login(curator)
    assert URL in client.get(reverse("admin:events_event_changelist")).content.decode()


def test_a_user_who_may_not_add_events_is_refused(seed_data, client, plain_user):
    client.force_login(plain_user)
    assert client.get(URL).status_code == 403


def test_pasting_shows_the_proposal_with_facts_highlighted(seed_data, client, curator):
    client.force_login(curator)
    page = client.post(URL, {"step": "propose", "text": ARTICLE}).content.decode()
    assert '<mark class="fact fact-person" title="Lee In-young">Lee In-young</mark>' in page
    assert 'name="event-0-save"' in page


def test_bad_input_shows_the_message_and_saves_nothing(seed_data, client, curator):
    client.force_login(curator)
    before = Event.objects.count()
    page = client.post(URL, {"step": "propose", "text": "<div><p>x</p></div><p>y</p><div>z</div>"}).content.decode()
    assert "looks like HTML" in page
    assert Event.objects.count() == before


def test_saving_writes_the_ticked_events_with_corrections_as_drafts(seed_data, client, curator):
    client.force_login(curator)
    page = client.post(URL, {"step": "propose", "text": ARTICLE})
    proposal = page.context["proposal"]
    first = proposal["events"][0]
    form = {
        "step": "save",
        "proposal": json.dumps(proposal),
        "text": ARTICLE,
        "event-0-save": "1",
        "event-0-title": "Lee In-young meets Biegun (corrected)",
        "event-0-slug": first["slug"],
        "event-0-start_date": "2020-12-10",
        "event-0-start_precision": "day",
        "event-0-p0-keep": "1",
        "event-0-p1-keep": "1",  # the third participant is unticked
    }
    response = client.post(URL, form)
    assert response.status_code == 302
    event = Event.objects.get(title="Lee In-young meets Biegun (corrected)")
    assert event.review_state == ReviewState.DRAFT
    assert event.participations.count() == 2
    assert event.sources.get().headline == proposal["source"]["headline"]["value"]
    assert Event.objects.filter(slug=proposal["events"][1]["slug"]).exists() is False  # not ticked


def test_a_save_the_service_refuses_shows_its_errors_and_saves_nothing(seed_data, client, curator):
    client.force_login(curator)
    proposal = client.post(URL, {"step": "propose", "text": ARTICLE}).context["proposal"]
    before = Event.objects.count()
    form = {"step": "save", "proposal": json.dumps(proposal), "text": ARTICLE, "event-0-save": "1"}
    form["event-0-start_date"] = "not a date"
    page = client.post(URL, form).content.decode()
    assert "events[0].start_date" in page
    assert Event.objects.count() == before
