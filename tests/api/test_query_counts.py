"""Every list and detail endpoint costs a fixed number of SQL queries whatever the page size."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import ReviewState
from tests.factories import (
    CountryFactory,
    EventFactory,
    OfficeFactory,
    OfficeTitleFactory,
    ParticipationFactory,
    PersonFactory,
    PersonNameFactory,
    SourceFactory,
    TenureFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

ROWS = 101


@pytest.fixture
def many_rows(db):
    """ROWS of everything, each with the related rows its representation shows."""
    parent = TopicFactory()
    for n in range(ROWS):
        country = CountryFactory()
        person = PersonFactory(nationality=country)
        PersonNameFactory(person=person)
        office = OfficeFactory(country=country)
        OfficeTitleFactory(office=office)
        tenure = TenureFactory(person=person, office=office, start=datetime.date(2020, 1, 1))
        source = SourceFactory()
        tenure.sources.add(source)
        topic = TopicFactory(parent=parent)
        event = EventFactory(
            review_state=ReviewState.PUBLISHED,
            country=country,
            start_date=datetime.date(2021, 1, 1) + datetime.timedelta(days=n),
        )
        ParticipationFactory(event=event, person=person, office=office, country=country, source=source)
        ParticipationFactory(event=event, person=PersonFactory(), role="host")
        event.topics.add(topic, parent)
        event.sources.add(source)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries), response


# list endpoint -> (queries at any page size, a detail URL)
LISTS = {
    "/api/v1/countries/": 3,  # count, page, other names
    "/api/v1/people/": 5,  # count, page (+nationality), other names, identifiers, tenures (+office, country)
    "/api/v1/offices/": 4,  # count, page (+country), other titles, tenures (+person)
    "/api/v1/tenures/": 3,  # count, page (+person, office, country), sources
    "/api/v1/topics/": 3,  # count, page (+parent), other names
    "/api/v1/sources/": 2,  # count, page
    "/api/v1/events/": 4,  # page (+country), participants (+person, office, country, source), topics, sources
}


@pytest.mark.parametrize("url", list(LISTS))
@pytest.mark.parametrize("page_size", [1, 100])
def test_list_query_count_does_not_grow_with_page_size(client, many_rows, url, page_size):
    queries, response = count_queries(client, f"{url}?page_size={page_size}")
    assert len(response.json()["results"]) == page_size
    assert queries == LISTS[url]


@pytest.mark.parametrize("page_size", [1, 100])
def test_filtered_event_list_query_count_is_fixed(client, many_rows, page_size):
    from events.models import Topic
    from people.models import Country

    iso2, topic = Country.objects.first().iso2, Topic.objects.filter(parent=None).first().slug
    url = f"/api/v1/events/?page_size={page_size}&country={iso2}&date_from=2020-01-01&q=Event&topic={topic}"
    queries, response = count_queries(client, url)
    assert len(response.json()["results"]) <= page_size
    assert queries == 4 + 1 + 2  # + country validation, + the spelling variants of q (topic names, other names)


@pytest.mark.parametrize("page_size", [1, 100])
def test_tenures_on_a_day_query_count_is_fixed(client, many_rows, page_size):
    queries, response = count_queries(client, f"/api/v1/tenures/?on=2020-06-01&page_size={page_size}")
    assert len(response.json()["results"]) == page_size
    assert queries == 3


def detail_urls(client) -> list[str]:
    return [client.get(f"{url}?page_size=1").json()["results"][0]["url"] for url in LISTS]


def test_detail_query_counts(client, many_rows):
    expected = {
        "countries": 2,
        "people": 4,
        "offices": 3,
        "tenures": 2,
        "topics": 2,
        "sources": 1,
        "events": 4,
    }
    for url in detail_urls(client):
        queries, _ = count_queries(client, url)
        resource = url.split("/api/v1/")[1].split("/")[0]
        assert queries == expected[resource], url
