"""Every write endpoint answers a body that is not a JSON object with a 400 in the shared error body."""

import json

import pytest
from django.contrib.auth.models import Permission

from events.models import Event, ReviewState
from people.models import Tenure

BODIES = {
    "array": "[]",
    "array of nulls": "[null, null]",
    "string": '"x"',
    "null": "null",
    "number": "1",
    "boolean": "true",
    "nested 5,000 deep": "[" * 5000 + "]" * 5000,
    "nested 100,000 deep": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "not JSON": "{title: 1",
}


@pytest.fixture
def writer(editor, editor_client):
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["add_tenure", "change_tenure"]))
    return editor_client


def endpoints() -> list[tuple[str, str]]:
    event = Event.objects.filter(review_state=ReviewState.PUBLISHED).first().slug
    tenure = Tenure.objects.first().pk
    base = f"/api/v1/events/{event}/"
    return [
        ("post", "/api/v1/events/"),
        ("put", base),
        ("patch", base),
        ("post", f"{base}submit/"),
        ("post", f"{base}return-to-draft/"),
        ("post", f"{base}publish/"),
        ("post", f"{base}retract/"),
        ("post", "/api/v1/tenures/"),
        ("put", f"/api/v1/tenures/{tenure}/"),
        ("patch", f"/api/v1/tenures/{tenure}/"),
    ]


def snapshot() -> str:
    events = list(Event.objects.order_by("pk").values("pk", "title", "review_state", "updated_at"))
    tenures = list(Tenure.objects.order_by("pk").values("pk", "start", "end", "updated_at"))
    return json.dumps([events, tenures], default=str)


@pytest.mark.parametrize("kind", BODIES)
def test_a_body_that_is_not_an_object_is_a_400_everywhere(kind, seed_data, writer):
    before = snapshot()
    for method, url in endpoints():
        response = getattr(writer, method)(url, BODIES[kind], content_type="application/json")
        assert response.status_code == 400, (method, url, response.status_code, response.content[:200])
        error = response.json()["error"]
        assert error["status"] == 400 and error["code"] in ("invalid", "parse_error"), error
        assert error["message"]
    assert snapshot() == before


def test_the_message_says_what_was_sent(seed_data, writer):
    _, url = endpoints()[-4]  # retract
    response = writer.post(url, "[null, null]", content_type="application/json")
    assert response.json()["error"]["fields"] == {
        "non_field_errors": ["The request body must be a JSON object, not an array."]
    }


def test_an_empty_body_still_works_for_workflow_actions(seed_data, writer):
    event = Event.objects.filter(review_state=ReviewState.PUBLISHED).first()
    response = writer.post(f"/api/v1/events/{event.slug}/retract/", {"reason": "wrong date"}, format="json")
    assert response.status_code == 200, response.content
    assert writer.post(f"/api/v1/events/{event.slug}/return-to-draft/").status_code == 200
