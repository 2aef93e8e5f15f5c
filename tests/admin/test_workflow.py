"""Rule 2 and 3: draft → in review → published (→ retracted), through services that check permissions."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from events.models import Event, ReviewState
from events.selectors import visible_events
from events.services import (
    event_delete,
    event_publish,
    event_retract,
    event_return_to_draft,
    event_submit_for_review,
)
from tests.admin.conftest import sourced_event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def _state(event: Event) -> str:
    return Event.objects.values_list("review_state", flat=True).get(pk=event.pk)


# --- services --------------------------------------------------------------------------------


def test_curator_submits_a_draft_and_an_editor_publishes_it(curator, editor):
    event = sourced_event()
    event_submit_for_review(event=event, user=curator)
    assert _state(event) == ReviewState.IN_REVIEW
    event_publish(event=event, user=editor)
    assert _state(event) == ReviewState.PUBLISHED


def test_only_published_events_are_public_but_curators_see_drafts(curator, editor):
    event = sourced_event()
    assert not visible_events(None).filter(pk=event.pk).exists()
    assert visible_events(curator).filter(pk=event.pk).exists()
    event_submit_for_review(event=event, user=curator)
    event_publish(event=event, user=editor)
    assert visible_events(None).filter(pk=event.pk).exists()


def test_curator_may_not_publish_retract_or_delete(curator):
    event = sourced_event(ReviewState.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        event_publish(event=event, user=curator)
    published = sourced_event(ReviewState.PUBLISHED)
    with pytest.raises(PermissionDenied):
        event_retract(event=published, user=curator, reason="wrong date")
    with pytest.raises(PermissionDenied):
        event_delete(event=published, user=curator)
    assert _state(event) == ReviewState.IN_REVIEW
    assert _state(published) == ReviewState.PUBLISHED


def test_an_event_without_a_source_cannot_be_published(editor):
    event = EventFactory(review_state=ReviewState.IN_REVIEW)
    with pytest.raises(ValidationError, match="without a source cannot be published"):
        event_publish(event=event, user=editor)
    assert _state(event) == ReviewState.IN_REVIEW


def test_a_draft_must_be_reviewed_before_it_is_published(editor):
    event = sourced_event(ReviewState.DRAFT)
    with pytest.raises(ValidationError, match="must be in review"):
        event_publish(event=event, user=editor)
    assert _state(event) == ReviewState.DRAFT


def test_retraction_needs_a_reason_and_records_it(editor):
    event = sourced_event(ReviewState.PUBLISHED)
    with pytest.raises(ValidationError, match="Say why"):
        event_retract(event=event, user=editor, reason="  ")
    assert _state(event) == ReviewState.PUBLISHED
    event_retract(event=event, user=editor, reason="The meeting was cancelled.")
    event.refresh_from_db()
    assert (event.review_state, event.retraction_reason) == (ReviewState.RETRACTED, "The meeting was cancelled.")
    assert not visible_events(None).filter(pk=event.pk).exists()


def test_a_retracted_event_can_be_corrected_and_resubmitted(curator, editor):
    event = sourced_event(ReviewState.RETRACTED)
    event_return_to_draft(event=event, user=curator)
    assert _state(event) == ReviewState.DRAFT
    event_submit_for_review(event=event, user=curator)
    event_publish(event=event, user=editor)
    event.refresh_from_db()
    assert (event.review_state, event.retraction_reason) == (ReviewState.PUBLISHED, "")


def test_editor_deletes_an_event(editor):
    event = sourced_event(ReviewState.PUBLISHED)
    event_delete(event=event, user=editor)
    assert not Event.objects.filter(pk=event.pk).exists()


# --- the change page's buttons -----------------------------------------------------------------


def _review_url(event: Event, step: str) -> str:
    return f"/admin/events/event/{event.pk}/review/{step}/"


def _button_steps(response) -> list[str]:
    return [step.name for step, _ in response.context["review_steps"]]


def test_change_page_offers_the_steps_the_user_may_take(curator_client, editor_client, curator, editor):
    draft, in_review = sourced_event(), sourced_event(ReviewState.IN_REVIEW)
    curator_client.force_login(curator)
    assert _button_steps(curator_client.get(f"/admin/events/event/{draft.pk}/change/")) == ["submit"]
    assert _button_steps(curator_client.get(f"/admin/events/event/{in_review.pk}/change/")) == ["draft"]
    editor_client.force_login(editor)
    page = editor_client.get(f"/admin/events/event/{in_review.pk}/change/")
    assert _button_steps(page) == ["draft", "publish"]
    assert _review_url(in_review, "publish") in page.content.decode()


def test_submit_button_asks_for_confirmation_then_submits(curator_client):
    event = sourced_event()
    page = curator_client.get(_review_url(event, "submit"))
    assert page.status_code == 200 and "Submit for review" in page.content.decode()
    assert _state(event) == ReviewState.DRAFT
    response = curator_client.post(_review_url(event, "submit"), follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/events/event/{event.pk}/change/"
    assert _state(event) == ReviewState.IN_REVIEW
    assert "submitted for review" in response.content.decode()


def test_curator_posting_publish_gets_an_error_and_nothing_changes(curator_client):
    event = sourced_event(ReviewState.IN_REVIEW)
    response = curator_client.post(_review_url(event, "publish"), follow=True)
    assert "was not published" in response.content.decode()
    assert _state(event) == ReviewState.IN_REVIEW


def test_publish_button_refuses_an_event_without_a_source(editor_client):
    event = EventFactory(review_state=ReviewState.IN_REVIEW)
    response = editor_client.post(_review_url(event, "publish"), follow=True)
    assert "without a source cannot be published" in response.content.decode()
    assert _state(event) == ReviewState.IN_REVIEW


def test_retract_button_requires_a_reason(editor_client):
    event = sourced_event(ReviewState.PUBLISHED)
    response = editor_client.post(_review_url(event, "retract"), {"reason": ""})
    assert response.status_code == 200 and response.context["form"].errors["reason"]
    assert _state(event) == ReviewState.PUBLISHED
    editor_client.post(_review_url(event, "retract"), {"reason": "Duplicate of another event."})
    event.refresh_from_db()
    assert (event.review_state, event.retraction_reason) == (ReviewState.RETRACTED, "Duplicate of another event.")


def test_review_state_cannot_be_set_through_the_form(curator_client):
    event = sourced_event()
    page = curator_client.get(f"/admin/events/event/{event.pk}/change/")
    assert "review_state" not in page.context["adminform"].form.fields


# --- list actions ----------------------------------------------------------------------------


def _act(client, action: str, events: list[Event], **extra):
    data = {"action": action, "_selected_action": [str(e.pk) for e in events], **extra}
    return client.post("/admin/events/event/", data, follow=True)


def test_publish_action_publishes_sourced_events_and_reports_the_others(editor_client):
    sourced, unsourced = sourced_event(ReviewState.IN_REVIEW), EventFactory(review_state=ReviewState.IN_REVIEW)
    response = _act(editor_client, "publish", [sourced, unsourced])
    assert _state(sourced) == ReviewState.PUBLISHED
    assert _state(unsourced) == ReviewState.IN_REVIEW
    assert "without a source cannot be published" in response.content.decode()


def test_curator_has_no_publish_action(curator_client):
    page = curator_client.get("/admin/events/event/")
    actions = dict(page.context["action_form"].fields["action"].choices)
    assert "submit_for_review" in actions
    assert "publish" not in actions and "retract" not in actions and "delete_selected" not in actions


def test_retract_action_asks_for_a_reason_first(editor_client):
    events = [sourced_event(ReviewState.PUBLISHED), sourced_event(ReviewState.PUBLISHED)]
    page = _act(editor_client, "retract", events)
    assert page.templates[0].name == "admin/events/event/review_confirmation.html"
    assert {_state(e) for e in events} == {ReviewState.PUBLISHED}
    _act(editor_client, "retract", events, apply="yes", reason="Reported in error.")
    assert {_state(e) for e in events} == {ReviewState.RETRACTED}


# --- roles in the admin ------------------------------------------------------------------------


def test_curator_sees_a_published_event_read_only(curator_client):
    event = sourced_event(ReviewState.PUBLISHED)
    page = curator_client.get(f"/admin/events/event/{event.pk}/change/")
    assert page.status_code == 200 and not page.context["has_change_permission"]
    response = curator_client.post(f"/admin/events/event/{event.pk}/change/", {"title": "Changed"})
    assert response.status_code == 403


def test_only_editors_delete_events(curator_client, editor_client, curator, editor):
    event = sourced_event(ReviewState.DRAFT)
    curator_client.force_login(curator)
    assert curator_client.post(f"/admin/events/event/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    editor_client.force_login(editor)
    editor_client.post(f"/admin/events/event/{event.pk}/delete/", {"post": "yes"})
    assert not Event.objects.filter(pk=event.pk).exists()
