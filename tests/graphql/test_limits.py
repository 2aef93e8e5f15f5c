"""Every limit is refused before execution, with a message naming the limit; errors leak nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.graphql.limits import MAX_ALIASES, MAX_DEPTH, MAX_NODES


def refused(gql, query: str, variables: dict | None = None) -> str:
    with CaptureQueriesContext(connection) as ctx:
        body = gql(query, variables)
    assert body.get("data") is None, body
    assert ctx.captured_queries == [], "a refused query must not reach the database"
    return body["errors"][0]["message"]


def test_depth_limit(gql):
    deep = (
        "{ events(first: 1) { edges { node { participants(first: 1) { person { tenures(first: 1) { office "
        "{ country { offices(first: 1) { tenures(first: 1) { person { name } } } } } } } } } } } }"
    )
    message = refused(gql, deep)
    assert f"exceeds maximum operation depth of {MAX_DEPTH}" in message


def test_a_ten_level_relay_query_passes(gql, db):
    ten = (
        "{ events(first: 2) { edges { node { participants(first: 2) { person { tenures(first: 2) "
        "{ office { country { name } } } } } } } } }"
    )
    assert "errors" not in gql(ten)


def test_alias_limit(gql):
    aliases = " ".join(f"a{i}: countries(first: 1) {{ totalCount }}" for i in range(MAX_ALIASES + 1))
    message = refused(gql, f"{{ {aliases} }}")
    assert f"{MAX_ALIASES + 1} aliases found. Allowed: {MAX_ALIASES}" in message


def test_token_limit(gql):
    fields = " ".join("__typename" for _ in range(1001))
    message = refused(gql, f"{{ {fields} }}")
    assert "token" in message.lower() and "1000" in message


@pytest.mark.parametrize(
    "query",
    [
        "{ events(first: 101) { totalCount } }",
        "{ people(last: 500) { totalCount } }",
        "{ events(first: 1) { edges { node { participants(first: 101) { id } } } } }",
        "{ network(first: 1000) { links { events } } }",
        "{ countries(first: -1) { totalCount } }",
    ],
)
def test_page_size_is_capped_at_100_on_every_list_and_connection(gql, query):
    message = refused(gql, query)
    assert message.startswith("Page size limit:") and "0 to 100" in message


def test_page_size_from_a_variable_is_checked_too(gql):
    message = refused(gql, "query($n: Int) { topics(first: $n) { totalCount } }", {"n": 5000})
    assert message.startswith("Page size limit:")


def test_node_budget_is_estimated_from_page_sizes(gql):
    query = "{ events(first: 100) { edges { node { participants(first: 100) { person { name } } } } } }"
    message = refused(gql, query)
    assert message.startswith("Node budget:") and f"{100 + 100 * 100:,}" in message and f"{MAX_NODES:,}" in message


def test_node_budget_counts_fragments(gql):
    query = """
    query { people(first: 100) { edges { node { ...P } } } }
    fragment P on Person { tenures(first: 100) { id } }
    """
    assert refused(gql, query).startswith("Node budget:")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("{ evnts { totalCount } }", "Cannot query field 'evnts' on type 'Query'."),
        ("{ events(frist: 1) { totalCount } }", "Unknown argument 'frist' on field 'Query.events'."),
        ("{ events(filters: {kind: MEETNG}) { totalCount } }", "Value 'MEETNG' does not exist in 'EventKind' enum."),
    ],
)
def test_errors_do_not_suggest_names(gql, query, message):
    body = gql(query)
    assert body["errors"][0]["message"] == message
    assert "Did you mean" not in str(body)


def test_internal_errors_are_masked(gql, monkeypatch):
    from people.graphql import filters

    def broken(*args, **kwargs):
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(filters, "countries", broken)
    body = gql("{ countries { totalCount } }")
    assert body["errors"][0]["message"] == "Unexpected error."


def test_introspection_stays_on(gql):
    body = gql("{ __schema { queryType { name } } }")
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


def test_nodes_takes_at_most_100_ids(gql):
    ids = [f"UGVyc29uOj{i}" for i in range(101)]
    message = refused(gql, "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ids})
    assert message.startswith("Page size limit:")


def test_a_connection_without_first_answers_a_default_page(gql, db):
    from tests.factories import PersonFactory

    PersonFactory.create_batch(25)
    page = gql.data("{ people { totalCount pageInfo { hasNextPage } edges { node { id } } } }")["people"]
    assert page["totalCount"] == 25
    assert len(page["edges"]) == 20 and page["pageInfo"]["hasNextPage"] is True
