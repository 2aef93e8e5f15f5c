"""The review buttons of the event page: each a step of the workflow in ``events.services.review``."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest

from events.models import Event, ReviewState
from events.services import (
    event_publish,
    event_retract,
    event_return_to_draft,
    event_submit_for_review,
)
from events.services.review import ALLOWED_FROM


@dataclass(frozen=True)
class ReviewStep:
    name: str
    label: str
    done: str
    service: Callable[..., Any]
    allowed_from: frozenset[str]
    publishing: bool = False  # needs events.publish_event
    needs_reason: bool = False


STEPS = {
    step.name: step
    for step in [
        ReviewStep(
            "submit",
            "Submit for review",
            "submitted for review",
            event_submit_for_review,
            ALLOWED_FROM[ReviewState.IN_REVIEW],
        ),
        ReviewStep(
            "draft",
            "Return to draft",
            "returned to draft",
            event_return_to_draft,
            ALLOWED_FROM[ReviewState.DRAFT],
        ),
        ReviewStep(
            "publish", "Publish", "published", event_publish, ALLOWED_FROM[ReviewState.PUBLISHED], publishing=True
        ),
        ReviewStep(
            "retract",
            "Retract",
            "retracted",
            event_retract,
            ALLOWED_FROM[ReviewState.RETRACTED],
            publishing=True,
            needs_reason=True,
        ),
    ]
}


class ReviewForm(forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Shown with the event to curators and recorded in its history.",
    )


def run_step(step: ReviewStep, event: Event, request: HttpRequest, reason: str = "") -> str | None:
    """Run ``step`` on ``event``; returns the error to show, or None when it went through."""
    kwargs = {"reason": reason} if step.needs_reason else {}
    try:
        step.service(event=event, user=request.user, **kwargs)
    except PermissionDenied as exc:
        return str(exc)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return None
