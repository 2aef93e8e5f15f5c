"""No N+1: a page of 100 events with everything nested costs the same queries as a page of 1."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import ReviewState
from tests.factories import (
    CountryFactory,
    EventFactory,
    OfficeFactory,
    ParticipationFactory,
    PersonFactory,
    SourceFactory,
    TenureFactory,
    TopicFactory,
)

QUERY = """
query Page($first: Int!) {
  events(first: $first) {
    totalCount
    edges { cursor node {
      title startDate country { iso2 }
      participants(first: 5) {
        role office { title }
        person {
          name nationality { iso2 } otherNames { name } identifiers { scheme identifier }
          tenures(first: 5) { start office { title otherTitles { name } country { iso2 name } } }
        }
      }
      topics(first: 5) { name otherNames { name } parent { name } }
      sources(first: 5) { publisher headline }
    } }
  }
}
"""


@pytest.fixture
def hundred_events(db):
    country = CountryFactory()
    parent = TopicFactory()
    for day in range(100):
        event = EventFactory(
            review_state=ReviewState.PUBLISHED,
            country=country,
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=day),
        )
        for _ in range(2):
            person = PersonFactory(nationality=country)
            TenureFactory(person=person, office=OfficeFactory(country=country))
            ParticipationFactory(event=event, person=person)
        event.topics.set([TopicFactory(parent=parent)])
        event.sources.set([SourceFactory()])


def count_queries(gql, first: int) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as ctx:
        data = gql.data(QUERY, {"first": first})
    return len(ctx.captured_queries), data


def test_a_page_of_100_events_costs_what_a_page_of_1_costs(gql, hundred_events):
    one, data_one = count_queries(gql, 1)
    hundred, data = count_queries(gql, 100)
    assert len(data_one["events"]["edges"]) == 1
    assert len(data["events"]["edges"]) == 100
    assert all(len(e["node"]["participants"]) == 2 for e in data["events"]["edges"])
    assert all(
        p["person"]["tenures"][0]["office"]["country"]
        for e in data["events"]["edges"]
        for p in e["node"]["participants"]
    )
    assert hundred == one
    # page, count, participations, their people's other names and identifiers, tenures, offices' other titles,
    # topics, topics' other names, sources: a fixed number whatever the page size
    assert hundred <= 10


@pytest.mark.usefixtures("seed_data")
def test_the_network_costs_a_fixed_number_of_queries(gql):
    query = (
        "{ network(first: 50, roles: [HOST, GUEST, PARTICIPANT, MENTIONED], filters: {status: SCHEDULED}) "
        "{ people { name nationality { iso2 } tenures(first: 3) { office { title } } } "
        "links { source { name } target { name } events } } }"
    )
    with CaptureQueriesContext(connection) as ctx:
        data = gql.data(query)
    assert len(data["network"]["people"]) > 10
    assert len(ctx.captured_queries) == 4  # pairs, link ends, people, their tenures
