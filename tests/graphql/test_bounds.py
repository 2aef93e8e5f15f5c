"""GraphQL bounded like REST (issue #16.6): one throttle budget per client, search text of a real search's size."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.throttling import AnonRateThrottle

from common.search import MAX_SEARCH_LENGTH

pytestmark = pytest.mark.usefixtures("seed_data")

QUERY = "{ countries(first: 1) { edges { node { iso2 } } } }"


def _post(client: Client, query: str, **extra):
    return client.post("/graphql/", json.dumps({"query": query}), content_type="application/json", **extra)


def test_anonymous_graphql_clients_are_throttled_with_retry_after(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    client = Client()
    assert [_post(client, QUERY).status_code for _ in range(2)] == [200, 200]
    response = _post(client, QUERY)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "THROTTLED" and "Too many requests" in error["message"]


def test_rest_and_graphql_share_one_budget_per_client(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    client = Client()
    assert client.get("/api/v1/countries/").status_code == 200
    assert _post(client, QUERY).status_code == 200
    assert _post(client, QUERY).status_code == 429
    assert client.get("/api/v1/countries/").status_code == 429


def test_another_address_has_its_own_budget(monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    assert _post(Client(), QUERY, REMOTE_ADDR="10.0.0.1").status_code == 200
    assert _post(Client(), QUERY, REMOTE_ADDR="10.0.0.1").status_code == 429
    assert _post(Client(), QUERY, REMOTE_ADDR="10.0.0.2").status_code == 200


def test_a_huge_search_is_refused_before_any_query_runs(gql):
    query = '{ events(first: 5, filters: {search: "%s"}) { edges { cursor } } }' % ("x" * 2_400_000)
    with CaptureQueriesContext(connection) as queries:
        body = gql(query)
    assert body["data"] is None
    (error,) = body["errors"]
    assert f"at most {MAX_SEARCH_LENGTH} are searched" in error["message"]
    assert [q["sql"] for q in queries if "events_event" in q["sql"]] == []


def test_a_search_as_long_as_the_limit_is_answered(gql):
    phrase = ("Stephen Biegun met Choi Jong-kun in Seoul " * 5)[:MAX_SEARCH_LENGTH]
    body = gql('{ events(first: 5, filters: {search: "' + phrase + '"}) { edges { cursor } } }')
    assert "errors" not in body and isinstance(body["data"]["events"]["edges"], list)  # answered, not refused


def test_rest_q_has_the_same_limit(client):
    response = client.get("/api/v1/people/", {"q": "k" * (MAX_SEARCH_LENGTH + 1)})
    assert response.status_code == 400
    assert f"at most {MAX_SEARCH_LENGTH} are searched" in json.dumps(response.json())
    assert client.get("/api/v1/people/", {"q": "Choi"}).status_code == 200
