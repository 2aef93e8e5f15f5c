"""HTTP manners: conditional GETs, gzip, CORS, throttling, one error body."""

import pytest
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/v1/events/2020-12-09-biegun-choi-jong-kun/", "/api/v1/events/?country=KR"])
def test_conditional_get_with_etag_answers_304(client, seed_data, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""


def test_etag_changes_when_anything_shown_changes(client, seed_data):
    from people.models import Tenure

    url = "/api/v1/people/choi-jong-kun/"
    etag = client.get(url)["ETag"]
    tenure = Tenure.objects.filter(person__slug="choi-jong-kun").first()
    tenure.note = "A new note"
    tenure.save()  # the person row is untouched, but their tenures are part of the representation
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_last_modified_and_if_modified_since(client, seed_data):
    from django.utils.http import http_date

    from people.models import Country

    changed = Country.objects.get(iso2="KR").updated_at
    url = "/api/v1/countries/KR/"
    response = client.get(url)
    assert response["Last-Modified"] == http_date(changed.timestamp())  # to the second, as HTTP dates go
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=http_date(changed.timestamp() - 86400)).status_code == 200


def test_responses_are_gzipped_when_asked(client, seed_data):
    response = client.get("/api/v1/events/?page_size=100", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert response["ETag"].startswith('W/"')  # gzip weakens the ETag; If-Match still accepts it


def test_cors_origin_from_settings(client, seed_data, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://pipeline.example.org"]
    response = client.get("/api/v1/countries/", HTTP_ORIGIN="https://pipeline.example.org")
    assert response["Access-Control-Allow-Origin"] == "https://pipeline.example.org"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/countries/", HTTP_ORIGIN="https://evil.example")


def test_anonymous_clients_are_throttled_with_retry_after(client, seed_data, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    assert client.get("/api/v1/countries/").status_code == 200
    assert client.get("/api/v1/countries/").status_code == 200
    response = client.get("/api/v1/countries/")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (429, "throttled")


def test_authenticated_clients_are_not_throttled_as_anonymous(curator_client, seed_data, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "1/minute"})
    assert [curator_client.get("/api/v1/countries/").status_code for _ in range(3)] == [200, 200, 200]


def test_unexpected_errors_use_the_error_body(client, seed_data, monkeypatch):
    from people.api import views

    def boom(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "country_list", boom)
    client.raise_request_exception = False
    response = client.get("/api/v1/countries/")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "server_error"


def test_method_not_allowed_uses_the_error_body(client, seed_data):
    response = client.post("/api/v1/countries/", {})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_malformed_json_uses_the_error_body(curator_client, seed_data):
    response = curator_client.post("/api/v1/events/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_if_modified_since_never_hides_a_removed_row_from_a_list(client, seed_data):
    from events.models import Event

    url = "/api/v1/events/?country=KR"
    first = client.get(url)
    Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").delete()  # the newest update is unchanged
    again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_a_lost_uniqueness_race_is_a_409_not_a_500(curator_client, seed_data, monkeypatch):
    from django.db import IntegrityError

    from events.api import views

    def race(**kwargs):
        raise IntegrityError("duplicate key value violates unique constraint")

    monkeypatch.setattr(views, "event_create", race)
    data = {"title": "t", "slug": "t", "kind": "meeting", "start_date": "2020-01-01", "sources": [1]}
    response = curator_client.post("/api/v1/events/", data, format="json")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"
