"""Curator mutations for tenures: record who held which office, refusing overlaps with a readable error."""

from datetime import date

import strawberry
from django.core.exceptions import ValidationError
from strawberry import relay

from common.graphql.payloads import FieldError, Lookup, field_errors, needs
from common.models import DatePrecision
from people.graphql import enums
from people.graphql.types import TenureType
from people.models import Office, Person, TenureStatus
from people.services import tenure_create
from sources.models import Source


@strawberry.input
class TenureInput:
    person: relay.GlobalID
    office: relay.GlobalID
    start: date = strawberry.field(description="First day in office; a month or year is stored as its first day.")
    start_precision: enums.DatePrecision = DatePrecision.DAY
    end: date | None = None
    end_precision: enums.DatePrecision = DatePrecision.DAY
    status: enums.TenureStatus = TenureStatus.HOLDER
    note: str = ""
    sources: list[relay.GlobalID] = strawberry.field(default_factory=list)


@strawberry.type
class TenurePayload:
    tenure: TenureType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class PeopleMutations:
    @strawberry.mutation(
        permission_classes=[needs("people.add_tenure")], description="Record that someone held an office."
    )
    def create_tenure(self, input: TenureInput) -> TenurePayload:
        lookup = Lookup()
        person = lookup.one(input.person, Person, "Person", "person")
        office = lookup.one(input.office, Office, "Office", "office")
        sources = lookup.many(input.sources, Source, "Source", "sources")
        try:
            lookup.raise_if_any()
            tenure = tenure_create(
                person=person,
                office=office,
                start=input.start,
                start_precision=str(input.start_precision.value),
                end=input.end,
                end_precision=str(input.end_precision.value),
                status=str(input.status.value),
                note=input.note,
                sources=sources,
            )
        except ValidationError as exc:
            return TenurePayload(errors=field_errors(exc))
        return TenurePayload(tenure=tenure)
