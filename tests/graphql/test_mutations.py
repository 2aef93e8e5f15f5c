"""Curator mutations: permission-checked, validated with typed field errors, all-or-nothing."""

import pytest
from strawberry.relay import to_base64

from events.models import Event, Participation
from people.models import Tenure

pytestmark = pytest.mark.usefixtures("seed_data")

CREATE = """
mutation Create($input: EventInput!) {
  createEvent(input: $input) {
    event { id title reviewState kind participants { role person { slug } office { slug } country { iso2 } }
            topics { slug } sources { publisher } }
    errors { field path messages }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: EventPatch!) {
  updateEvent(id: $id, input: $input) {
    event { id title summary participants { person { slug } } topics { slug } }
    errors { field path messages }
  }
}
"""
DELETE = "mutation Delete($id: ID!) { deleteEvent(id: $id) { deletedId errors { field messages } } }"
TENURE = """
mutation Tenure($input: TenureInput!) {
  createTenure(input: $input) {
    tenure { id person { slug } office { slug } start status }
    errors { field path messages }
  }
}
"""


def event_input(**overrides) -> dict:
    value = {
        "title": "Biegun meets Choi Jong-kun again",
        "slug": "2020-12-biegun-choi-again",
        "kind": "MEETING",
        "startDate": "2020-12-10",
        "city": "Seoul",
        "country": "KR",
        "sources": [to_base64("Source", 1)],
        "topics": [to_base64("Topic", 1)],
        "participants": [
            {"person": to_base64("Person", 1), "role": "GUEST", "titleAsReported": "Deputy Secretary of State"},
            {"description": "a senior presidential official", "role": "HOST", "country": "KR"},
        ],
    }
    return value | overrides


def test_curator_creates_an_event_with_participants_topics_and_sources(curator_gql):
    result = curator_gql.data(CREATE, {"input": event_input()})["createEvent"]
    assert result["errors"] == []
    event = result["event"]
    assert event["reviewState"] == "DRAFT" and event["kind"] == "MEETING"
    biegun = event["participants"][0]
    assert biegun["person"]["slug"] == "stephen-biegun"
    assert biegun["office"]["slug"]  # filled from his tenures on the day and the title as reported
    assert biegun["country"]["iso2"] == "US"
    assert event["topics"] and event["sources"]


def test_validation_errors_have_field_paths_and_nothing_is_written(curator_gql):
    before = (Event.objects.count(), Participation.objects.count())
    bad = event_input(
        participants=[
            {"person": to_base64("Person", 1), "role": "GUEST"},
            {"role": "HOST"},  # neither a person nor a description
            {"person": to_base64("Person", 999999)},
        ]
    )
    result = curator_gql.data(CREATE, {"input": bad})["createEvent"]
    assert result["event"] is None
    fields = {e["field"] for e in result["errors"]}
    assert "input.participants.2.person" in fields
    assert (Event.objects.count(), Participation.objects.count()) == before

    result = curator_gql.data(CREATE, {"input": event_input(participants=[{"role": "HOST"}])})["createEvent"]
    assert [e["path"] for e in result["errors"]] == [["input", "participants", "0"]]
    assert (Event.objects.count(), Participation.objects.count()) == before


def test_model_validation_errors_name_the_camel_cased_field(curator_gql):
    result = curator_gql.data(CREATE, {"input": event_input(endDate="2020-12-01")})["createEvent"]
    assert result["errors"] == [
        {"field": "input.endDate", "path": ["input", "endDate"], "messages": ["An event cannot end before it starts."]}
    ]


def test_an_event_needs_a_source(curator_gql):
    result = curator_gql.data(CREATE, {"input": event_input(sources=[])})["createEvent"]
    assert result["errors"][0]["field"] == "input.sources"


def test_a_wrong_kind_of_id_is_a_field_error(curator_gql):
    result = curator_gql.data(CREATE, {"input": event_input(topics=[to_base64("Person", 1)])})["createEvent"]
    assert result["errors"] == [
        {"field": "input.topics.0", "path": ["input", "topics", "0"], "messages": ["Not the id of a Topic."]}
    ]


def test_curator_updates_an_event_replacing_lists_given(curator_gql):
    created = curator_gql.data(CREATE, {"input": event_input()})["createEvent"]["event"]
    patch = {"summary": "Rescheduled.", "participants": [{"person": to_base64("Person", 1), "role": "PARTICIPANT"}]}
    result = curator_gql.data(UPDATE, {"id": created["id"], "input": patch})["updateEvent"]
    assert result["errors"] == []
    assert result["event"]["summary"] == "Rescheduled."
    assert result["event"]["title"] == created["title"]  # untouched fields stay
    assert [p["person"]["slug"] for p in result["event"]["participants"]] == ["stephen-biegun"]
    assert result["event"]["topics"] == created["topics"]


def test_a_failed_update_changes_nothing(curator_gql):
    created = curator_gql.data(CREATE, {"input": event_input()})["createEvent"]["event"]
    patch = {"title": "Changed", "participants": [{"role": "HOST"}]}
    result = curator_gql.data(UPDATE, {"id": created["id"], "input": patch})["updateEvent"]
    assert result["errors"][0]["path"] == ["input", "participants", "0"]
    event = Event.objects.get(slug="2020-12-biegun-choi-again")
    assert event.title == "Biegun meets Choi Jong-kun again" and event.participations.count() == 2


def test_curators_may_not_change_a_published_event(curator_gql, editor_gql):
    published = Event.objects.get(slug="2020-12-09-biegun-choi-jong-kun")
    event_id = to_base64("Event", published.pk)
    refused = curator_gql.data(UPDATE, {"id": event_id, "input": {"summary": "Changed."}})["updateEvent"]
    assert refused["event"] is None
    assert "events.publish_event" in refused["errors"][0]["messages"][0]
    published.refresh_from_db()
    assert published.summary != "Changed."
    allowed = editor_gql.data(UPDATE, {"id": event_id, "input": {"summary": "Changed."}})["updateEvent"]
    assert allowed["errors"] == [] and allowed["event"]["summary"] == "Changed."


def test_update_of_an_unknown_event_names_the_id(curator_gql):
    result = curator_gql.data(UPDATE, {"id": to_base64("Event", 999999), "input": {"title": "x"}})["updateEvent"]
    assert result["errors"] == [{"field": "id", "path": ["id"], "messages": ["No Event has this id."]}]


def test_only_editors_delete_events(curator_gql, editor_gql):
    created = curator_gql.data(CREATE, {"input": event_input()})["createEvent"]["event"]
    refused = curator_gql(DELETE, {"id": created["id"]})
    assert refused["data"] is None
    assert "Permission denied" in refused["errors"][0]["message"]
    deleted = editor_gql.data(DELETE, {"id": created["id"]})["deleteEvent"]
    assert deleted == {"deletedId": created["id"], "errors": []}
    assert not Event.objects.filter(slug="2020-12-biegun-choi-again").exists()


@pytest.mark.parametrize("mutation", ["create", "update", "delete", "tenure"])
def test_anonymous_mutations_are_refused(gql, mutation):
    query, variables = {
        "create": (CREATE, {"input": event_input()}),
        "update": (UPDATE, {"id": to_base64("Event", 1), "input": {"title": "x"}}),
        "delete": (DELETE, {"id": to_base64("Event", 1)}),
        "tenure": (
            TENURE,
            {"input": {"person": to_base64("Person", 1), "office": to_base64("Office", 1), "start": "2030-01-01"}},
        ),
    }[mutation]
    body = gql(query, variables)
    assert body["errors"][0]["message"] == "Authentication required: sign in to change data."
    assert Event.objects.filter(pk=1, title="x").count() == 0


def test_a_user_without_the_permission_is_refused(plain_user, seed_data):
    from django.test import Client

    from tests.graphql.conftest import GQL

    client = Client()
    client.force_login(plain_user)
    body = GQL(client)(CREATE, {"input": event_input()})
    assert body["errors"][0]["message"] == "Permission denied: this needs events.add_event."


def test_curator_creates_a_tenure(curator_gql):
    office = to_base64("Office", 1)
    variables = {
        "input": {"person": to_base64("Person", 1), "office": office, "start": "2030-01-01", "status": "ACTING"}
    }
    result = curator_gql.data(TENURE, variables)["createTenure"]
    assert result["errors"] == []
    assert result["tenure"]["status"] == "ACTING" and result["tenure"]["person"]["slug"] == "stephen-biegun"


def test_overlapping_tenure_is_refused_with_a_field_error(curator_gql):
    holder = Tenure.objects.filter(status="holder", office__single_holder=True, end__isnull=False).first()
    variables = {
        "input": {
            "person": to_base64("Person", 1),
            "office": to_base64("Office", holder.office_id),
            "start": holder.start.isoformat(),
        }
    }
    result = curator_gql.data(TENURE, variables)["createTenure"]
    assert result["tenure"] is None
    assert result["errors"][0]["path"] == ["input", "start"]
    assert "one holder at a time" in result["errors"][0]["messages"][0]


def test_history_records_who_made_the_change(curator_gql, curator):
    created = curator_gql.data(CREATE, {"input": event_input()})["createEvent"]["event"]
    event = Event.objects.get(slug="2020-12-biegun-choi-again")
    assert created["title"] == event.title
    assert event.history.latest().history_user == curator
