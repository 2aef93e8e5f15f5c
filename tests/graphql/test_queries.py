"""Every root field answers from the seed data, with its filters, and relations go both ways."""

import pytest
from strawberry.relay import to_base64

from events.models import Event, ReviewState
from tests.factories import EventFactory, ParticipationFactory

pytestmark = pytest.mark.usefixtures("seed_data")


def nodes(connection: dict) -> list[dict]:
    return [edge["node"] for edge in connection["edges"]]


def test_countries_connection_has_total_count_and_search(gql):
    data = gql.data('{ countries(filters: {search: "korea"}) { totalCount edges { node { iso2 name } } } }')
    assert {n["iso2"] for n in nodes(data["countries"])} >= {"KR"}
    assert data["countries"]["totalCount"] == len(data["countries"]["edges"])


def test_people_filtered_by_search_and_country(gql):
    data = gql.data('{ people(filters: {search: "Biegun", country: "US"}) { totalCount edges { node { slug } } } }')
    assert [n["slug"] for n in nodes(data["people"])] == ["stephen-biegun"]
    none = gql.data('{ people(filters: {search: "Biegun", country: "KR"}) { totalCount } }')
    assert none["people"]["totalCount"] == 0


def test_people_search_matches_other_name_forms(gql):
    data = gql.data(
        '{ people(filters: {search: "Stephen E. Biegun"}) '
        "{ edges { node { slug otherNames { name language } identifiers { scheme identifier } } } } }"
    )
    assert [n["slug"] for n in nodes(data["people"])] == ["stephen-biegun"]
    assert {"name": "Stephen E. Biegun", "language": "en"} in nodes(data["people"])[0]["otherNames"]


def test_other_names_and_titles_of_countries_offices_and_topics(gql):
    data = gql.data(
        '{ countries(filters: {search: "KR"}) { edges { node { otherNames { name language } } } } '
        'offices(filters: {search: "South Korean President"}) { edges { node { otherTitles { name } } } } '
        'topics(filters: {search: "denuclearization"}) { edges { node { name otherNames { name } } } } }'
    )
    assert nodes(data["offices"])[0]["otherTitles"]
    assert any(t["otherNames"] for t in nodes(data["topics"]))


def test_people_order_by_sort_name(gql):
    data = gql.data("{ people(first: 100, order: SORT_NAME) { edges { node { sortName } } } }")
    names = [n["sortName"] for n in nodes(data["people"])]
    assert names == sorted(names, key=str)  # sort_name, then id


def test_offices_filtered_by_country_and_search(gql):
    data = gql.data(
        '{ offices(filters: {country: "KR", search: "Foreign"}) { edges { node { slug country { iso2 } } } } }'
    )
    found = nodes(data["offices"])
    assert found and all(o["country"]["iso2"] == "KR" for o in found)


def test_tenures_on_a_day_in_a_country(gql):
    data = gql.data(
        '{ tenures(first: 100, filters: {country: "KR", on: "2020-12-09"}) '
        "{ edges { node { person { name } office { slug } start end } } } }"
    )
    holders = {n["office"]["slug"]: n["person"]["name"] for n in nodes(data["tenures"])}
    assert holders["kr-president"] == "Moon Jae-in"


def test_tenures_filtered_by_person_office_and_search(gql):
    by_person = gql.data('{ tenures(filters: {person: "stephen-biegun"}) { totalCount } }')
    assert by_person["tenures"]["totalCount"] == 2
    by_office = gql.data('{ tenures(filters: {office: "kr-president"}, order: START) { edges { node { start } } } }')
    starts = [n["start"] for n in nodes(by_office["tenures"])]
    assert starts == sorted(starts) and len(starts) >= 2
    by_search = gql.data('{ tenures(filters: {search: "Biegun"}) { totalCount } }')
    assert by_search["tenures"]["totalCount"] == 2


def test_events_filtered_by_person(gql):
    data = gql.data('{ events(filters: {person: "stephen-biegun"}) { totalCount edges { node { title } } } }')
    assert data["events"]["totalCount"] == len(data["events"]["edges"]) > 0
    assert all("Biegun" in n["title"] or n["title"] for n in nodes(data["events"]))


def test_events_countries_filter_needs_all_of_them(gql):
    both = gql.data('{ events(filters: {countries: ["US", "KR"]}) { totalCount } }')["events"]["totalCount"]
    us = gql.data('{ events(filters: {countries: ["US"]}) { totalCount } }')["events"]["totalCount"]
    assert 0 < both <= us


@pytest.mark.parametrize(
    ("filters", "expect_some"),
    [
        ('{topic: "korean-peninsula"}', True),
        ("{kind: VISIT}", True),
        ("{status: TOOK_PLACE}", True),
        ('{dateFrom: "2020-12-01", dateTo: "2020-12-31"}', True),
        ('{updatedSince: "2000-01-01T00:00:00Z"}', True),
        ('{updatedSince: "2100-01-01T00:00:00Z"}', False),
        ('{search: "denuclearization"}', True),
    ],
)
def test_events_filters_match_the_selector(gql, filters, expect_some):
    data = gql.data(f"{{ events(filters: {filters}) {{ totalCount }} }}")
    assert (data["events"]["totalCount"] > 0) is expect_some


def test_events_date_filter_bounds(gql):
    data = gql.data(
        '{ events(first: 100, filters: {dateFrom: "2020-12-01", dateTo: "2020-12-31"}) '
        "{ edges { node { startDate } } } }"
    )
    assert all("2020-11-01" <= n["startDate"] <= "2020-12-31" for n in nodes(data["events"]))


def test_unknown_country_code_is_a_readable_error_naming_the_graphql_argument(gql):
    body = gql('{ events(filters: {countries: ["XX"]}) { totalCount } }')
    assert body["errors"][0]["message"] == "countries: Unknown country code: XX."


def test_events_order_ascending(gql):
    data = gql.data("{ events(first: 100, order: START_DATE_ASC) { edges { node { startDate } } } }")
    dates = [n["startDate"] for n in nodes(data["events"])]
    assert dates == sorted(dates)


def test_topics_and_sources_connections(gql):
    topics = gql.data(
        '{ topics(filters: {search: "denuclearization"}) { totalCount edges { node { name parent { name } '
        "children { name } events(first: 5) { title } } } } }"
    )
    assert topics["topics"]["totalCount"] >= 1
    sources = gql.data(
        '{ sources(filters: {search: "Korea"}) { totalCount edges { node { headline publisher events { title } } } } }'
    )
    assert sources["sources"]["totalCount"] >= 1


def test_node_resolves_every_type(gql):
    types = ["Country", "Person", "Office", "Tenure", "Event", "Participation", "Topic", "Source"]
    for type_name in types:
        data = gql.data(f'{{ node(id: "{to_base64(type_name, 1)}") {{ __typename id }} }}')
        assert data["node"] == {"__typename": type_name, "id": to_base64(type_name, 1)}


def test_relations_both_ways(gql):
    biegun = to_base64("Person", 1)
    data = gql.data(
        f'{{ node(id: "{biegun}") {{ ... on Person {{ nationality {{ iso2 people(first: 1) {{ name }} }} '
        "tenures(first: 5) { office { title tenures(first: 5) { person { name } } } } "
        "participations(first: 3) { role event { title participants(first: 5) { person { name } } "
        "topics(first: 5) { name } sources(first: 5) { publisher } } } } } }"
    )
    person = data["node"]
    assert person["nationality"]["iso2"] == "US"
    assert person["tenures"] and person["tenures"][0]["office"]["tenures"]
    assert person["participations"][0]["event"]["participants"]


def test_country_events_and_offices(gql):
    data = gql.data(
        '{ countries(filters: {search: "KR"}) '
        "{ edges { node { iso2 offices(first: 3) { slug } events(first: 3) { title } } } } }"
    )
    kr = next(n for n in nodes(data["countries"]) if n["iso2"] == "KR")
    assert kr["offices"] and kr["events"]


def test_drafts_are_invisible_to_the_public_everywhere(gql, curator_gql):
    draft = EventFactory(title="Secret draft", review_state=ReviewState.DRAFT)
    participation = ParticipationFactory(event=draft, person_id=1)
    gid = to_base64("Event", draft.pk)
    assert gql.data(f'{{ node(id: "{gid}") {{ id }} }}')["node"] is None
    searched = gql.data('{ events(filters: {search: "Secret draft"}) { totalCount } }')
    assert searched["events"]["totalCount"] == 0
    mine = gql.data(f'{{ node(id: "{to_base64("Person", 1)}") {{ ... on Person {{ participations {{ id }} }} }} }}')
    assert to_base64("Participation", participation.pk) not in {p["id"] for p in mine["node"]["participations"]}
    assert curator_gql.data(f'{{ node(id: "{gid}") {{ id }} }}')["node"] == {"id": gid}


def test_event_exposes_ontology_codes(gql):
    event = Event.objects.filter(review_state=ReviewState.PUBLISHED, kind="visit").first()
    data = gql.data(
        f'{{ node(id: "{to_base64("Event", event.pk)}") '
        "{ ... on Event { kind cameoCode ploverCategory ploverMode } } }"
    )
    assert data["node"] == {"kind": "VISIT", "cameoCode": "042", "ploverCategory": "CONSULT", "ploverMode": "visit"}


def test_network_gives_person_pairs_with_counts(gql):
    data = gql.data(
        '{ network(first: 10, filters: {person: "stephen-biegun"}) '
        "{ people { slug } links { source { slug } target { slug } events firstMet lastMet } } }"
    )
    links = data["network"]["links"]
    assert links and all(link["events"] >= 1 for link in links)
    assert [link["events"] for link in links] == sorted((link["events"] for link in links), reverse=True)
    slugs = {p["slug"] for p in data["network"]["people"]}
    assert "stephen-biegun" in slugs
    assert all({link["source"]["slug"], link["target"]["slug"]} <= slugs for link in links)


def test_a_participation_in_a_draft_is_not_a_public_node(gql, curator_gql):
    draft = EventFactory(review_state=ReviewState.DRAFT)
    gid = to_base64("Participation", ParticipationFactory(event=draft).pk)
    assert gql.data(f'{{ node(id: "{gid}") {{ id }} }}')["node"] is None
    assert curator_gql.data(f'{{ node(id: "{gid}") {{ id }} }}')["node"] == {"id": gid}


def test_nodes_fetches_several_types_at_once(gql):
    ids = [to_base64("Person", 1), to_base64("Event", 1), to_base64("Topic", 1)]
    data = gql.data("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", {"ids": ids})
    assert [n["__typename"] for n in data["nodes"]] == ["Person", "Event", "Topic"]


@pytest.mark.parametrize("field", ["countries", "people", "offices", "tenures", "events", "topics", "sources"])
def test_every_root_field_filters_by_updated_since(gql, field):
    past = gql.data(f'{{ {field}(filters: {{updatedSince: "2000-01-01T00:00:00Z"}}) {{ totalCount }} }}')
    future = gql.data(f'{{ {field}(filters: {{updatedSince: "2100-01-01T00:00:00Z"}}) {{ totalCount }} }}')
    assert past[field]["totalCount"] > 0
    assert future[field]["totalCount"] == 0


def test_single_objects_by_slug(gql):
    data = gql.data(
        '{ person(slug: "stephen-biegun") { name tenures { office { title } } } '
        'office(slug: "kr-president") { title } topic(slug: "no-such-topic") { name } '
        'event(slug: "2020-12-biegun-visit-to-seoul") { title participants { person { name } } } }'
    )
    assert data["person"]["name"] == "Stephen Biegun" and data["person"]["tenures"]
    assert data["office"]["title"] == "President of the Republic of Korea"
    assert data["topic"] is None
    assert data["event"]["title"] == "Biegun visits Seoul"


def test_a_draft_by_slug_is_only_for_curators(gql, curator_gql):
    EventFactory(slug="a-draft", review_state=ReviewState.DRAFT)
    assert gql.data('{ event(slug: "a-draft") { slug } }')["event"] is None
    assert curator_gql.data('{ event(slug: "a-draft") { slug } }')["event"] == {"slug": "a-draft"}
