"""updateEvent with an expected version: a concurrent edit is a typed conflict, never overwritten;
an edit keeps the ids of participants it does not remove."""

import pytest
from strawberry.relay import to_base64

from events.models import Event, Participation
from tests.graphql.test_mutations import CREATE, event_input

pytestmark = pytest.mark.usefixtures("seed_data")

UPDATE = """
mutation Update($id: ID!, $input: EventPatch!, $expected: DateTime) {
  updateEvent(id: $id, input: $input, expectedVersion: $expected) {
    event { title updatedAt participants { id role quote person { slug } description } }
    errors { field path messages code }
  }
}
"""


@pytest.fixture
def created(curator_gql) -> dict:
    event = curator_gql.data(CREATE, {"input": event_input()})["createEvent"]["event"]
    updated_at = Event.objects.get(slug="2020-12-biegun-choi-again").updated_at.isoformat()
    return {"id": event["id"], "updatedAt": updated_at}


def update(gql, event_id: str, patch: dict, expected: str | None = None) -> dict:
    return gql.data(UPDATE, {"id": event_id, "input": patch, "expected": expected})["updateEvent"]


def test_the_version_read_lets_the_edit_through_and_gives_the_next_version(curator_gql, created):
    first = update(curator_gql, created["id"], {"title": "First edit"}, created["updatedAt"])
    assert first["errors"] == [] and first["event"]["title"] == "First edit"
    second = update(curator_gql, created["id"], {"title": "Second edit"}, first["event"]["updatedAt"])
    assert second["errors"] == [] and second["event"]["title"] == "Second edit"


def test_a_stale_version_is_a_conflict_and_nothing_is_written(curator_gql, created):
    assert update(curator_gql, created["id"], {"title": "Someone else's edit"})["errors"] == []
    stale = update(curator_gql, created["id"], {"title": "My edit", "participants": []}, created["updatedAt"])
    assert stale["event"] is None
    (error,) = stale["errors"]
    assert (error["code"], error["path"]) == ("conflict", ["expectedVersion"])
    event = Event.objects.get(slug="2020-12-biegun-choi-again")
    assert event.title == "Someone else's edit" and event.participations.count() == 2


def test_without_a_version_the_last_edit_wins_as_before(curator_gql, created):
    assert update(curator_gql, created["id"], {"title": "One"})["errors"] == []
    assert update(curator_gql, created["id"], {"title": "Two"})["event"]["title"] == "Two"


def test_participants_keep_their_ids_across_edits(curator_gql, created):
    before = {
        p.person_id or p.description: p.pk
        for p in Participation.objects.filter(event__slug="2020-12-biegun-choi-again")
    }
    result = update(curator_gql, created["id"], {"title": "Retitled"})
    ids = {p["person"]["slug"] if p["person"] else p["description"]: p["id"] for p in result["event"]["participants"]}
    assert len(ids) == 2
    after = {
        p.person_id or p.description: p.pk
        for p in Participation.objects.filter(event__slug="2020-12-biegun-choi-again")
    }
    assert after == before  # the same rows, not deleted and recreated

    patch = {
        "participants": [
            {
                "person": to_base64("Person", 1),
                "role": "GUEST",
                "quote": "We talked.",
                "titleAsReported": "Deputy Secretary of State",
            }
        ]
    }
    result = update(curator_gql, created["id"], patch)
    (kept,) = result["event"]["participants"]
    assert kept["quote"] == "We talked."
    remaining = Participation.objects.get(event__slug="2020-12-biegun-choi-again")
    assert remaining.pk == before[1]  # changed in place; the described participant was removed
