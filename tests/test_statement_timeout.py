"""DB_STATEMENT_TIMEOUT: no request holds PostgreSQL for long, and one that runs into it gets a clear 503 (#16.6)."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client

from project.settings import statement_timeout


def test_the_setting_becomes_a_postgresql_option(monkeypatch):
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "30s")
    assert statement_timeout() == " -c statement_timeout=30s"
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "")
    assert statement_timeout() == ""
    monkeypatch.setenv("DB_STATEMENT_TIMEOUT", "30s; DROP TABLE")
    with pytest.raises(ImproperlyConfigured, match="DB_STATEMENT_TIMEOUT"):
        statement_timeout()


def test_the_production_server_sets_it(monkeypatch):
    import os
    import runpy

    monkeypatch.delenv("DB_STATEMENT_TIMEOUT", raising=False)
    runpy.run_path("gunicorn.conf.py")
    assert os.environ.pop("DB_STATEMENT_TIMEOUT") == "30s"  # popped: the setting must not leak into other tests


def _slow(*args, **kwargs):
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = '50ms'")  # as DB_STATEMENT_TIMEOUT would, on this connection
        cursor.execute("SELECT pg_sleep(1)")


@pytest.fixture
def timeout_reset():
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 0")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)  # autocommit, as served
def test_a_rest_request_past_the_timeout_is_a_503_that_says_so(monkeypatch, timeout_reset):
    monkeypatch.setattr("people.api.views.country_list", _slow)
    response = Client().get("/api/v1/countries/")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "timeout"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_a_graphql_query_past_the_timeout_says_so(monkeypatch, timeout_reset):
    monkeypatch.setattr("events.graphql.filters.event_list", _slow)
    body = (
        Client()
        .post(
            "/graphql/",
            json.dumps({"query": "{ events(first: 1) { edges { cursor } } }"}),
            content_type="application/json",
        )
        .json()
    )
    (error,) = body["errors"]
    assert error.get("extensions", {}).get("code") == "TIMEOUT", error
