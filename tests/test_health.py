"""Probes: /healthz says the process answers, /readyz whether the database does, whatever the Host header."""

import time

import pytest
from django.test import Client


def test_healthz_answers_without_the_database(django_assert_num_queries, db):
    with django_assert_num_queries(0):
        response = Client().get("/healthz", HTTP_HOST="10.0.0.7")  # not in ALLOWED_HOSTS: probes come by IP
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_is_ok_when_the_database_answers(db):
    response = Client().get("/readyz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_readyz_is_503_within_about_a_second_when_the_database_does_not(db, settings, monkeypatch):
    from django.db import connections

    dead = {**connections["default"].settings_dict}
    dead.update(ENGINE="django.db.backends.postgresql", NAME="attache", HOST="127.0.0.1", PORT="1", USER="x")
    monkeypatch.setattr(connections["default"], "settings_dict", dead)
    started = time.monotonic()
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable" and response.json()["database"]
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_are_never_cached(path, db, settings):
    settings.RESPONSE_CACHE_SECONDS = 60
    assert not Client().get(path).has_header("X-Cache")
