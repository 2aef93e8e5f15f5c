"""The events connection pages by keyset: (start_date, id) row-value cursors, no OFFSET, no OR chain."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import ReviewState
from tests.factories import EventFactory

PAGE = """
query Page($first: Int, $after: String, $last: Int, $before: String, $order: EventOrder) {
  events(first: $first, after: $after, last: $last, before: $before, order: $order) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id startDate } }
  }
}
"""


@pytest.fixture
def events(db):
    """25 published events over 10 days, several on the same day, so the id breaks ties."""
    return [
        EventFactory(review_state=ReviewState.PUBLISHED, start_date=datetime.date(2021, 1, 1 + i % 10))
        for i in range(25)
    ]


def expected_order(events, descending=True):
    keys = sorted(((e.start_date, e.pk) for e in events), reverse=descending)
    return [pk for _, pk in keys]


def walk(gql, *, first, order="START_DATE_DESC"):
    seen, after = [], None
    while True:
        page = gql.data(PAGE, {"first": first, "after": after, "order": order})["events"]
        seen += [int(__import__("base64").b64decode(e["node"]["id"]).decode().split(":")[1]) for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return seen, page
        after = page["pageInfo"]["endCursor"]


def test_forward_pages_visit_every_event_once_in_order(gql, events):
    seen, last_page = walk(gql, first=7)
    assert seen == expected_order(events)
    assert last_page["totalCount"] == 25


def test_ascending_order_pages_too(gql, events):
    seen, _ = walk(gql, first=10, order="START_DATE_ASC")
    assert seen == expected_order(events, descending=False)


def test_backward_pages_with_last_and_before(gql, events):
    everything = gql.data(PAGE, {"first": 25})["events"]["edges"]
    tail = gql.data(PAGE, {"last": 5})["events"]
    assert [e["cursor"] for e in tail["edges"]] == [e["cursor"] for e in everything[-5:]]
    assert tail["pageInfo"]["hasPreviousPage"] is True
    before = gql.data(PAGE, {"last": 3, "before": everything[10]["cursor"]})["events"]
    assert [e["cursor"] for e in before["edges"]] == [e["cursor"] for e in everything[7:10]]


def test_the_page_query_is_a_row_value_comparison(gql, events):
    cursor = gql.data(PAGE, {"first": 5})["events"]["pageInfo"]["endCursor"]
    with CaptureQueriesContext(connection) as ctx:
        gql.data(PAGE, {"first": 5, "after": cursor})
    page_sql = next(q["sql"] for q in ctx.captured_queries if "LIMIT" in q["sql"])
    assert '("events_event"."start_date", "events_event"."id") < (' in page_sql
    assert "OFFSET" not in page_sql and " OR " not in page_sql


def test_without_first_a_default_page_not_the_table(gql, events):
    page = gql.data(PAGE, {})["events"]
    assert len(page["edges"]) == 20 and page["pageInfo"]["hasNextPage"] is True


def test_a_broken_cursor_is_refused_plainly(gql, events):
    body = gql(PAGE, {"first": 5, "after": "bm90LWEtY3Vyc29y"})
    assert body["errors"][0]["message"] == "Invalid cursor."


@pytest.mark.postgresql
def test_postgresql_answers_a_deep_cursor_from_the_index(events):
    """The row value is an index condition on (start_date, id), so depth costs nothing (no OFFSET, no OR)."""
    from django.db.models import F, Value

    from common.graphql.keyset import RowCompare
    from events.selectors import event_list

    deep = sorted(events, key=lambda e: (e.start_date, e.pk))[3]
    qs = (
        event_list()
        .order_by("-start_date", "-id")
        .filter(RowCompare([F("start_date"), F("id")], "<", [Value(deep.start_date), Value(deep.pk)]))[:20]
    )
    with connection.cursor() as cursor:
        # a 25-row table would be sorted in memory; forbid that to see the plan of a big one
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
        plan = qs.explain()
    assert "event_start_id_idx" in plan
    assert "Index Cond: (ROW(start_date, id) < ROW(" in plan


def test_cursors_cost_no_extra_query_when_the_date_is_not_selected(gql, events):
    with CaptureQueriesContext(connection) as ctx:
        page = gql.data("{ events(first: 25) { edges { cursor node { title } } } }")["events"]
    assert len(page["edges"]) == 25
    assert len(ctx.captured_queries) == 1
