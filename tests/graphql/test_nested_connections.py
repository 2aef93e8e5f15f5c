"""Nested lists as Relay connections: paged past 100, counted as the caller may see, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.graphql import compiled
from events.models import ReviewState
from tests.factories import (
    CountryFactory,
    EventFactory,
    OfficeFactory,
    ParticipationFactory,
    PersonFactory,
    TenureFactory,
)

PARTICIPATIONS = """query($slug: String!, $first: Int, $after: String, $last: Int) {
  person(slug: $slug) {
    participationsConnection(first: $first, after: $after, last: $last) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id event { title } } }
    }
  }
}"""


def published_event(day: int, **kwargs):
    start = datetime.date(2020, 1, 1) + datetime.timedelta(days=day)
    return EventFactory(review_state=ReviewState.PUBLISHED, start_date=start, **kwargs)


@pytest.fixture
def busy_person(db):
    """A person who took part in 150 published events."""
    person = PersonFactory(slug="busy")
    for day in range(150):
        ParticipationFactory(person=person, event=published_event(day))
    return person


def participations(gql, **variables) -> dict:
    return gql.data(PARTICIPATIONS, {"slug": "busy", **variables})["person"]["participationsConnection"]


def test_a_nested_connection_pages_past_100(gql, busy_person):
    first = participations(gql, first=100)
    assert first["totalCount"] == 150
    assert len(first["edges"]) == 100
    assert first["pageInfo"]["hasNextPage"] is True

    second = participations(gql, first=100, after=first["pageInfo"]["endCursor"])
    assert second["totalCount"] == 150
    assert len(second["edges"]) == 50
    assert second["pageInfo"] == {**second["pageInfo"], "hasNextPage": False, "hasPreviousPage": True}

    ids = [e["node"]["id"] for e in first["edges"] + second["edges"]]
    assert len(set(ids)) == 150
    # the same order as the list field, which shows the first 100
    listed = gql.data('{ person(slug: "busy") { participations(first: 100) { id } } }')["person"]["participations"]
    assert [p["id"] for p in listed] == ids[:100]


def test_a_nested_connection_without_first_answers_the_default_page_and_last_the_end(gql, busy_person):
    default = participations(gql)
    assert len(default["edges"]) == 20
    assert default["pageInfo"]["hasNextPage"] is True
    everything = participations(gql, first=100, after=participations(gql, first=50)["pageInfo"]["endCursor"])
    last = participations(gql, last=5)
    assert [e["node"]["id"] for e in last["edges"]] == [e["node"]["id"] for e in everything["edges"]][-5:]
    assert last["pageInfo"]["hasPreviousPage"] is True


def test_a_nested_page_above_100_is_refused(gql, busy_person):
    body = gql(PARTICIPATIONS, {"slug": "busy", "first": 101})
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_EXCEEDED"


def test_a_bad_nested_cursor_is_bad_cursor(gql, busy_person):
    body = gql(PARTICIPATIONS, {"slug": "busy", "first": 5, "after": "!!!"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_CURSOR"


@pytest.fixture
def drafted(db):
    """A person in two published events and one draft; the draft took place in the same country."""
    country = CountryFactory(iso2="ZZ")
    person = PersonFactory(slug="busy")
    for day in range(2):
        ParticipationFactory(person=person, event=published_event(day, country=country))
    draft = EventFactory(review_state=ReviewState.DRAFT, country=country, title="Draft")
    ParticipationFactory(person=person, event=draft)
    return country


COUNTS = """{ person(slug: "busy") { participationsConnection { totalCount edges { node { event { title } } } } }
  countries(first: 5, filters: {search: "ZZ"}) { edges { node { iso2
    eventsConnection { totalCount edges { node { title } } } } } } }"""


def counts(gql) -> tuple[int, int, list[str]]:
    data = gql.data(COUNTS)
    person = data["person"]["participationsConnection"]
    [country] = [e["node"] for e in data["countries"]["edges"] if e["node"]["iso2"] == "ZZ"]
    titles = [e["node"]["event"]["title"] for e in person["edges"]] + [
        e["node"]["title"] for e in country["eventsConnection"]["edges"]
    ]
    return person["totalCount"], country["eventsConnection"]["totalCount"], titles


def test_anonymous_callers_count_published_events_only(gql, drafted):
    participated, took_place, titles = counts(gql)
    assert (participated, took_place) == (2, 2)
    assert "Draft" not in titles


@pytest.mark.parametrize("role", ["curator_gql", "editor_gql"])
def test_curators_and_editors_count_drafts_too(request, role, drafted):
    participated, took_place, titles = counts(request.getfixturevalue(role))
    assert (participated, took_place) == (3, 3)
    assert titles.count("Draft") == 2


NESTED = """query($first: Int!) { people(first: $first) { edges { node { name
  participationsConnection(first: 3) { totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { role event { title } } } }
  tenuresConnection(first: 2) { totalCount edges { node { start office { title } } } } } } } }"""


@pytest.fixture
def ten_people(db):
    country = CountryFactory()
    for n in range(10):
        person = PersonFactory(sort_name=f"Person {n:02}")
        for day in range(5):
            ParticipationFactory(person=person, event=published_event(10 * n + day))
        for year in range(3):
            TenureFactory(person=person, office=OfficeFactory(country=country), start=datetime.date(2000 + year, 1, 1))


def nested_queries(gql, first: int) -> tuple[list[dict], list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        data = gql.data(NESTED, {"first": first})
    return [e["node"] for e in data["people"]["edges"]], [q["sql"] for q in ctx.captured_queries]


def test_nested_connections_cost_the_same_queries_for_1_or_10_parents(gql, ten_people):
    one, one_sql = nested_queries(gql, 1)
    ten, ten_sql = nested_queries(gql, 10)
    assert len(one) == 1
    assert len(ten) == 10
    for person in ten:
        assert person["participationsConnection"]["totalCount"] == 5
        assert len(person["participationsConnection"]["edges"]) == 3
        assert person["participationsConnection"]["pageInfo"]["hasNextPage"] is True
        assert person["tenuresConnection"]["totalCount"] == 3
        assert len(person["tenuresConnection"]["edges"]) == 2
    assert len(ten_sql) == len(one_sql)
    # each nested page is cut in its prefetch by a row number per parent, not fetched whole
    windowed = [sql for sql in ten_sql if "ROW_NUMBER() OVER (PARTITION BY" in sql]
    assert len(windowed) == 2, ten_sql


def test_the_compiled_path_leaves_nested_connections_to_strawberry(gql, busy_person, monkeypatch):
    declined = []
    real_run = compiled.run

    def spy(*args, **kwargs):
        try:
            return real_run(*args, **kwargs)
        except compiled.Unsupported as why:
            declined.append(str(why))
            raise

    monkeypatch.setattr(compiled, "run", spy)
    page = participations(gql, first=10)
    assert declined, "the compiled path answered a query it does not know"
    assert page["totalCount"] == 150
    assert len(page["edges"]) == 10


PAIRS = [
    ("countries", "people"),
    ("countries", "offices"),
    ("countries", "events"),
    ("people", "tenures"),
    ("people", "participations"),
    ("offices", "tenures"),
    ("tenures", "sources"),
    ("sources", "events"),
    ("sources", "tenures"),
    ("topics", "children"),
    ("topics", "events"),
]


@pytest.mark.parametrize(("root", "field"), PAIRS)
@pytest.mark.usefixtures("seed_data")
def test_each_connection_answers_its_lists_items_in_its_order(gql, root, field):
    query = f"""{{ {root}(first: 40) {{ edges {{ node {{ id {field}(first: 100) {{ id }}
        {field}Connection(first: 100) {{ totalCount edges {{ node {{ id }} }} }} }} }} }} }}"""
    parents = [e["node"] for e in gql.data(query)[root]["edges"]]
    assert any(p[field] for p in parents), "the seed data has none to compare"
    for parent in parents:
        connection = parent[f"{field}Connection"]
        assert [n["node"]["id"] for n in connection["edges"]] == [n["id"] for n in parent[field]]
        assert connection["totalCount"] == len(parent[field])
