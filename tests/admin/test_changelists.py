"""Rule 7: changelists that stay fast at a million events: fixed query counts, no COUNT(*) of a huge table."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from common.admin import EstimatedCountPaginator
from tests.admin.conftest import sourced_event
from tests.factories import CountryFactory, ParticipationFactory, TenureFactory

pytestmark = pytest.mark.django_db

CURATED = [m for m in admin.site._registry if m._meta.app_label in {"people", "events"}]


def _queries(client, url: str, **params) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries]


def _events(n: int) -> None:
    country = CountryFactory()
    for _ in range(n):
        event = sourced_event(country=country)
        ParticipationFactory(event=event)


@pytest.mark.parametrize("params", [{}, {"review_state": "draft"}, {"q": "Event"}])
def test_event_changelist_query_count_does_not_grow_with_rows(editor_client, params):
    _events(1)
    one = _queries(editor_client, "/admin/events/event/", **params)
    _events(60)  # more than a page (100 rows would be a page; 61 rows fill most of one)
    many = _queries(editor_client, "/admin/events/event/", **params)
    assert len(many) == len(one), "\n".join(many)


@pytest.mark.parametrize("url", ["/admin/people/tenure/", "/admin/people/person/", "/admin/people/office/"])
def test_people_changelists_query_count_does_not_grow_with_rows(editor_client, url):
    TenureFactory()
    one = _queries(editor_client, url)
    for _ in range(30):
        TenureFactory()
    assert len(_queries(editor_client, url)) == len(one)


@pytest.mark.parametrize("model", CURATED, ids=lambda m: m._meta.label)
def test_changelists_never_count_the_whole_table_twice(model):
    model_admin = admin.site._registry[model]
    assert model_admin.show_full_result_count is False
    assert model_admin.paginator is EstimatedCountPaginator


def test_event_changelist_has_a_date_hierarchy_and_joins_its_foreign_keys():
    model_admin = admin.site._registry[sourced_event().__class__]
    assert model_admin.date_hierarchy == "start_date"
    assert model_admin.list_select_related == ["country"]


@pytest.mark.postgresql
def test_a_huge_table_is_paginated_from_the_planner_estimate(editor_client, monkeypatch):
    _events(5)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
    monkeypatch.setattr(EstimatedCountPaginator, "huge", 3)  # pretend five rows are a million
    queries = _queries(editor_client, "/admin/events/event/")
    assert any("reltuples" in q for q in queries)
    assert not [q for q in queries if "COUNT(*)" in q and 'FROM "events_event"' in q and "LIMIT" not in q]
    page = editor_client.get("/admin/events/event/")
    assert page.context["cl"].result_count == 5  # the estimate, exact here after ANALYZE


@pytest.mark.postgresql
def test_a_filtered_list_of_a_huge_table_counts_up_to_the_cap_then_estimates(editor_client, monkeypatch):
    _events(5)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
    monkeypatch.setattr(EstimatedCountPaginator, "huge", 3)
    monkeypatch.setattr(EstimatedCountPaginator, "cap", 2)
    queries = _queries(editor_client, "/admin/events/event/", review_state="draft")
    counts = [q for q in queries if "COUNT(*)" in q]
    assert counts and all("LIMIT 2" in q for q in counts)
    assert any(q.startswith("EXPLAIN") for q in queries)  # past the cap, the planner estimates the rest
    page = editor_client.get("/admin/events/event/", {"review_state": "draft"})
    assert page.context["cl"].result_count >= 2


@pytest.mark.postgresql
def test_a_filtered_list_under_the_cap_counts_exactly(editor_client, monkeypatch):
    _events(5)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
    monkeypatch.setattr(EstimatedCountPaginator, "huge", 3)
    page = editor_client.get("/admin/events/event/", {"review_state": "draft"})
    assert page.context["cl"].result_count == 5


def test_small_tables_and_sqlite_count_exactly(editor_client):
    _events(3)
    page = editor_client.get("/admin/events/event/")
    assert page.context["cl"].result_count == 3
