"""The response cache: anonymous reads come from it, and no write, however made, leaves it stale."""

import json

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from events.models import Event
from people.models import Country
from tests.api.conftest import FIXTURES

EVENTS = "/api/v1/events/?page_size=5"
QUERY = {"query": "{ events(first: 3) { edges { node { title } } } }"}


@pytest.fixture
def cached(settings, db):
    from django.core.management import call_command

    call_command("loaddata", *FIXTURES, verbosity=0)
    settings.RESPONSE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def get(client, url=EVENTS, **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, **headers)
    return response, len(ctx.captured_queries)


def post_graphql(client, body=QUERY, **headers):
    with CaptureQueriesContext(connection) as ctx:
        response = client.post("/graphql/", json.dumps(body), content_type="application/json", **headers)
    return response, len(ctx.captured_queries)


def test_an_anonymous_read_is_served_from_the_cache_with_one_query(cached):
    client = APIClient()
    first, built = get(client)
    second, served = get(client)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert second["ETag"] == first["ETag"] and second["Content-Type"] == first["Content-Type"]
    assert served == 1 < built  # the data version only


def test_a_hit_answers_conditional_requests_with_304(cached):
    client = APIClient()
    etag = get(client)[0]["ETag"]
    response, _ = get(client, HTTP_IF_NONE_MATCH=etag)
    assert (response.status_code, response["X-Cache"], response["ETag"]) == (304, "hit", etag)


@pytest.mark.parametrize(
    "write",
    [
        "model_save",
        "queryset_update",
        "raw_sql",
        "delete",
    ],
)
def test_any_committed_write_makes_cached_answers_stale(cached, write):
    client = APIClient()
    before = get(client)[0].json()["results"][0]
    get(client)  # now cached
    event = Event.objects.get(slug=before["slug"])
    if write == "model_save":
        event.title = "Retitled"
        event.save()
    elif write == "queryset_update":
        Event.objects.filter(pk=event.pk).update(title="Retitled")
    elif write == "raw_sql":
        with connection.cursor() as cursor:
            cursor.execute("UPDATE events_event SET title = 'Retitled' WHERE id = %s", [event.pk])
    else:
        event.participations.all().delete()
        Event.objects.filter(pk=event.pk).update(title="Retitled")
    after, _ = get(client)
    assert after["X-Cache"] == "miss"
    assert after.json()["results"][0]["title"] == "Retitled"


def test_a_write_to_a_related_table_makes_events_stale(cached):
    client = APIClient()
    get(client)
    Country.objects.filter(iso2="KR").update(name="Korea, Republic of")
    assert get(client)[0]["X-Cache"] == "miss"


def test_signed_in_callers_are_never_served_from_the_cache(cached):
    user = User.objects.create_user("reader", password="pw")
    token = Token.objects.create(user=user)
    by_token = APIClient()
    by_token.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    by_session = APIClient()
    by_session.force_login(user)
    for client in (by_token, by_session, by_token, by_session):
        assert not get(client)[0].has_header("X-Cache")


def test_graphql_queries_are_cached(cached):
    client = APIClient()
    first, _ = post_graphql(client)
    second, served = post_graphql(client)
    assert (first["X-Cache"], second["X-Cache"], served) == ("miss", "hit", 1)
    assert second.json() == first.json()


@pytest.mark.parametrize(
    ("document", "stored"),
    [
        ("{ events(first: 1) { edges { cursor } } }", True),
        ("query A { countries(first: 1) { edges { cursor } } }", True),
        ('mutation { deleteEvent(id: "x") { __typename } }', False),
        ("query A { __typename } mutation B { __typename }", False),
        ("{ not valid", False),
    ],
)
def test_only_successful_graphql_queries_are_stored(document, stored):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from common.cache import storable

    request = RequestFactory().post("/graphql/", {"query": document}, content_type="application/json")
    assert storable(request, HttpResponse(b'{"data": {}}', content_type="application/json")) is stored
    assert storable(request, HttpResponse(b'{"errors": []}', content_type="application/json")) is False


def test_graphql_errors_are_not_cached(cached):
    client = APIClient()
    bad = {"query": "{ events(first: 3) { edges { node { nosuchfield } } } }"}
    for _ in range(2):
        response, _ = post_graphql(client, bad)
        assert "errors" in response.json() and not response.has_header("X-Cache")


def test_the_anonymous_rate_limit_counts_cache_hits(cached, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    client = APIClient()
    statuses = [get(client)[0].status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = get(client)[0]
    assert refused.json()["error"]["code"] == "throttled" and int(refused["Retry-After"]) > 0


def test_it_can_be_turned_off(cached, settings):
    settings.RESPONSE_CACHE_SECONDS = 0
    client = APIClient()
    assert not get(client)[0].has_header("X-Cache") and not get(client)[0].has_header("X-Cache")


def test_every_table_of_the_curated_data_raises_the_data_version(db):
    from django.apps import apps

    tables = {
        model._meta.db_table
        for label in ("people", "events")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
        if not model._meta.db_table.split("_", 1)[1].startswith("historical")
    }
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = 'attache_data_version'"
            )
            covered = {row[0] for row in cursor.fetchall()}
        else:
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
            names = cursor.fetchall()
            covered = {
                table
                for table in tables
                if {f"attache_data_version_{table}_{op}" for op in ("insert", "update", "delete")}
                <= {name for _, name in names}
            }
    assert tables - covered == set()
