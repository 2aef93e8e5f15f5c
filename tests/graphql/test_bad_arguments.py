"""Bad filter values are GraphQL errors that say what is wrong, never "Unexpected error."."""

import pytest

pytestmark = pytest.mark.usefixtures("seed_data")

CASES = {
    '{ events(first: 2, filters: {updatedSince: "2020-01-01T00:00:00+16:00"}) { edges { cursor } } }': "UTC offset",
    '{ events(first: 2, filters: {updatedSince: "9999-12-31T23:59:59-10:00"}) { edges { cursor } } }': "out of range",
    '{ people(first: 2, filters: {updatedSince: "2020-01-01T00:00:00-23:59"}) { edges { cursor } } }': "UTC offset",
    '{ topics(first: 2, filters: {updatedSince: "2020-01-01T00:00:00+16:00"}) { edges { cursor } } }': "UTC offset",
    '{ events(first: 2, filters: {search: "a\\u0000b"}) { edges { cursor } } }': "NUL character",
    '{ people(first: 2, filters: {search: "\\u0000"}) { edges { cursor } } }': "NUL character",
    '{ events(first: 2, after: "!!!") { edges { cursor } } }': "Invalid cursor",
}


@pytest.mark.parametrize("query", CASES)
def test_a_bad_value_is_an_error_that_says_what_is_wrong(gql, query):
    body = gql(query)
    assert body["data"] is None
    (error,) = body["errors"]
    assert CASES[query] in error["message"], error


def test_a_storable_offset_is_fine(gql):
    query = '{ events(first: 2, filters: {updatedSince: "2020-01-01T00:00:00-15:59"}) { edges { cursor } } }'
    assert len(gql.data(query)["events"]["edges"]) == 2


MISTAKES = {
    '{ people(first: 2, after: "!!!") { edges { cursor } } }': "BAD_CURSOR",
    '{ topics(first: 2, before: "abc") { edges { cursor } } }': "BAD_CURSOR",
    '{ events(first: 2, after: "!!!") { edges { cursor } } }': "BAD_CURSOR",
    '{ node(id: "Rm9vOjE=") { id } }': "BAD_ID",  # Foo:1, a type the schema does not have
    '{ node(id: "UGVyc29uOmFiYw==") { id } }': "BAD_ID",  # Person:abc
    '{ node(id: "!!notbase64") { id } }': "BAD_ID",
    '{ events(first: 2, filters: {search: "a\\u0000b"}) { edges { cursor } } }': "INVALID",
}


@pytest.mark.parametrize("query", MISTAKES)
def test_a_clients_mistake_has_a_code_and_leaves_no_traceback_in_the_log(gql, query, caplog):
    body = gql(query)
    (error,) = body["errors"]
    assert error["extensions"]["code"] == MISTAKES[query]
    assert error["message"] != "Unexpected error."
    assert not [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]


def test_an_internal_error_is_masked_and_logged_once(gql, caplog, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("events.graphql.filters.event_list", broken)
    body = gql("{ events(first: 1) { edges { cursor } } }")
    assert body["errors"][0]["message"] == "Unexpected error."
    logged = [r for r in caplog.records if r.exc_info and isinstance(r.exc_info[1], RuntimeError)]
    assert len(logged) == 1
