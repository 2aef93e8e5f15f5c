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
