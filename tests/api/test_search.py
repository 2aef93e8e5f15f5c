"""q: PostgreSQL full-text search over events (with its GIN index), substring search elsewhere."""

import pytest
from django.db import connection

from events.models import Event
from events.search import EventSearch

pytestmark = pytest.mark.django_db


def slugs(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {row["slug"] for row in response.json()["results"]}


def test_q_matches_title_summary_participants_and_topics(client, seed_data):
    assert "2020-12-09-biegun-choi-jong-kun" in slugs(client, "/api/v1/events/?q=Choi&page_size=100")
    assert "2025-01-06-cho-tae-yul-blinken-talks" in slugs(client, "/api/v1/events/?q=Blinken&page_size=100")
    by_topic = slugs(client, "/api/v1/events/?q=COVID-19 cooperation&page_size=100")
    assert "2020-12-09-biegun-choi-jong-kun" in by_topic


def test_q_is_combined_with_other_filters(client, seed_data):
    found = slugs(client, "/api/v1/events/?q=Biegun&date_from=2020-12-01&page_size=100")
    assert found
    assert all(s.startswith("2020-12") for s in found)


@pytest.mark.postgresql
def test_postgresql_search_stems_words(client, seed_data):
    assert "2025-01-06-cho-tae-yul-blinken-talks" in slugs(client, "/api/v1/events/?q=talk&page_size=100")


@pytest.mark.postgresql
def test_postgresql_event_search_can_use_the_gin_index(seed_data):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'events_event_search_vector_gin'")
        (definition,) = cursor.fetchone()
        assert "gin" in definition
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = Event.objects.filter(EventSearch({"talks"})).order_by().explain()
    assert "events_event_search_vector_gin" in plan


def test_the_search_index_migration_is_a_no_op_elsewhere(db):
    if connection.vendor == "postgresql":
        pytest.skip("checks the fallback databases")
    with connection.cursor() as cursor:
        indexes = [i.lower() for i in connection.introspection.get_constraints(cursor, "events_event")]
    assert "event_fulltext_gin" not in indexes


@pytest.mark.postgresql
def test_postgresql_name_search_matches_words_in_any_order_through_gin_indexes(client, seed_data):
    from common.search import fulltext
    from people.models import Office, Person
    from people.search import NAME_VECTORS

    found = client.get("/api/v1/people/", {"q": "Jong-kun Choi"}).json()["results"]
    assert [p["slug"] for p in found] == ["choi-jong-kun"]  # no substring matches: words in another order
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        person_plan = Person.objects.filter(fulltext(*NAME_VECTORS["person"], {"Choi"})).order_by().explain()
        office_plan = Office.objects.filter(fulltext(*NAME_VECTORS["office"], {"Affairs"})).order_by().explain()
    assert "person_fulltext_gin" in person_plan
    assert "office_fulltext_gin" in office_plan
