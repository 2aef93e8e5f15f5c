"""Limits on real work (issue #10): natural pages pass, abusive shapes are refused, every answer reports its cost.

The estimate counts list items (an edge, a participant, a topic): a list's ``first``, else the bound its writes
enforce (``MAX_PARTICIPANTS``, ``MAX_TOPICS``, ``MAX_SOURCES``), else ``LIST_ESTIMATE``. After execution the
items the answer really holds are counted (refused above ``MAX_OBJECTS``) and both reported in ``extensions.cost``.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from strawberry.relay import to_base64

from common.graphql import compiled, limits
from common.graphql.cost import LIST_ESTIMATE, NETWORK_WORK, SEARCH_WORK
from common.graphql.limits import MAX_NODES, MAX_WORK
from events.models import MAX_PARTICIPANTS, MAX_SOURCES, MAX_TOPICS, Event, ReviewState
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
from tests.graphql.conftest import GQL

EVENTS = 6  # Biegun's events in the dataset, each with 3 participants, 2 topics and 1 source

BIEGUN_PAGE = """{ events(filters: {person: "stephen-biegun"}, first: 50) { edges { node { startDate title
    participants { role person { name } office { title } } topics { name } sources { url } } } } }"""
CAREERS = "{ events(first: 1) { edges { node { participants { person { tenures { office { title } } } } } } } }"
PROFILE = """{ person(slug: "stephen-biegun") { name nativeName description tenures { start end office { title } }
    participations(first: 20) { role event { title startDate participants { role person { name } } } } } }"""
US_KR = """{ events(filters: {countries: ["US", "KR"]}, first: 50) { edges { node { startDate title
    participants { role person { name } office { title } } topics { name } } } } }"""

NATURAL = {
    "a: Biegun's events with participants, offices, topics, sources": (
        BIEGUN_PAGE,
        50 + 50 * (MAX_PARTICIPANTS + MAX_TOPICS + MAX_SOURCES),
        EVENTS * (1 + 3 + 2 + 1),
    ),
    "b: an event's participants with their careers": (
        CAREERS,
        1 + MAX_PARTICIPANTS + MAX_PARTICIPANTS * LIST_ESTIMATE,
        1 + 3 + 3 * 2,  # the newest event: 3 participants, each with 2 tenures
    ),
    "c: a person's profile with tenures and 20 events with participants": (
        PROFILE,
        LIST_ESTIMATE + 20 + 20 * MAX_PARTICIPANTS,
        2 + EVENTS + EVENTS * 3,
    ),
    "d: a US–KR timeline page": (US_KR, 50 + 50 * (MAX_PARTICIPANTS + MAX_TOPICS), EVENTS * (1 + 3 + 2)),
}


@pytest.fixture
def dataset(db):
    """Biegun (US) meets a Korean and a Japanese counterpart at six published events, plus one draft."""
    us, kr, jp = (CountryFactory(iso2=c, iso3=c + "X") for c in ("US", "KR", "JP"))
    biegun = PersonFactory(name="Stephen Biegun", slug="stephen-biegun", nationality=us)
    choi, mori = PersonFactory(nationality=kr), PersonFactory(nationality=jp)
    offices = {us: OfficeFactory(country=us), kr: OfficeFactory(country=kr), jp: OfficeFactory(country=jp)}
    for person, country in ((biegun, us), (choi, kr), (mori, jp)):
        TenureFactory(person=person, office=offices[country])
        TenureFactory(person=person, office=OfficeFactory(country=country), start="2010-01-01", end="2015-01-01")
    topics = TopicFactory.create_batch(2)
    for day in range(1, EVENTS + 1):
        event = EventFactory(review_state=ReviewState.PUBLISHED, country=kr, start_date=f"2021-03-{day:02}")
        for person, country in ((biegun, us), (choi, kr), (mori, jp)):
            ParticipationFactory(event=event, person=person, country=country, office=offices[country])
        event.topics.set(topics)
        event.sources.set([SourceFactory()])
    draft = EventFactory(review_state=ReviewState.DRAFT, start_date="2021-04-01")
    ParticipationFactory(event=draft, person=biegun)
    return biegun


def objects_in(value) -> int:
    """Objects inside lists, counted independently of the server's counter."""
    if isinstance(value, dict):
        return sum(objects_in(v) for v in value.values())
    if isinstance(value, list):
        return sum((1 if isinstance(v, dict) else 0) + objects_in(v) for v in value)
    return 0


def refused(gql, query: str) -> dict:
    with CaptureQueriesContext(connection) as ctx:
        body = gql(query)
    assert body["data"] is None, body
    assert [q for q in ctx.captured_queries if "events_" in q["sql"] or "people_" in q["sql"]] == []
    (error,) = body["errors"]
    return error


def compiled_off(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise compiled.Unsupported("switched off: strawberry's executor answers")

    monkeypatch.setattr(compiled, "run", refuse)


@pytest.mark.parametrize("name", NATURAL)
@pytest.mark.parametrize("path", ["compiled", "executor"])
def test_natural_queries_are_admitted_and_report_their_cost(name, path, dataset, gql, monkeypatch):
    query, estimated, actual = NATURAL[name]
    if path == "executor":
        compiled_off(monkeypatch)
    body = gql(query)
    assert "errors" not in body, body["errors"]
    cost = {"estimated": estimated, "actual": actual, "limit": MAX_NODES, "work": 1, "workLimit": MAX_WORK}
    assert body["extensions"]["cost"] == cost
    assert objects_in(body["data"]) == actual  # what was returned, not a guess
    assert estimated <= MAX_NODES


@pytest.mark.parametrize(
    ("query", "estimated", "costliest"),
    [
        (  # participants of every event each took part in, for a page of 100 events
            "{ events(first: 100) { edges { node { participants { person { participations { event { "
            "participants { person { name } } } } } } } } } }",
            100 + 100 * MAX_PARTICIPANTS * (1 + LIST_ESTIMATE * (1 + MAX_PARTICIPANTS)),
            "events.edges.node.participants.person.participations.event.participants",
        ),
        (  # 100 × 100 pages
            "{ people(first: 100) { edges { node { participations(first: 100) { event { topics { name } } } } } } }",
            100 + 100 * 100 * (1 + MAX_TOPICS),
            "people.edges.node.participations.event.topics",
        ),
        (  # a list without first inside a page of 100 people, inside a page of 100 countries' people
            "{ countries(first: 100) { edges { node { people(first: 100) { tenures { office { title } } } } } } }",
            100 + 100 * 100 * (1 + LIST_ESTIMATE),
            "countries.edges.node.people.tenures",
        ),
    ],
)
def test_abusive_shapes_are_refused_before_they_run(query, estimated, costliest, dataset, gql):
    error = refused(gql, query)
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "node_budget"}
    assert f"could return {estimated:,} objects" in error["message"] and f"limit is {MAX_NODES:,}" in error["message"]
    assert f"The largest part is {costliest} (" in error["message"] and "with first" in error["message"]


def test_a_refused_query_reports_its_estimate(dataset, gql):
    body = gql("{ events(first: 100) { edges { node { participants(first: 100) { id } } } } }")
    cost = {"estimated": 100 + 100 * 100, "actual": 0, "limit": MAX_NODES, "work": 1, "workLimit": MAX_WORK}
    assert body["extensions"]["cost"] == cost


def test_explicit_first_wins_over_the_bound(dataset, gql):
    body = gql("{ events(first: 10) { edges { node { participants(first: 2) { id } topics(first: 1) { id } } } } }")
    assert body["extensions"]["cost"]["estimated"] == 10 + 10 * (2 + 1)
    assert body["extensions"]["cost"]["actual"] == EVENTS + EVENTS * (2 + 1)


@pytest.mark.parametrize("path", ["compiled", "executor"])
def test_an_answer_holding_more_objects_than_the_cap_is_refused(path, dataset, gql, monkeypatch):
    calls = []
    real_run = compiled.run
    monkeypatch.setattr(compiled, "run", lambda *a, **k: calls.append(1) or real_run(*a, **k))
    if path == "executor":
        compiled_off(monkeypatch)
    monkeypatch.setattr(limits, "MAX_OBJECTS", EVENTS * 4 - 1)
    body = gql("{ events(first: 10) { edges { node { title participants { role } } } } }")
    assert bool(calls) == (path == "compiled")
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "objects"}
    assert f"holds {EVENTS * 4:,} objects" in error["message"] and f"limit is {EVENTS * 4 - 1:,}" in error["message"]
    assert body["extensions"]["cost"]["actual"] == EVENTS * 4


def test_an_alias_named_like_introspection_is_counted(dataset, gql, monkeypatch):
    monkeypatch.setattr(limits, "MAX_OBJECTS", EVENTS - 1)
    body = gql("{ __schema: events(first: 10) { edges { node { title } } } }")
    assert body["errors"][0]["extensions"]["limit"] == "objects"


def test_introspection_is_not_counted(gql):
    body = gql("{ __schema { types { name fields { name } } } }")
    assert body["data"]["__schema"]["types"] and body["extensions"]["cost"]["actual"] == 0


def test_an_answer_larger_than_the_size_cap_is_an_error(dataset, gql, monkeypatch):
    monkeypatch.setattr(limits, "MAX_RESPONSE_BYTES", 1_000)
    body = gql(BIEGUN_PAGE)
    assert body["data"] is None
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "response_size"}
    assert error["message"].startswith("Response size limit:") and "smaller pages" in error["message"]
    assert body["extensions"]["cost"]["actual"] == NATURAL[next(iter(NATURAL))][2]


def test_a_cached_answer_carries_its_cost(dataset, settings):
    settings.RESPONSE_CACHE_SECONDS = 60
    cache.clear()
    client = Client()
    first = client.post("/graphql/", {"query": US_KR}, content_type="application/json")
    second = client.post("/graphql/", {"query": US_KR}, content_type="application/json")
    cache.clear()
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert (
        second.json()["extensions"]["cost"]
        == first.json()["extensions"]["cost"]
        == {
            "estimated": NATURAL["d: a US–KR timeline page"][1],
            "actual": NATURAL["d: a US–KR timeline page"][2],
            "limit": MAX_NODES,
            "work": 1,
            "workLimit": MAX_WORK,
        }
    )


CREATE = """mutation Create($input: EventInput!) { createEvent(input: $input) { event { id }
    errors { field path messages } } }"""


def test_an_event_takes_at_most_max_participants(curator, dataset):
    gql = GQL(Client())
    gql.client.force_login(curator)
    source = to_base64("Source", SourceFactory().pk)
    participants = [{"description": f"delegate {i}", "role": "PARTICIPANT"} for i in range(MAX_PARTICIPANTS + 1)]
    event = {"title": "A crowded summit", "slug": "crowded", "kind": "MEETING", "startDate": "2021-05-01"}
    result = gql.data(CREATE, {"input": event | {"sources": [source], "participants": participants}})["createEvent"]
    assert result["event"] is None and not Event.objects.filter(slug="crowded").exists()
    (error,) = result["errors"]
    assert error["path"] == ["input", "participants"]
    assert f"at most {MAX_PARTICIPANTS} participants ({MAX_PARTICIPANTS + 1} given)" in error["messages"][0]
    participants = participants[:MAX_PARTICIPANTS]
    result = gql.data(CREATE, {"input": event | {"sources": [source], "participants": participants}})["createEvent"]
    assert result["errors"] == [] and Event.objects.get(slug="crowded").participations.count() == MAX_PARTICIPANTS


def test_topics_and_sources_are_capped_by_the_service(dataset):
    from django.core.exceptions import ValidationError

    from events.services import EventIn, event_create

    data = EventIn(
        title="Everything at once",
        slug="everything",
        kind="MEETING",
        start_date="2021-05-01",
        sources=SourceFactory.create_batch(MAX_SOURCES + 1),
        topics=TopicFactory.create_batch(MAX_TOPICS + 1),
    )
    with pytest.raises(ValidationError) as refused_write:
        event_create(data=data)
    assert set(refused_write.value.message_dict) == {"topics", "sources"}


def test_one_search_beside_other_lists_is_admitted(dataset, gql):
    body = gql(
        '{ events(first: 5, filters: {search: "alliance"}) { totalCount } '
        'us: events(first: 5, filters: {countries: ["US"]}) { totalCount } people(first: 5) { totalCount } }'
    )
    assert "errors" not in body, body["errors"]
    assert body["extensions"]["cost"]["work"] == SEARCH_WORK["events"] + 2


def test_fifteen_plain_counts_are_admitted(dataset, gql):
    aliases = " ".join(f"c{i}: events(filters: {{kind: MEETING}}) {{ totalCount }}" for i in range(MAX_WORK))
    body = gql(f"{{ {aliases} }}")
    assert "errors" not in body, body["errors"]
    assert body["extensions"]["cost"]["work"] == MAX_WORK


@pytest.mark.parametrize(
    ("query", "work"),
    [
        (  # two searches over every event's text and names
            '{ a: events(filters: {search: "alliance"}) { totalCount } '
            'b: events(filters: {search: "kim"}) { totalCount } }',
            2 * SEARCH_WORK["events"],
        ),
        (  # an events search beside a sources search and two people searches
            '{ a: events(filters: {search: "alliance"}) { totalCount } '
            'b: sources(filters: {search: "alliance"}) { totalCount } '
            'c: people(filters: {search: "kim"}) { totalCount } d: people(filters: {search: "lee"}) { totalCount } }',
            SEARCH_WORK["events"] + SEARCH_WORK["sources"] + 2 * SEARCH_WORK["people"],
        ),
        (  # a network searching events beside an events search
            '{ n: network(filters: {search: "alliance"}) { links { events } } '
            'e: events(filters: {search: "alliance"}) { totalCount } }',
            NETWORK_WORK + 2 * SEARCH_WORK["events"],
        ),
        (  # searches hidden behind a variable
            "query($s: String) { a: events(filters: {search: $s}) { totalCount } "
            "b: events(filters: {search: $s}) { totalCount } }",
            2 * SEARCH_WORK["events"],
        ),
        (  # four networks
            "{ " + " ".join(f"n{i}: network(first: 10) {{ links {{ events }} }}" for i in range(4)) + " }",
            4 * NETWORK_WORK,
        ),
    ],
)
def test_heavy_root_work_is_refused_before_it_runs(query, work, dataset, gql, django_assert_num_queries):
    with django_assert_num_queries(0):
        body = gql(query, {"s": "alliance"} if "$s" in query else None)
    assert body["errors"][0]["extensions"] == {"code": "LIMIT_EXCEEDED", "limit": "root_work"}
    assert f"weigh {work}" in body["errors"][0]["message"]
    assert body["extensions"]["cost"]["work"] == work


def test_three_networks_are_admitted(dataset, gql):
    networks = " ".join(f"n{i}: network(first: 10) {{ links {{ events }} }}" for i in range(3))
    body = gql(f"{{ {networks} }}")
    assert "errors" not in body, body["errors"]
    assert body["extensions"]["cost"]["work"] == 3 * NETWORK_WORK


def test_a_search_box_asking_every_kind_of_record_at_once_is_admitted(dataset, gql):
    # what a site-wide search box sends: events, people, offices, topics and countries matching the text
    body = gql(
        "query($s: String) { events(first: 5, filters: {search: $s}) { totalCount edges { node { title } } } "
        "people(first: 5, filters: {search: $s}) { edges { node { name } } } "
        "offices(first: 5, filters: {search: $s}) { edges { node { title } } } "
        "topics(first: 5, filters: {search: $s}) { edges { node { name } } } "
        "countries(first: 5, filters: {search: $s}) { edges { node { name } } } }",
        {"s": "korea"},
    )
    assert "errors" not in body, body["errors"]
    assert body["extensions"]["cost"]["work"] == SEARCH_WORK["events"] + SEARCH_WORK["people"] + 3
