"""Every resource answers with what a client needs in one call."""

import pytest

pytestmark = pytest.mark.django_db


def test_country_is_looked_up_by_iso2_in_any_case(client, seed_data):
    body = client.get("/api/v1/countries/kr/").json()
    assert (body["iso2"], body["iso3"], body["name"]) == ("KR", "KOR", "South Korea")
    assert "대한민국" in {n["name"] for n in body["other_names"]}


def test_countries_list_is_paginated(client, seed_data):
    body = client.get("/api/v1/countries/?page_size=2").json()
    assert body["count"] == 8
    assert len(body["results"]) == 2
    assert body["next"].endswith("page=2&page_size=2")


def test_person_carries_tenures_names_and_identifiers(client, seed_data):
    body = client.get("/api/v1/people/choi-jong-kun/").json()
    assert (body["name"], body["native_name"], body["nationality"]["iso2"]) == ("Choi Jong-kun", "최종건", "KR")
    assert "kr-first-vice-minister-of-foreign-affairs" in {t["office"]["slug"] for t in body["tenures"]}


def test_person_is_also_found_by_id(client, seed_data):
    by_slug = client.get("/api/v1/people/stephen-biegun/").json()
    assert client.get(f"/api/v1/people/{by_slug['id']}/").json()["slug"] == "stephen-biegun"


def test_office_carries_its_holders(client, seed_data):
    body = client.get("/api/v1/offices/kr-minister-of-foreign-affairs/").json()
    assert body["country"]["iso2"] == "KR"
    assert {"kang-kyung-wha", "cho-tae-yul"} <= {h["person"]["slug"] for h in body["holders"]}
    assert body["other_titles"]


def test_tenure_carries_person_office_and_sources(client, seed_data):
    body = client.get("/api/v1/tenures/?person=choi-jong-kun").json()
    (tenure,) = [t for t in body["results"] if t["office"]["slug"] == "kr-first-vice-minister-of-foreign-affairs"]
    assert (tenure["start"], tenure["end"], tenure["end_precision"]) == ("2020-08-18", "2022-05-01", "month")
    assert tenure["sources"]
    assert client.get(f"/api/v1/tenures/{tenure['id']}/").json()["id"] == tenure["id"]


def test_event_carries_participants_with_offices_topics_sources_and_place(client, seed_data):
    body = client.get("/api/v1/events/2020-12-09-biegun-choi-jong-kun/").json()
    assert (body["start_date"], body["start_precision"], body["city"], body["country"]["iso2"]) == (
        "2020-12-09",
        "day",
        "Seoul",
        "KR",
    )
    offices = {p["person"]["slug"]: p["office"]["slug"] for p in body["participants"] if p["role"] in ("host", "guest")}
    assert offices == {
        "choi-jong-kun": "kr-first-vice-minister-of-foreign-affairs",
        "stephen-biegun": "us-deputy-secretary-of-state",
    }
    assert {"us-rok-alliance", "covid-19-cooperation", "usfk-relocation"} <= {t["slug"] for t in body["topics"]}
    (source,) = body["sources"]
    assert (source["agency"], source["byline"], source["published_on"]) == ("Reuters", "Sangmi Cha", "2020-12-09")
    assert body["cameo_code"] == "040"


def test_month_precise_event_says_so(client, seed_data):
    body = client.get("/api/v1/events/2020-07-biegun-suh-hoon/").json()
    assert (body["start_date"], body["start_precision"]) == ("2020-07-01", "month")


def test_topic_by_slug_lists_spelling_variants(client, seed_data):
    body = client.get("/api/v1/topics/north-korea-denuclearisation/").json()
    assert body["parent"] == "korean-peninsula"
    assert "denuclearization" in {n["name"] for n in body["other_names"]}


def test_source_by_id(client, seed_data):
    listing = client.get("/api/v1/sources/").json()
    first = listing["results"][0]
    body = client.get(f"/api/v1/sources/{first['id']}/").json()
    assert body["publisher"] == first["publisher"]
    assert body["link"].startswith("http")


def test_unknown_slug_is_a_404_in_the_error_shape(client, seed_data):
    response = client.get("/api/v1/people/nobody-at-all/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_unknown_api_url_is_a_404_in_the_error_shape(client, db):
    response = client.get("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"status": 404, "code": "not_found", "message": "No API resource at /api/v1/nothing-here/."}
    }


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_unknown_api_url_is_a_json_404_for_every_method_not_a_csrf_page(db, method):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)("/api/v1/nothing-here/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_anonymous_clients_see_only_published_events(client, seed_data):
    from events.models import Event, ReviewState

    Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").update(review_state=ReviewState.DRAFT)
    assert client.get("/api/v1/events/2020-12-09-biegun-choi-jong-kun/").status_code == 404
    slugs = {e["slug"] for e in client.get("/api/v1/events/?page_size=100").json()["results"]}
    assert "2020-12-09-biegun-choi-jong-kun" not in slugs
    assert len(slugs) == 18


def test_curators_see_drafts(curator_client, seed_data):
    from events.models import Event, ReviewState

    Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").update(review_state=ReviewState.DRAFT)
    body = curator_client.get("/api/v1/events/2020-12-09-biegun-choi-jong-kun/").json()
    assert body["review_state"] == "draft"
