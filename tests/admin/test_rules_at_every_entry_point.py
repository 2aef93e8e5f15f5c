"""Each write rule holds at every entry point: the admin form, the admin import, REST and GraphQL.

The rules live once, in the services and the model; these tests try each one through every door a user has.
"""

import datetime

import pytest
from strawberry.relay import to_base64

from events.models import Event, ReviewState
from tests.admin.conftest import sourced_event
from tests.admin.test_bad_input import _page_data
from tests.admin.test_import_export import _dataset, _upload
from tests.factories import SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db
ENTRY_POINTS = ["admin form", "admin import", "REST", "GraphQL"]
UPDATE = """
mutation Update($id: ID!, $input: EventPatch!) {
  updateEvent(id: $id, input: $input) { event { title } errors { field messages } }
}
"""
CREATE = """
mutation Create($input: EventInput!) {
  createEvent(input: $input) { event { slug participants { office { slug } } } errors { field messages } }
}
"""


def graphql(client, query: str, variables: dict) -> dict:
    response = client.post("/graphql/", {"query": query, "variables": variables}, content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


# --- only editors change a published event


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_a_curator_cannot_change_a_published_event(client, curator, entry):
    event = sourced_event(ReviewState.PUBLISHED, title="Talks", slug="talks")
    client.force_login(curator)
    if entry == "admin form":
        assert client.post(f"/admin/events/event/{event.pk}/change/", {"title": "Changed"}).status_code == 403
    elif entry == "admin import":
        rows = [["talks", "Changed", "talks", "2021-03-01"]]
        preview = _upload(
            client, "/admin/events/event/", _dataset(["slug", "title", "kind", "start_date"], rows), "csv"
        )
        assert "confirm_form" not in preview.context  # nothing to confirm
        assert preview.context["result"].has_validation_errors()
    elif entry == "REST":
        assert (
            client.patch("/api/v1/events/talks/", {"title": "Changed"}, content_type="application/json").status_code
            == 403
        )
    else:
        body = graphql(client, UPDATE, {"id": to_base64("Event", event.pk), "input": {"title": "Changed"}})
        (error,) = body["data"]["updateEvent"]["errors"]
        assert error["messages"] == [
            "You may not change published events: that needs the 'events.publish_event' permission."
        ]
    assert Event.objects.get(pk=event.pk).title == "Talks"


# --- an event rests on at least one source


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_an_event_without_a_source_is_refused(client, editor, entry):
    TopicFactory(slug="alliance")
    client.force_login(editor)
    if entry == "admin form":
        data = _page_data(client, "/admin/events/event/add/", {})
        data |= {"title": "Talks", "slug": "talks", "kind": "talks", "start_date": "2021-03-01"}
        response = client.post("/admin/events/event/add/", data)
        assert response.status_code == 200  # the form again
        assert "at least one source" in response.content.decode().lower()
    elif entry == "admin import":
        rows = [["talks", "Talks", "talks", "2021-03-01", "alliance", ""]]
        preview = _upload(
            client,
            "/admin/events/event/",
            _dataset(["slug", "title", "kind", "start_date", "topics", "sources"], rows),
            "csv",
        )
        assert "confirm_form" not in preview.context
        errors = preview.context["result"].invalid_rows[0].field_specific_errors
        assert errors["sources"] == ["Every event rests on at least one source."]
    elif entry == "REST":
        data = {"title": "Talks", "slug": "talks", "kind": "talks", "start_date": "2021-03-01", "sources": []}
        response = client.post("/api/v1/events/", data, content_type="application/json")
        assert response.status_code == 400
        assert "sources" in response.json()["error"]["fields"]
    else:
        variables = {
            "input": {"title": "Talks", "slug": "talks", "kind": "TALKS", "startDate": "2021-03-01", "sources": []}
        }
        errors = graphql(client, CREATE, variables)["data"]["createEvent"]["errors"]
        assert [e["field"] for e in errors] == ["input.sources"]
    assert not Event.objects.filter(slug="talks").exists()


# --- a participant's office is the one the tenures say they held that day


@pytest.mark.parametrize("entry", ["admin form", "REST", "GraphQL"])  # the import does not take participants
def test_a_participants_office_comes_from_the_tenures(client, editor, choi, entry):
    source = SourceFactory()
    client.force_login(editor)
    if entry == "admin form":
        rows = {
            "participations": [{"person": str(choi.pk), "role": "host"}],
            "Event_sources": [{"source": str(source.pk)}],
        }
        data = _page_data(client, "/admin/events/event/add/", rows)
        data |= {"title": "Talks", "slug": "talks", "kind": "talks", "start_date": "2021-03-01"}
        response = client.post("/admin/events/event/add/", data)
        assert response.status_code == 302, response.content.decode()[:3000]
    elif entry == "REST":
        data = {
            "title": "Talks",
            "slug": "talks",
            "kind": "talks",
            "start_date": "2021-03-01",
            "participants": [{"person": "choi-jong-kun", "role": "host"}],
            "sources": [source.pk],
        }
        response = client.post("/api/v1/events/", data, content_type="application/json")
        assert response.status_code == 201, response.content
    else:
        variables = {
            "input": {
                "title": "Talks",
                "slug": "talks",
                "kind": "TALKS",
                "startDate": "2021-03-01",
                "participants": [{"person": to_base64("Person", choi.pk), "role": "HOST"}],
                "sources": [to_base64("Source", source.pk)],
            }
        }
        assert not graphql(client, CREATE, variables)["data"]["createEvent"]["errors"]
    participation = Event.objects.get(slug="talks").participations.get()
    assert participation.office.slug == "kr-1vfm"  # First Vice Minister on 2021-03-01
    assert participation.country.iso2 == "KR"


def test_the_office_rule_is_the_tenures_not_a_guess(client, editor, choi):
    """Control for the test above: on a day Choi held no office, no office is filled in."""
    source = SourceFactory()
    client.force_login(editor)
    data = {
        "title": "Talks",
        "slug": "talks",
        "kind": "talks",
        "start_date": datetime.date(2019, 1, 1).isoformat(),
        "participants": [{"person": "choi-jong-kun", "role": "host"}],
        "sources": [source.pk],
    }
    assert client.post("/api/v1/events/", data, content_type="application/json").status_code == 201
    assert Event.objects.get(slug="talks").participations.get().office is None
