"""List pages read as rows are byte for byte what the serializers produce, ETag and links included.

Each URL is fetched twice: as served (the projected path must take it) and with the projection
switched off, so the view's serializer answers. Both bodies and both ETags must be identical.
"""

import pytest
from rest_framework.test import APIClient

from common.api import reads
from common.api.shapes import Unsupported
from events.models import Event, ReviewState
from tests.factories import EventFactory, ParticipationFactory

REAL_SHAPE = reads.serializer_shape

URLS = [
    "/api/v1/events/",
    "/api/v1/events/?page_size=3",
    "/api/v1/events/?country=US&country=KR&page_size=100",
    "/api/v1/events/?ordering=updated&page_size=5",
    "/api/v1/events/?person=stephen-biegun&date_from=2020-07-01",
    "/api/v1/events/?q=denuclearization",
    "/api/v1/people/?page_size=100",
    "/api/v1/offices/?page_size=100",
    "/api/v1/tenures/?page_size=100",
    "/api/v1/tenures/?on=2020-12-09",
    "/api/v1/topics/",
    "/api/v1/sources/",
    "/api/v1/countries/?page_size=100",
]


@pytest.fixture
def data(seed_data):
    published = Event.objects.filter(review_state=ReviewState.PUBLISHED).first()
    draft = EventFactory(review_state=ReviewState.DRAFT, title="Unpublished draft", country=published.country)
    ParticipationFactory(event=draft, person=published.participations.exclude(person=None).first().person)
    draft.sources.set(published.sources.all())


def fetch_both(client: APIClient, url: str, monkeypatch):
    taken = []

    def spy(*args, **kwargs):
        shape = REAL_SHAPE(*args, **kwargs)
        taken.append(True)
        return shape

    monkeypatch.setattr(reads, "serializer_shape", spy)
    fast = client.get(url)
    assert taken, f"{url} was not read as rows"

    def refuse(*args, **kwargs):
        raise Unsupported("switched off for the comparison")

    monkeypatch.setattr(reads, "serializer_shape", refuse)
    slow = client.get(url)
    return fast, slow


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("who", ["anonymous", "curator"])
def test_projected_page_is_the_serializers_page(url, who, data, curator, monkeypatch):
    client = APIClient()
    if who == "curator":
        client.force_authenticate(curator)
    fast, slow = fetch_both(client, url, monkeypatch)
    assert fast.status_code == slow.status_code == 200, fast.content
    assert fast.content == slow.content
    assert fast["ETag"] == slow["ETag"]


def test_the_next_page_link_works_on_the_projected_path(data, client, monkeypatch):
    fast, _ = fetch_both(client, "/api/v1/events/?page_size=2", monkeypatch)
    second, slow_second = fetch_both(client, fast.json()["next"], monkeypatch)
    assert second.content == slow_second.content
    first_slugs = {e["slug"] for e in fast.json()["results"]}
    assert first_slugs.isdisjoint(e["slug"] for e in second.json()["results"])


def test_anonymous_lists_never_show_a_draft(data, client, monkeypatch):
    fast, _ = fetch_both(client, "/api/v1/events/?page_size=100", monkeypatch)
    assert "Unpublished draft" not in fast.content.decode()
