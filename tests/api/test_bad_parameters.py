"""Bad query parameters are a 400 naming the parameter, never a 500 and never a page answered as if valid."""

import pytest

pytestmark = pytest.mark.usefixtures("seed_data")

PLUS = "%2B"  # "+" in a query string
CASES = [
    # (url, the parameter the error names)
    *[
        (f"/api/v1/{resource}/?updated_since={moment}", "updated_since")
        for resource in ("events", "people", "offices", "tenures", "countries", "topics", "sources")
        for moment in (
            f"2020-01-01T00:00:00{PLUS}16:00",  # no database stores such an offset
            "2020-01-01T00:00:00-23:59",
            "9999-12-31T23:59:59-10:00",  # past the end of the calendar in UTC
            f"0001-01-01T00:00:00{PLUS}14:00",  # before its start
            "",  # empty: refused, not ignored
            "yesterday",
        )
    ],
    (f"/api/v1/changes/?since=2020-01-01T00:00:00{PLUS}16:00", "since"),
    ("/api/v1/changes/?since=", "since"),
    ("/api/v1/events/?date_from=", "date_from"),
    ("/api/v1/events/?date_to=", "date_to"),
    ("/api/v1/events/?date_from=2020-13-45", "date_from"),
    ("/api/v1/events/?country=", "country"),
    ("/api/v1/events/?person=", "person"),
    ("/api/v1/tenures/?on=", "on"),
    ("/api/v1/tenures/?on=2020-02-30", "on"),
    ("/api/v1/events/?q=%ff%fe", "q"),  # not UTF-8
    ("/api/v1/people/?q=%c3", "q"),
    ("/api/v1/events/?cursor=!!!", "cursor"),
    ("/api/v1/events/?cursor=%00", "cursor"),
    ("/api/v1/events/?cursor=bz05OTk5OTk5OTk5OTk5OTk5OTk5OQ==", "cursor"),  # o=99999999999999999999
    ("/api/v1/events/?cursor=eD0x", "cursor"),  # x=1: not a cursor of ours
]


@pytest.mark.parametrize(("url", "parameter"), CASES, ids=[url for url, _ in CASES])
def test_a_bad_parameter_is_a_400_naming_it(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400, response.content[:300]
    error = response.json()["error"]
    assert error["code"] == "invalid" and parameter in error["fields"], error


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/events/?updated_since=2020-01-01T00:00:00{PLUS}09:00",
        "/api/v1/events/?updated_since=2020-01-01T00:00:00-15:59",
        "/api/v1/tenures/?on=2020-12-09",
        "/api/v1/events/?q=%EB%B9%84%EA%B1%B4",  # 비건, UTF-8
        "/api/v1/changes/?since=2020-01-01T00:00:00Z",
    ],
)
def test_good_parameters_still_answer(client, url):
    assert client.get(url).status_code == 200


def test_the_next_link_is_a_cursor_the_api_accepts(client):
    first = client.get("/api/v1/events/?page_size=2").json()
    second = client.get(first["next"])
    assert second.status_code == 200 and second.json()["results"]
