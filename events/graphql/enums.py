"""GraphQL enums for the events app's choices (and the shared ``DatePrecision``)."""

import strawberry

from common.graphql.enums import DatePrecision
from events.kinds import EventKind as _EventKind
from events.models import EventStatus as _EventStatus
from events.models import ParticipationRole as _ParticipationRole
from events.models import ReviewState as _ReviewState

EventKind = strawberry.enum(_EventKind, name="EventKind")
EventStatus = strawberry.enum(_EventStatus, name="EventStatus")
ParticipationRole = strawberry.enum(_ParticipationRole, name="ParticipationRole")
ReviewState = strawberry.enum(_ReviewState, name="ReviewState")

__all__ = ["DatePrecision", "EventKind", "EventStatus", "ParticipationRole", "ReviewState"]
