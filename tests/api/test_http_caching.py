"""HTTP caching: exports answer ETag and Last-Modified (304 when the client has them); every API answer says
who may keep it (Cache-Control: public for anonymous reads, private for signed-in ones, no-store for writes)."""

import datetime

import pytest
from django.test import Client
from django.utils.http import http_date

from events.models import Event

pytestmark = pytest.mark.django_db

EXPORTS = ["/api/v1/exports/events.csv", "/api/v1/exports/events.import.csv", "/api/v1/exports/events.jsonl"]


@pytest.mark.parametrize("url", EXPORTS)
def test_an_export_answers_304_to_if_none_match_until_an_event_changes(client, seed_data, url):
    first = client.get(url)
    assert first.status_code == 200 and first.streaming
    assert first["ETag"] and first["Last-Modified"]
    b"".join(first.streaming_content)

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content
    assert again["ETag"] == first["ETag"]

    Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").update(title="Renamed")
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_304_takes_no_export_slot(seed_data):
    client = Client()
    etag = client.get("/api/v1/exports/events.csv")["ETag"]  # left open: one slot taken
    for _ in range(3):
        assert client.get("/api/v1/exports/events.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/api/v1/exports/events.jsonl").status_code == 200  # the second slot was still free


def test_an_export_answers_304_to_if_modified_since_and_200_after_a_delete(client, seed_data):
    long_ago = datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC)  # HTTP dates are to the second
    Event.objects.update(updated_at=long_ago)
    Event.history.update(history_date=long_ago)
    first = client.get("/api/v1/exports/events.jsonl")
    assert first["Last-Modified"] == http_date(long_ago.timestamp())
    since = first["Last-Modified"]
    assert client.get("/api/v1/exports/events.jsonl", HTTP_IF_MODIFIED_SINCE=since).status_code == 304
    Event.objects.get(slug="2020-12-09-biegun-choi-jong-kun").delete()  # no row shows it; the history does
    assert client.get("/api/v1/exports/events.jsonl", HTTP_IF_MODIFIED_SINCE=since).status_code == 200


def test_an_exports_etag_depends_on_its_filters_and_on_who_asks(client, curator_client, seed_data):
    everything = client.get("/api/v1/exports/events.csv")["ETag"]
    korea = client.get("/api/v1/exports/events.csv?country=KR")["ETag"]
    curator = curator_client.get("/api/v1/exports/events.csv")["ETag"]  # sees drafts too
    assert len({everything, korea, curator}) == 3


@pytest.mark.parametrize(
    "url", ["/api/v1/events/", "/api/v1/events/2020-12-09-biegun-choi-jong-kun/", "/api/v1/exports/events.csv"]
)
def test_anonymous_reads_are_public_and_signed_in_reads_private(client, curator_client, seed_data, url):
    public = client.get(url)
    assert public.status_code == 200
    assert public["Cache-Control"].startswith("public, max-age=")
    assert "Authorization" in public["Vary"] and "Cookie" in public["Vary"]
    private = curator_client.get(url)
    assert private.status_code == 200
    assert private["Cache-Control"] == "private, no-store"


def test_public_max_age_follows_the_response_cache_setting(client, seed_data, settings):
    settings.RESPONSE_CACHE_SECONDS = 30
    assert client.get("/api/v1/events/")["Cache-Control"] == "public, max-age=30"
    settings.RESPONSE_CACHE_SECONDS = 3600  # the server's cache is emptied by writes; a browser's is not
    assert client.get("/api/v1/events/")["Cache-Control"] == "public, max-age=60"


def test_a_304_is_public_too(client, seed_data):
    etag = client.get("/api/v1/events/")["ETag"]
    response = client.get("/api/v1/events/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response["Cache-Control"].startswith("public")


def test_graphql_get_is_public_for_anonymous_clients(seed_data):
    response = Client().get("/graphql/", {"query": "{ __typename }"})
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public, max-age=")


def test_writes_and_errors_are_not_stored(client, curator_client, seed_data):
    created = curator_client.post("/api/v1/topics/", {"name": "Sanctions", "slug": "sanctions"}, format="json")
    assert created["Cache-Control"] == "no-store"
    assert client.get("/api/v1/events/no-such-event/")["Cache-Control"] == "no-store"
    assert client.get("/api/v1/exports/events.csv?country=XX")["Cache-Control"] == "no-store"
