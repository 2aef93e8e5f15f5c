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


def count_queries(client, url: str) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries), response.json()


# list endpoint -> queries at any page size
LISTS = {
    "/api/v1/countries/": 3,  # count, page, other names
    "/api/v1/people/": 5,  # count, page (+nationality), other names, identifiers, tenures (+office, country)
    "/api/v1/offices/": 4,  # count, page (+country), other titles, tenures (+person)
    "/api/v1/tenures/": 3,  # count, page (+person, office, country), sources
    "/api/v1/topics/": 3,  # count, page (+parent), other names
    "/api/v1/sources/": 2,  # count, page
    "/api/v1/events/": 4,  # page (+country), participants (+person, office, country, source), topics, sources
}

DETAILS = {
    "countries": 2,
    "people": 4,
    "offices": 3,
    "tenures": 2,
    "topics": 2,
    "sources": 1,
    "events": 4,
}


def test_every_list_and_detail_costs_the_same_at_page_sizes_1_and_100(client, many_rows, django_assert_num_queries):
    for url, expected in LISTS.items():
        for page_size in (1, 100):
            with django_assert_num_queries(expected):
                body = client.get(f"{url}?page_size={page_size}").json()
            assert len(body["results"]) == page_size, url
        detail = body["results"][0]["url"]
        resource = url.split("/")[3]
        with django_assert_num_queries(DETAILS[resource]):
            assert client.get(detail).status_code == 200


def test_filtered_lists_cost_a_fixed_number_of_queries(client, many_rows):
    from events.models import Topic
    from people.models import Country, Office, Person

    iso2 = Country.objects.first().iso2
    topic = Topic.objects.filter(parent=None).first().slug
    person, office = Person.objects.first().slug, Office.objects.first().slug
    filtered = {
        # + country validation, + topic and person slug checks, + q's spelling variants (2),
        # + on PostgreSQL the ids of matching topics and people, fetched together (common.search.matching_ids)
        f"/api/v1/events/?country={iso2}&date_from=2020-01-01&q=Event&topic={topic}&person={person}": 4
        + 1
        + 2
        + 2
        + (connection.vendor == "postgresql"),
        "/api/v1/events/?ordering=-updated&updated_since=2000-01-01T00:00:00Z&kind=meeting": 4,
        "/api/v1/tenures/?on=2020-06-01": 3,
        f"/api/v1/tenures/?country={iso2}&office={office}&person={person}&q=Office": 3 + 1 + 2 + 2,
        f"/api/v1/people/?q=Person&country={iso2}&office={office}": 5 + 1 + 1 + 2,
        f"/api/v1/offices/?q=Office&country={iso2}": 4 + 1 + 2,
    }
    for url, expected in filtered.items():
        counts = {page_size: count_queries(client, f"{url}&page_size={page_size}")[0] for page_size in (1, 100)}
        assert counts == {1: expected, 100: expected}, url


def test_curators_lists_cost_a_fixed_number_of_queries(curator_client, many_rows):
    # + the curator's token, + their permissions (user and group)
    counts = {n: count_queries(curator_client, f"/api/v1/events/?page_size={n}")[0] for n in (1, 100)}
    assert counts == {1: 4 + 3, 100: 4 + 3}


def test_exports_and_changes_cost_a_fixed_number_of_queries(client, many_rows):
    from django.utils import timezone

    queries, body = count_queries(client, f"/api/v1/changes/?since={timezone.now().date()}T00:00:00Z")
    assert queries <= 16  # two per resource (changed rows, tombstones), + people and offices whose tenures changed
    assert len([c for c in body["changes"] if c["resource"] == "events"]) == ROWS
