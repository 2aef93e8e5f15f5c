"""REST and GraphQL answer the same question alike: the same rows for the same filters, an error for the same
mistake, each naming its own parameter (docs/vocabulary.md has the table of names)."""

import json
from base64 import urlsafe_b64decode, urlsafe_b64encode
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from events.models import Topic

FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "fixtures").glob("*.json"))

# What each list is compared by: REST result -> key, GraphQL node -> key, and the GraphQL node's selection.
KEYS = {
    "events": (lambda r: r["slug"], lambda n: n["slug"], "slug"),
    "people": (lambda r: r["slug"], lambda n: n["slug"], "slug"),
    "offices": (lambda r: r["slug"], lambda n: n["slug"], "slug"),
    "countries": (lambda r: r["iso2"], lambda n: n["iso2"], "iso2"),
    "topics": (lambda r: r["slug"], lambda n: n["slug"], "slug"),
    "sources": (lambda r: r["link"], lambda n: n["link"], "link"),
    "tenures": (
        lambda r: (r["person"]["slug"], r["office"]["slug"], r["start"]),
        lambda n: (n["person"]["slug"], n["office"]["slug"], n["start"]),
        "person { slug } office { slug } start",
    ),
}


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)


def rest_list(client: Client, resource: str, params: str = "") -> set:
    key = KEYS[resource][0]
    url, found = f"/api/v1/{resource}/?page_size=100&{params}", set()
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        found |= {key(r) for r in body["results"]}
        url = body["next"]
    return found


def gql(client: Client, query: str) -> dict:
    response = client.post("/graphql/", {"query": query}, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


def gql_list(client: Client, resource: str, filters: str = "", order: str = "") -> set:
    key, selection = KEYS[resource][1], KEYS[resource][2]
    found, after = set(), None
    while True:
        args = ", ".join(
            a
            for a in (
                "first: 100",
                f"filters: {{{filters}}}" if filters else "",
                order,
                f'after: "{after}"' if after else "",
            )
            if a
        )
        body = gql(
            client,
            f"{{ {resource}({args}) {{ totalCount pageInfo {{ hasNextPage endCursor }} "
            f"edges {{ node {{ {selection} }} }} }} }}",
        )
        assert "errors" not in body, body["errors"]
        page = body["data"][resource]
        found |= {key(e["node"]) for e in page["edges"]}
        if not page["pageInfo"]["hasNextPage"]:
            assert len(found) == page["totalCount"]
            return found
        after = page["pageInfo"]["endCursor"]


def a_topic_with_subtopics() -> str:
    return Topic.objects.filter(children__isnull=False).values_list("slug", flat=True).first()


SAME_QUESTIONS = [
    # (resource, REST query string, GraphQL filters)
    ("events", "", ""),
    ("events", "country=US&country=KR", 'countries: ["US", "KR"]'),
    ("events", "countries=US,KR", 'countries: ["US", "KR"]'),
    ("events", "countries=US&countries=KR", 'countries: ["US", "KR"]'),
    ("events", "person=stephen-biegun", 'person: "stephen-biegun"'),
    ("events", "date_from=2020-07-01&date_to=2020-09-30", 'dateFrom: "2020-07-01", dateTo: "2020-09-30"'),
    ("events", "kind=meeting", "kind: MEETING"),
    ("events", "status=took_place", "status: TOOK_PLACE"),
    ("events", "q=denuclearization", 'search: "denuclearization"'),
    ("events", "search=denuclearization", 'search: "denuclearization"'),
    ("events", "updated_since=2000-01-01T00:00:00Z", 'updatedSince: "2000-01-01T00:00:00Z"'),
    ("events", "updated_since=2999-01-01T00:00:00Z", 'updatedSince: "2999-01-01T00:00:00Z"'),
    ("events", "person=stephen-biegun&kind=meeting", 'person: "stephen-biegun", kind: MEETING'),
    ("people", "", ""),
    ("people", "q=최종건", 'search: "최종건"'),
    ("people", "search=Biegun", 'search: "Biegun"'),
    ("people", "country=KR", 'country: "KR"'),
    ("people", "office=kr-president", 'office: "kr-president"'),
    ("offices", "", ""),
    ("offices", "q=vice%20foreign%20minister", 'search: "vice foreign minister"'),
    ("offices", "country=KR", 'country: "KR"'),
    ("tenures", "", ""),
    ("tenures", "country=KR&on=2020-12-09", 'country: "KR", on: "2020-12-09"'),
    (
        "tenures",
        "country=KR&on=2020-12-09&q=Foreign%20Affairs",
        'country: "KR", on: "2020-12-09", search: "Foreign Affairs"',
    ),
    ("tenures", "person=choi-jong-kun", 'person: "choi-jong-kun"'),
    ("tenures", "office=kr-minister-of-foreign-affairs", 'office: "kr-minister-of-foreign-affairs"'),
    ("countries", "", ""),
    ("countries", "q=korea", 'search: "korea"'),
    ("countries", "search=KR", 'search: "KR"'),
    ("topics", "", ""),
    ("topics", "q=denuclearization", 'search: "denuclearization"'),
    ("sources", "", ""),
    ("sources", "search=Biegun", 'search: "Biegun"'),
]


@pytest.mark.parametrize(("resource", "rest", "graphql"), SAME_QUESTIONS)
def test_both_apis_give_the_same_rows_for_the_same_filters(seed_data, resource, rest, graphql):
    client = Client()
    rest_rows = rest_list(client, resource, rest)
    assert rest_rows == gql_list(client, resource, graphql)
    if rest and resource != "countries" and "2000-01-01" not in rest:
        assert rest_rows != rest_list(client, resource), "the filter should narrow the list"


def test_the_topic_filter_includes_subtopics_in_both_apis_and_a_topics_events_list_does_not(seed_data):
    client, slug = Client(), a_topic_with_subtopics()
    by_filter = gql_list(client, "events", f'topic: "{slug}"')
    assert by_filter == rest_list(client, "events", f"topic={slug}")
    topic = Topic.objects.get(slug=slug)
    below = Topic.objects.filter(parent=topic) | Topic.objects.filter(parent__parent=topic)
    tagged_below = set(below.filter(events__review_state="published").values_list("events__slug", flat=True))
    assert tagged_below and tagged_below <= by_filter

    body = gql(client, f'{{ topic(slug: "{slug}") {{ events(first: 100) {{ slug }} }} }}')
    assert "errors" not in body, body["errors"]
    own = {e["slug"] for e in body["data"]["topic"]["events"]}
    assert own == set(topic.events.filter(review_state="published").values_list("slug", flat=True))
    assert own <= by_filter  # documented in docs/vocabulary.md: the list is the topic's own events


# (REST URL, REST parameter, GraphQL query, GraphQL argument named in the error)
SAME_MISTAKES = [
    ("/api/v1/events/?person=nobody", "person", '{ events(filters: {person: "nobody"}) { totalCount } }', "person"),
    ("/api/v1/events/?topic=nothing", "topic", '{ events(filters: {topic: "nothing"}) { totalCount } }', "topic"),
    (
        "/api/v1/events/?countries=XX",
        "countries",
        '{ events(filters: {countries: ["XX"]}) { totalCount } }',
        "countries",
    ),
    (
        "/api/v1/events/?country=US&country=XX",
        "country",
        '{ events(filters: {countries: ["US", "XX"]}) { totalCount } }',
        "countries",
    ),
    ("/api/v1/people/?office=nowhere", "office", '{ people(filters: {office: "nowhere"}) { totalCount } }', "office"),
    ("/api/v1/people/?country=XX", "country", '{ people(filters: {country: "XX"}) { totalCount } }', "country"),
    ("/api/v1/offices/?country=XX", "country", '{ offices(filters: {country: "XX"}) { totalCount } }', "country"),
    ("/api/v1/tenures/?person=nobody", "person", '{ tenures(filters: {person: "nobody"}) { totalCount } }', "person"),
    ("/api/v1/tenures/?office=nowhere", "office", '{ tenures(filters: {office: "nowhere"}) { totalCount } }', "office"),
    ("/api/v1/tenures/?country=XX", "country", '{ tenures(filters: {country: "XX"}) { totalCount } }', "country"),
]


@pytest.mark.parametrize(("url", "parameter", "query", "argument"), SAME_MISTAKES)
def test_both_apis_refuse_the_same_unknown_slug_or_code_naming_their_own_parameter(
    seed_data, url, parameter, query, argument
):
    client = Client()
    response = client.get(url)
    assert response.status_code == 400
    rest_fields = response.json()["error"]["fields"]
    assert list(rest_fields) == [parameter]

    (error,) = gql(client, query)["errors"]
    assert error["extensions"]["code"] == "INVALID"
    assert list(error["extensions"]["fields"]) == [argument]
    assert error["message"].startswith(f"{argument}: ")
    assert error["extensions"]["fields"][argument] == rest_fields[parameter]  # the same words


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("/api/v1/events/?date_from=2020-02-30", '{ events(filters: {dateFrom: "2020-02-30"}) { totalCount } }'),
        ("/api/v1/tenures/?on=2020-13-01", '{ tenures(filters: {on: "2020-13-01"}) { totalCount } }'),
        ("/api/v1/events/?cursor=!!!", '{ events(after: "!!!") { totalCount } }'),
    ],
)
def test_both_apis_refuse_a_bad_date_or_cursor(seed_data, url, query):
    client = Client()
    assert client.get(url).status_code == 400
    assert gql(client, query)["errors"]


def test_a_cursor_made_for_one_order_is_refused_by_the_other_in_both_apis(seed_data):
    client = Client()
    descending = client.get("/api/v1/events/?page_size=2").json()["next"]
    cursor = descending.split("cursor=")[1].split("&")[0]
    response = client.get(f"/api/v1/events/?page_size=2&ordering=date&cursor={cursor}")
    assert response.status_code == 400
    assert "ordering=-date" in response.json()["error"]["fields"]["cursor"][0]
    assert client.get(f"/api/v1/events/?page_size=2&cursor={cursor}").status_code == 200

    page = gql(client, "{ events(first: 2) { pageInfo { endCursor } } }")["data"]["events"]
    end = page["pageInfo"]["endCursor"]
    (error,) = gql(client, f'{{ events(first: 2, order: START_DATE_ASC, after: "{end}") {{ totalCount }} }}')["errors"]
    assert error["extensions"]["code"] == "BAD_CURSOR"
    assert "descending" in error["message"]
    assert "errors" not in gql(client, f'{{ events(first: 2, after: "{end}") {{ totalCount }} }}')


def test_an_older_rest_cursor_without_its_ordering_is_still_followed(seed_data):
    client = Client()
    descending = client.get("/api/v1/events/?page_size=2").json()["next"]
    (cursor,) = parse_qs(urlsplit(descending).query)["cursor"]
    payload = json.loads(urlsafe_b64decode(cursor))
    assert payload.pop("ordering") == "-date"
    older = urlsafe_b64encode(json.dumps(payload).encode()).decode()
    assert client.get("/api/v1/events/", {"page_size": 2, "cursor": older}).status_code == 200


def test_giving_a_filter_under_both_names_is_refused(seed_data):
    response = Client().get("/api/v1/events/?q=talks&search=talks")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["search"]


def test_references_have_one_shape_in_both_apis(seed_data):
    client = Client()
    event = client.get("/api/v1/events/2020-12-09-biegun-choi-jong-kun/").json()
    assert set(event["country"]) == {"id", "iso2", "name"}
    for participant in event["participants"]:
        if participant["country"] is not None:
            assert participant["country_ref"]["iso2"] == participant["country"]
        if participant["office"] is not None:
            assert participant["office"]["country_ref"]["iso2"] == participant["office"]["country"]
        if participant["source"] is not None:
            assert participant["source_ref"]["id"] == participant["source"]
    office = client.get("/api/v1/offices/kr-president/").json()
    assert office["tenures"] == office["holders"]
    assert set(office["country"]) == {"id", "iso2", "name"}

    body = gql(client, '{ office(slug: "kr-president") { tenures { person { slug } start } } }')
    assert [(t["person"]["slug"], t["start"]) for t in body["data"]["office"]["tenures"]] == [
        (t["person"]["slug"], t["start"]) for t in office["tenures"]
    ]
    rest_links = rest_list(client, "sources")
    assert rest_links == gql_list(client, "sources")
