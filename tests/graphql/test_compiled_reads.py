"""Compiled reads give exactly the answer strawberry's executor gives, for every user, in fewer queries.

Each query runs twice on the seed data plus a draft event: once as served (the compiled path
must take it) and once with the compiled path switched off (strawberry's executor). The two
bodies must be identical, for an anonymous caller and for a curator who may see drafts.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from common.graphql import compiled
from events.models import Event, ReviewState
from tests.factories import EventFactory, ParticipationFactory
from tests.graphql.conftest import GQL

QUERIES = {
    "timeline": """{ events(first: 50) { totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id title slug kind startDate startPrecision endDate status city reviewState
          cameoCode ploverCategory createdAt updatedAt
          country { iso2 name }
          participants(first: 10) { id role titleAsReported description
            person { name slug nationality { iso2 } } office { title country { iso2 } } country { iso2 }
            source { headline } }
          topics(first: 5) { name slug parent { name } }
          sources(first: 3) { url publisher publishedOn } } } } }""",
    "filtered and paged": """query($after: String) {
        events(first: 3, after: $after, filters: {countries: ["US", "KR"]}) {
          edges { cursor node { title startDate } } pageInfo { hasPreviousPage startCursor } } }""",
    "person profile with fragments": """
        fragment P on Person { name sortName nativeName description }
        { person(slug: "stephen-biegun") { ...P __typename
            tenures(first: 10) { start end status office { title body kind singleHolder } }
            participations(first: 20) { role titleAsReported country { iso2 } } } }""",
    "office holders": """{ office(slug: "kr-first-vice-minister-of-foreign-affairs") { title country { iso2 }
        tenures(first: 5) { start person { name } sources(first: 2) { url } } } }""",
    "nested event lists": """{ events(first: 20) { edges { node {
          country { iso2 events(first: 50) { title } }
          topics(first: 5) { name events(first: 20) { title } children(first: 5) { name } }
          sources(first: 5) { headline events(first: 20) { title } } } } } }""",
    "one event": """{ event(slug: "2020-12-09-biegun-choi-jong-kun") { title participants(first: 10) { role } } }""",
    "aliases": """{ latest: events(first: 2) { edges { node { t: title d: startDate } } }
        one: person(slug: "stephen-biegun") { n: name } }""",
}

REAL_RUN = compiled.run


@pytest.fixture
def data(seed_data):
    """The seed data and a draft that only curators may see, with a participant who also appears in published ones."""
    published = Event.objects.filter(review_state=ReviewState.PUBLISHED).first()
    person = published.participations.exclude(person=None).first().person
    draft = EventFactory(review_state=ReviewState.DRAFT, title="Unpublished draft", country=published.country)
    ParticipationFactory(event=draft, person=person)
    draft.topics.set(published.topics.all())
    draft.sources.set(published.sources.all())
    return draft


def run_both(gql: GQL, query: str, variables: dict | None, monkeypatch) -> tuple[dict, dict, int, int]:
    calls = []

    def spy(*args, **kwargs):
        result = REAL_RUN(*args, **kwargs)
        calls.append(True)
        return result

    monkeypatch.setattr(compiled, "run", spy)
    gql(query, variables)  # warm: the session and user are loaded once per request either way
    calls.clear()
    with CaptureQueriesContext(connection) as fast_queries:
        fast = gql(query, variables)
    assert calls, "the compiled path did not take this query"

    def refuse(*args, **kwargs):
        raise compiled.Unsupported("switched off for the comparison")

    monkeypatch.setattr(compiled, "run", refuse)
    with CaptureQueriesContext(connection) as slow_queries:
        slow = gql(query, variables)
    return fast, slow, data_queries(fast_queries), data_queries(slow_queries)


def data_queries(captured) -> int:
    """Queries for the answer, not for the caller's session and user (which either path may load)."""
    return sum(1 for q in captured if "django_session" not in q["sql"] and '"auth_user"' not in q["sql"])


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.parametrize("who", ["anonymous", "curator"])
def test_compiled_answer_is_strawberrys_answer(name, who, data, curator, monkeypatch):
    client = Client()
    if who == "curator":
        client.force_login(curator)
    gql = GQL(client)
    variables = None
    if name == "filtered and paged":
        first = gql.data(QUERIES[name])
        variables = {"after": first["events"]["edges"][0]["cursor"]}
    fast, slow, fast_n, slow_n = run_both(gql, QUERIES[name], variables, monkeypatch)
    assert "errors" not in fast, fast
    assert fast == slow
    assert fast_n <= slow_n, "the compiled path should never cost more queries"


def test_anonymous_callers_never_see_a_draft_through_the_compiled_path(data, gql, monkeypatch):
    body = str(run_both(gql, QUERIES["nested event lists"], None, monkeypatch)[0])
    body += str(run_both(gql, QUERIES["person profile with fragments"], None, monkeypatch)[0])
    assert "Unpublished draft" not in body
    assert "Unpublished draft" not in str(gql(QUERIES["timeline"]))


def test_curators_see_their_drafts_through_the_compiled_path(data, curator, monkeypatch):
    client = Client()
    client.force_login(curator)
    fast = run_both(GQL(client), QUERIES["timeline"], None, monkeypatch)[0]
    titles = [e["node"]["title"] for e in fast["data"]["events"]["edges"]]
    assert "Unpublished draft" in titles


@pytest.mark.parametrize(
    "query",
    [
        '{ events(first: 2, filters: {person: "no-such-person"}) { edges { node { title } } } }',
        '{ events(first: 2, after: "!!!") { edges { node { title } } } }',
        "{ events(first: 2) { edges { node { nosuchfield } } } }",
    ],
)
def test_errors_are_strawberrys_errors(query, data, gql, monkeypatch):
    fast = gql(query)
    monkeypatch.setattr(compiled, "run", lambda *a, **k: (_ for _ in ()).throw(compiled.Unsupported("off")))
    assert fast == gql(query)
