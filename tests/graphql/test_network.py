"""`network` links people who met: both took part (not only mentioned) in an event that took place (issue #10.3)."""

import pytest

pytestmark = pytest.mark.usefixtures("seed_data")

US_KR = '{countries: ["US", "KR"]}'


def pairs(data: dict) -> set[frozenset[str]]:
    return {frozenset((link["source"]["name"], link["target"]["name"])) for link in data["network"]["links"]}


def network(gql, args: str) -> dict:
    return gql.data(
        f"{{ network({args}) {{ links {{ source {{ name }} target {{ name }} events firstMet }} "
        "counted { roles statuses kinds } } }"
    )


def test_people_only_mentioned_did_not_meet(gql):
    # The 2020-12-09 article mentions President-elect Joe Biden; Biegun and Choi met, Biden was not there.
    linked = pairs(network(gql, f"filters: {US_KR}"))
    assert frozenset(("Stephen Biegun", "Choi Jong-kun")) in linked
    assert not any("Joe Biden" in pair for pair in linked)


def test_scheduled_events_are_not_meetings(gql):
    # Kang Kyung-wha was to meet Chris Coons (a meeting scheduled in the 2020-11 article), not yet held.
    coons = frozenset(("Kang Kyung-wha", "Chris Coons"))
    assert coons not in pairs(network(gql, "filters: {}"))
    scheduled = network(gql, "filters: {status: SCHEDULED}")
    assert scheduled["network"]["counted"]["statuses"] == ["SCHEDULED"]
    assert coons in pairs(scheduled)


def test_briefings_and_mentions_are_not_meetings_unless_asked_for(gql):
    # Trump and Biden are only mentioned together, in a briefing.
    trump_biden = frozenset(("Donald Trump", "Joe Biden"))
    everyone = "roles: [HOST, GUEST, PARTICIPANT, MENTIONED]"
    assert trump_biden not in pairs(network(gql, f"{everyone}, filters: {US_KR}"))
    assert frozenset(("Stephen Biegun", "Joe Biden")) in pairs(network(gql, f"{everyone}, filters: {US_KR}"))
    assert trump_biden in pairs(network(gql, f"{everyone}, filters: {{kind: BRIEFING}}"))
    assert trump_biden not in pairs(network(gql, "filters: {kind: BRIEFING}"))


def test_the_answer_says_what_it_counted(gql):
    counted = network(gql, f"filters: {US_KR}")["network"]["counted"]
    assert counted["roles"] == ["HOST", "GUEST", "PARTICIPANT"]
    assert counted["statuses"] == ["TOOK_PLACE"]
    assert "MEETING" in counted["kinds"] and "STATEMENT" not in counted["kinds"]
    assert "BRIEFING" not in counted["kinds"]
    assert network(gql, "filters: {kind: BRIEFING}")["network"]["counted"]["kinds"] == ["BRIEFING"]


def test_an_empty_roles_list_is_an_error(gql):
    errors = gql("{ network(roles: []) { links { events } } }")["errors"]
    assert errors[0]["extensions"]["code"] == "BAD_ARGUMENT"
    assert "roles" in errors[0]["message"]


def test_an_unknown_country_names_the_graphql_argument(gql):
    errors = gql('{ network(filters: {countries: ["XX"]}) { links { events } } }')["errors"]
    assert "countries" in errors[0]["message"] and "XX" in errors[0]["message"]
