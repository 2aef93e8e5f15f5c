"""Paging events by cursor never repeats, skips or loops, however many rows share a sort value."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle

from events.models import Event, ReviewState

TIES = 5_000  # far more than DRF's cursor pagination could step over (its offset stopped at 1,000)


@pytest.fixture(autouse=True)
def _unthrottled(monkeypatch):
    """A mirror paging 5,000 rows 7 at a time asks more often than the anonymous rate allows."""
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": None})


@pytest.fixture
def tied_events(db):
    Event.objects.bulk_create(
        Event(
            title=f"Event {n}",
            slug=f"tied-{n}",
            kind="meeting",
            start_date=datetime.date(2024, 1, 1),
            review_state=ReviewState.PUBLISHED,
        )
        for n in range(TIES)
    )
    Event.objects.update(updated_at=timezone.now())  # one bulk write stamps them all alike
    return set(Event.objects.values_list("slug", flat=True))


@pytest.mark.parametrize(
    ("ordering", "size"), [("updated", 7), ("-updated", 100), ("date", 100), ("-date", 100), ("-updated", 7)]
)
def test_following_next_visits_every_event_once(client, tied_events, ordering, size):
    url, seen, pages = f"/api/v1/events/?ordering={ordering}&page_size={size}", [], 0
    while url:
        body = client.get(url).json()
        seen += [e["slug"] for e in body["results"]]
        url, pages = body["next"], pages + 1
        assert pages <= TIES // size + 1, "next kept pointing at more pages than there are"
    assert len(seen) == len(set(seen)) == TIES
    assert set(seen) == tied_events


def test_previous_walks_back_over_the_same_pages(client, tied_events):
    first = client.get("/api/v1/events/?ordering=updated&page_size=100").json()
    second = client.get(first["next"]).json()
    back = client.get(second["previous"]).json()
    assert [e["slug"] for e in back["results"]] == [e["slug"] for e in first["results"]]
    assert first["previous"] is None


def test_page_size_is_checked_and_capped(client, tied_events):
    assert client.get("/api/v1/events/?page_size=0").status_code == 400
    assert client.get("/api/v1/events/?page_size=ten").status_code == 400
    assert len(client.get("/api/v1/events/?page_size=1000").json()["results"]) == 100
