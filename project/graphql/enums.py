"""GraphQL enums for the models' choices, registered once and shared by types, filters and inputs.

Enum values travel as the names (``PHONE_CALL``); the database keeps the values (``phone_call``).
"""

import strawberry

from common.models import DatePrecision as _DatePrecision
from events.kinds import EventKind as _EventKind
from events.models import EventStatus as _EventStatus
from events.models import ParticipationRole as _ParticipationRole
from events.models import ReviewState as _ReviewState
from people.models import OfficeKind as _OfficeKind
from people.models import TenureStatus as _TenureStatus

DatePrecision = strawberry.enum(_DatePrecision, name="DatePrecision")
EventKind = strawberry.enum(_EventKind, name="EventKind")
EventStatus = strawberry.enum(_EventStatus, name="EventStatus")
ParticipationRole = strawberry.enum(_ParticipationRole, name="ParticipationRole")
ReviewState = strawberry.enum(_ReviewState, name="ReviewState")
OfficeKind = strawberry.enum(_OfficeKind, name="OfficeKind")
TenureStatus = strawberry.enum(_TenureStatus, name="TenureStatus")
