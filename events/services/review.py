"""The review workflow: draft → in review → published (→ retracted), and who may move an event."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from events.models import Event, ReviewState

PUBLISH_PERMISSION = "events.publish_event"

# The transition table: each review state, and the states an event may reach it from. The services below
# enforce it; the admin's buttons and actions read it to offer only the moves that can succeed.
ALLOWED_FROM: dict[str, frozenset[str]] = {
    ReviewState.IN_REVIEW: frozenset({ReviewState.DRAFT, ReviewState.RETRACTED}),  # submit
    ReviewState.DRAFT: frozenset({ReviewState.IN_REVIEW, ReviewState.RETRACTED}),  # return to draft
    ReviewState.PUBLISHED: frozenset({ReviewState.IN_REVIEW}),  # publish
    ReviewState.RETRACTED: frozenset({ReviewState.PUBLISHED}),  # retract
}


def require(user: AbstractBaseUser | None, perm: str, action: str) -> None:
    if user is None or not user.has_perm(perm):
        raise PermissionDenied(f"You may not {action} events: that needs the '{perm}' permission.")


def _move(event: Event, *, to: str, reason: str = "") -> Event:
    allowed_from = ALLOWED_FROM[to]
    if event.review_state not in allowed_from:
        raise ValidationError(
            {
                "review_state": f"A {event.get_review_state_display()} event cannot become "
                f"{ReviewState(to).label}; it must be "
                + " or ".join(sorted(ReviewState(s).label for s in allowed_from))
                + "."
            }
        )
    event.review_state = to
    event.retraction_reason = reason
    event._change_reason = f"review: {ReviewState(to).label}" + (f" ({reason})" if reason else "")
    event.save(update_fields=["review_state", "retraction_reason", "updated_at"])
    return event


def event_publication_problems(*, event: Event) -> list[str]:
    """What stops ``event`` from being published (an empty list when nothing does)."""
    problems = []
    if not event.sources.exists():
        problems.append("An event without a source cannot be published: add the report it rests on.")
    return problems


@transaction.atomic
def event_submit_for_review(*, event: Event, user: AbstractBaseUser) -> Event:
    """A curator hands a draft (or a retracted event, corrected) to the editors."""
    require(user, "events.change_event", "submit")
    return _move(event, to=ReviewState.IN_REVIEW)


@transaction.atomic
def event_return_to_draft(*, event: Event, user: AbstractBaseUser) -> Event:
    """Take an event out of review (a curator withdrawing it, or an editor sending it back)."""
    require(user, "events.change_event", "return")
    return _move(event, to=ReviewState.DRAFT)


@transaction.atomic
def event_publish(*, event: Event, user: AbstractBaseUser) -> Event:
    """An editor makes a reviewed event public. Refuses events without a source."""
    require(user, PUBLISH_PERMISSION, "publish")
    problems = event_publication_problems(event=event)
    if problems:
        raise ValidationError({"sources": problems})
    return _move(event, to=ReviewState.PUBLISHED)


@transaction.atomic
def event_retract(*, event: Event, user: AbstractBaseUser, reason: str) -> Event:
    """An editor withdraws a published event from the public, saying why."""
    require(user, PUBLISH_PERMISSION, "retract")
    if not reason.strip():
        raise ValidationError({"retraction_reason": "Say why the event is retracted."})
    return _move(event, to=ReviewState.RETRACTED, reason=reason.strip())
