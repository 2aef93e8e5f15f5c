"""A real GraphQL client (gql with its requests transport) runs the docs' examples against a live server."""

import pytest
from gql import Client, gql
from gql.transport.requests import RequestsHTTPTransport

from tests.graphql.doc_examples import doc_examples

EXAMPLES = doc_examples()


@pytest.fixture
def client(live_server, seed_data) -> Client:
    transport = RequestsHTTPTransport(url=f"{live_server.url}/graphql/", timeout=30)
    return Client(transport=transport, fetch_schema_from_transport=True)


def test_the_doc_has_the_four_examples():
    assert set(EXAMPLES) == {"BiegunMeetings", "UsKoreaTimeline", "KoreanOfficeHoldersOn20201209", "WhoMetWhom"}


@pytest.mark.django_db(transaction=True)
def test_biegun_meetings(client):
    result = client.execute(gql(EXAMPLES["BiegunMeetings"]))
    events = [e["node"] for e in result["events"]["edges"]]
    assert result["events"]["totalCount"] == len(events) > 0
    for event in events:
        names = {p["person"]["name"] for p in event["participants"] if p["person"]}
        assert "Stephen Biegun" in names
    offices = {p["office"]["title"] for e in events for p in e["participants"] if p["person"] and p["office"]}
    assert "Deputy Secretary of State" in offices


@pytest.mark.django_db(transaction=True)
def test_us_korea_timeline(client):
    result = client.execute(gql(EXAMPLES["UsKoreaTimeline"]))
    dates = [e["node"]["startDate"] for e in result["events"]["edges"]]
    assert dates and dates == sorted(dates)


@pytest.mark.django_db(transaction=True)
def test_korean_office_holders(client):
    result = client.execute(gql(EXAMPLES["KoreanOfficeHoldersOn20201209"]))
    holders = {e["node"]["office"]["title"]: e["node"]["person"]["name"] for e in result["tenures"]["edges"]}
    assert holders["Minister of Foreign Affairs"] == "Kang Kyung-wha"
    assert holders["First Vice Minister of Foreign Affairs"] == "Choi Jong-kun"


@pytest.mark.django_db(transaction=True)
def test_who_met_whom(client):
    result = client.execute(gql(EXAMPLES["WhoMetWhom"]))
    people = {p["id"] for p in result["network"]["people"]}
    links = result["network"]["links"]
    assert links and all({link["source"]["id"], link["target"]["id"]} <= people for link in links)
    assert links[0]["events"] >= links[-1]["events"]
