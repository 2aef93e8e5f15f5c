"""GraphQL enums for the people app's choices (and the shared ``DatePrecision``)."""

import strawberry

from common.graphql.enums import DatePrecision
from people.models import OfficeKind as _OfficeKind
from people.models import TenureStatus as _TenureStatus

OfficeKind = strawberry.enum(_OfficeKind, name="OfficeKind")
TenureStatus = strawberry.enum(_TenureStatus, name="TenureStatus")

__all__ = ["DatePrecision", "OfficeKind", "TenureStatus"]
