"""Curators write events and tenures in one request and one transaction; stale writes change nothing."""

import pytest

from events.models import Event, Participation
from people.models import Tenure

pytestmark = pytest.mark.django_db

NEW_EVENT = {
    "title": "Choi Jong-kun and Stephen Biegun speak by phone",
    "slug": "2020-12-20-choi-biegun-phone-call",
    "kind": "phone_call",
    "start_date": "2020-12-20",
    "city": "Seoul",
    "country": "KR",
    "participants": [
        {"person": "choi-jong-kun", "role": "host", "title_as_reported": "First Vice Foreign Minister"},
        {"person": "stephen-biegun", "role": "guest", "title_as_reported": "U.S. Deputy Secretary of State"},
    ],
    "topics": ["us-rok-alliance", "denuclearization-talks-placeholder"],
    "sources": [1],
}


def new_event(**changes) -> dict:
    data = {**NEW_EVENT, **changes}
    if "topics" not in changes:
        data["topics"] = ["us-rok-alliance"]
    return data


def errors(response, status: int = 400) -> dict:
    assert response.status_code == status, response.content
    body = response.json()["error"]
    assert body["status"] == status
    return body.get("fields", {})


# --- auth rules


def test_anonymous_clients_cannot_write(client, seed_data):
    response = client.post("/api/v1/events/", new_event(), format="json")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert client.delete("/api/v1/tenures/1/").status_code == 401


def test_users_without_the_model_permission_get_403(seed_data, django_user_model):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(django_user_model.objects.create_user("reader"))
    response = api.post("/api/v1/events/", new_event(), format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"


def test_reference_resources_are_read_only_even_for_curators(curator_client, seed_data):
    assert curator_client.post("/api/v1/people/", {"name": "x"}, format="json").status_code == 405
    assert curator_client.delete("/api/v1/countries/KR/").status_code == 405


# --- events


def test_curator_creates_an_event_with_participants_topics_and_sources(curator_client, seed_data):
    response = curator_client.post("/api/v1/events/", new_event(), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == body["url"]
    assert type(response["Location"]) is str  # a WSGI server refuses anything else
    assert response["ETag"]
    assert body["review_state"] == "draft"
    offices = {p["person"]["slug"]: p["office"]["slug"] for p in body["participants"]}
    assert offices == {  # filled from the tenures on the event date
        "choi-jong-kun": "kr-first-vice-minister-of-foreign-affairs",
        "stephen-biegun": "us-deputy-secretary-of-state",
    }
    assert [t["slug"] for t in body["topics"]] == ["us-rok-alliance"]
    assert [s["id"] for s in body["sources"]] == [1]


def test_unknown_slugs_are_400_with_field_paths_and_nothing_is_written(curator_client, seed_data):
    data = new_event(
        country="XX",
        topics=["no-such-topic"],
        sources=[999],
        participants=[{"person": "choi-jong-kun"}, {"person": "nobody", "office": "no-office"}],
    )
    fields = errors(curator_client.post("/api/v1/events/", data, format="json"))
    assert set(fields) == {"country", "topics", "sources", "participants[1].person", "participants[1].office"}
    assert fields["participants[1].person"] == ["Unknown person: nobody."]
    assert fields["sources"] == ["Unknown source: 999."]
    assert not Event.objects.filter(slug=NEW_EVENT["slug"]).exists()


def test_event_ending_before_it_starts_is_refused(curator_client, seed_data):
    fields = errors(curator_client.post("/api/v1/events/", new_event(end_date="2020-12-01"), format="json"))
    assert "end_date" in fields


def test_participant_without_person_or_description_is_refused_by_path(curator_client, seed_data):
    data = new_event(participants=[{"person": "choi-jong-kun"}, {"role": "participant"}])
    fields = errors(curator_client.post("/api/v1/events/", data, format="json"))
    assert list(fields) == ["participants[1]"]
    assert not Event.objects.filter(slug=NEW_EVENT["slug"]).exists()


def test_the_same_person_twice_in_one_role_is_refused(curator_client, seed_data):
    data = new_event(participants=[{"person": "choi-jong-kun"}, {"person": "choi-jong-kun"}])
    fields = errors(curator_client.post("/api/v1/events/", data, format="json"))
    assert list(fields) == ["participants[1].person"]


def test_event_without_sources_is_refused(curator_client, seed_data):
    fields = errors(curator_client.post("/api/v1/events/", new_event(sources=[]), format="json"))
    assert "sources" in fields


def test_duplicate_slug_is_refused(curator_client, seed_data):
    data = new_event(slug="2020-12-09-biegun-choi-jong-kun")
    assert "slug" in errors(curator_client.post("/api/v1/events/", data, format="json"))


def test_put_replaces_participants_topics_and_sources(curator_client, seed_data):
    url = curator_client.post("/api/v1/events/", new_event(), format="json").json()["url"]
    replacement = new_event(
        title="Choi and Biegun talk again",
        participants=[{"person": "stephen-biegun", "role": "participant"}],
        topics=["covid-19-cooperation"],
        sources=[2],
    )
    body = curator_client.put(url, replacement, format="json").json()
    assert body["title"] == "Choi and Biegun talk again"
    assert [p["person"]["slug"] for p in body["participants"]] == ["stephen-biegun"]
    assert [t["slug"] for t in body["topics"]] == ["covid-19-cooperation"]
    assert [s["id"] for s in body["sources"]] == [2]


def test_patch_changes_only_what_it_names(curator_client, seed_data):
    url = curator_client.post("/api/v1/events/", new_event(), format="json").json()["url"]
    body = curator_client.patch(url, {"status": "scheduled", "venue": "MOFA"}, format="json").json()
    assert (body["status"], body["venue"], body["title"]) == ("scheduled", "MOFA", NEW_EVENT["title"])
    assert len(body["participants"]) == 2
    assert [t["slug"] for t in body["topics"]] == ["us-rok-alliance"]


def test_failed_update_changes_nothing(curator_client, seed_data):
    url = curator_client.post("/api/v1/events/", new_event(), format="json").json()["url"]
    before = curator_client.get(url).json()
    bad = {"title": "changed", "participants": [{"person": "choi-jong-kun"}, {"role": "host"}]}
    assert curator_client.patch(url, bad, format="json").status_code == 400
    assert curator_client.get(url).json() == before


def test_stale_if_match_gets_412_and_changes_nothing(curator_client, seed_data):
    response = curator_client.post("/api/v1/events/", new_event(), format="json")
    url, etag = response.json()["url"], response["ETag"]
    assert curator_client.get(url)["ETag"] == etag
    fresh = curator_client.patch(url, {"venue": "Blue House"}, format="json", HTTP_IF_MATCH=etag)
    assert fresh.status_code == 200
    stale = curator_client.patch(url, {"venue": "Somewhere else"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert stale.json()["error"]["code"] == "precondition_failed"
    assert curator_client.get(url).json()["venue"] == "Blue House"
    assert curator_client.delete(url, HTTP_IF_MATCH=etag).status_code == 403  # deleting is an editor's; checked first
    assert curator_client.put(url, new_event(), format="json", HTTP_IF_MATCH=etag).status_code == 412


def test_weak_etag_from_gzip_still_matches(curator_client, seed_data):
    response = curator_client.post("/api/v1/events/", new_event(), format="json")
    url, etag = response.json()["url"], response["ETag"]
    assert curator_client.patch(url, {"venue": "x"}, format="json", HTTP_IF_MATCH=f"W/{etag}").status_code == 200


def test_curator_without_publish_permission_cannot_delete(curator_client, seed_data):
    url = "/api/v1/events/2020-12-09-biegun-choi-jong-kun/"
    assert curator_client.delete(url).status_code == 403
    assert Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").exists()


def test_editor_deletes_an_event_with_its_participations(editor_client, seed_data):
    url = "/api/v1/events/2020-12-09-biegun-choi-jong-kun/"
    etag = editor_client.get(url)["ETag"]
    assert editor_client.delete(url, HTTP_IF_MATCH=etag).status_code == 204
    assert not Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").exists()
    assert not Participation.objects.filter(event__slug="2020-12-09-biegun-choi-jong-kun").exists()
    assert editor_client.get(url).status_code == 404


# --- tenures


NEW_TENURE = {
    "person": "choi-jong-kun",
    "office": "kr-minister-of-foreign-affairs",
    "start": "2030-01-01",
    "status": "holder",
    "sources": [1],
}


def test_curator_records_a_tenure(curator_client, seed_data):
    response = curator_client.post("/api/v1/tenures/", NEW_TENURE, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["person"]["slug"], body["office"]["slug"], body["end"], body["sources"]) == (
        "choi-jong-kun",
        "kr-minister-of-foreign-affairs",
        None,
        [1],
    )


def test_overlapping_tenure_is_400_naming_the_holder(curator_client, seed_data):
    data = {**NEW_TENURE, "start": "2020-12-01", "end": "2020-12-31"}
    fields = errors(curator_client.post("/api/v1/tenures/", data, format="json"))
    assert "Kang Kyung-wha" in fields["start"][0]


def test_tenure_ending_before_it_starts_is_400(curator_client, seed_data):
    data = {**NEW_TENURE, "end": "2029-01-01"}
    fields = errors(curator_client.post("/api/v1/tenures/", data, format="json"))
    assert "end" in fields


def test_tenure_with_unknown_slugs_is_400(curator_client, seed_data):
    fields = errors(
        curator_client.post("/api/v1/tenures/", {**NEW_TENURE, "person": "x", "office": "y"}, format="json")
    )
    assert set(fields) == {"person", "office"}


def test_tenure_patch_if_match_and_delete(curator_client, editor_client, seed_data):
    created = curator_client.post("/api/v1/tenures/", NEW_TENURE, format="json")
    url, etag = created.json()["url"], created["ETag"]
    patched = curator_client.patch(url, {"end": "2031-01-01"}, format="json", HTTP_IF_MATCH=etag)
    assert patched.status_code == 200, patched.content
    assert (patched.json()["end"], patched.json()["sources"]) == ("2031-01-01", [1])
    assert curator_client.delete(url, HTTP_IF_MATCH=patched["ETag"]).status_code == 403  # removing is an editor's
    assert editor_client.delete(url, HTTP_IF_MATCH=etag).status_code == 412
    assert editor_client.delete(url, HTTP_IF_MATCH=patched["ETag"]).status_code == 204
    assert not Tenure.objects.filter(pk=created.json()["id"]).exists()


def test_tenure_update_into_an_overlap_changes_nothing(curator_client, seed_data):
    url = curator_client.post("/api/v1/tenures/", NEW_TENURE, format="json").json()["url"]
    before = curator_client.get(url).json()
    response = curator_client.patch(url, {"start": "2020-06-01"}, format="json")
    assert response.status_code == 400
    assert curator_client.get(url).json() == before


def test_session_auth_needs_csrf(seed_data, curator):
    from rest_framework.test import APIClient

    api = APIClient(enforce_csrf_checks=True)
    api.force_login(curator)
    response = api.post("/api/v1/tenures/", NEW_TENURE, format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]


# --- the review workflow


def test_curator_submits_and_editor_publishes_then_retracts(curator_client, editor_client, client, seed_data):
    url = curator_client.post("/api/v1/events/", new_event(), format="json").json()["url"]
    assert client.get(url).status_code == 404  # a draft is not public
    submitted = curator_client.post(f"{url}submit/")
    assert submitted.json()["review_state"] == "in_review"
    refused = curator_client.post(f"{url}publish/")  # curators cannot publish
    assert refused.status_code == 403
    assert "events.publish_event" in refused.json()["error"]["message"]
    published = editor_client.post(f"{url}publish/", HTTP_IF_MATCH=submitted["ETag"])
    assert published.json()["review_state"] == "published"
    assert client.get(url).status_code == 200
    assert errors(editor_client.post(f"{url}retract/", {"reason": ""}, format="json")) == {
        "retraction_reason": ["Say why the event is retracted."]
    }
    for not_text in ({"why": "duplicate"}, ["duplicate"], 7):
        assert errors(editor_client.post(f"{url}retract/", {"reason": not_text}, format="json")) == {
            "reason": ["A string: say why the event is retracted."]
        }
    assert client.get(url).status_code == 200  # still published
    retracted = editor_client.post(f"{url}retract/", {"reason": "Duplicate of another report."}, format="json")
    assert retracted.json()["review_state"] == "retracted"
    assert client.get(url).status_code == 404


def test_workflow_actions_check_if_match_and_transitions(curator_client, seed_data):
    created = curator_client.post("/api/v1/events/", new_event(), format="json")
    url = created.json()["url"]
    curator_client.patch(url, {"venue": "MOFA"}, format="json")
    assert curator_client.post(f"{url}submit/", HTTP_IF_MATCH=created["ETag"]).status_code == 412
    assert "review_state" in errors(curator_client.post(f"{url}return-to-draft/"))  # a draft is not in review
    assert curator_client.get(url).json()["review_state"] == "draft"


def test_etag_does_not_depend_on_the_host_name(editor_client, seed_data, settings):
    settings.ALLOWED_HOSTS = ["testserver", "api.example.org"]
    url = "/api/v1/events/2020-12-09-biegun-choi-jong-kun/"
    etag = editor_client.get(url, HTTP_HOST="api.example.org")["ETag"]
    assert editor_client.patch(url, {"venue": "MOFA"}, format="json", HTTP_IF_MATCH=etag).status_code == 200


def test_curators_may_not_change_a_published_event(curator_client, editor_client, seed_data):
    url = "/api/v1/events/2020-12-09-biegun-choi-jong-kun/"
    refused = curator_client.patch(url, {"venue": "MOFA"}, format="json")
    assert refused.status_code == 403
    assert "events.publish_event" in refused.json()["error"]["message"]
    assert editor_client.get(url).json()["venue"] == "Ministry of Foreign Affairs"  # unchanged
