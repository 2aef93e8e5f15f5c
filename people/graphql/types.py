"""GraphQL types for countries, people, offices and tenures (Relay nodes)."""

from typing import TYPE_CHECKING, Annotated

import strawberry
import strawberry_django
from strawberry import auto, relay

from people.models import Country, Office, Person, PersonName, Tenure
from project.graphql import enums
from project.graphql.fields import capped_list

if TYPE_CHECKING:
    from events.graphql.types import EventType, ParticipationType, SourceType

Events = list[Annotated["EventType", strawberry.lazy("events.graphql.types")]]
Participations = list[Annotated["ParticipationType", strawberry.lazy("events.graphql.types")]]
Sources = list[Annotated["SourceType", strawberry.lazy("events.graphql.types")]]


@strawberry_django.type(PersonName, name="OtherName")
class OtherNameType:
    name: auto
    language: auto
    note: auto


@strawberry_django.type(Country, name="Country")
class CountryType(relay.Node):
    iso2: auto
    iso3: auto
    name: auto
    people: list["PersonType"] = capped_list(description="People of this nationality.")
    offices: list["OfficeType"] = capped_list()
    events: Events = capped_list(description="Events that took place in this country.")


@strawberry_django.type(Person, name="Person")
class PersonType(relay.Node):
    name: auto
    sort_name: auto
    native_name: auto
    slug: auto
    description: auto
    nationality: CountryType | None
    other_names: list[OtherNameType] = capped_list(description="Other spellings, romanisations and scripts.")
    tenures: list["TenureType"] = capped_list(description="Offices this person held.")
    participations: Participations = capped_list(description="Published events this person took part in.")
    created_at: auto
    updated_at: auto


@strawberry_django.type(Office, name="Office")
class OfficeType(relay.Node):
    title: auto
    slug: auto
    body: auto
    kind: enums.OfficeKind
    single_holder: auto
    description: auto
    country: CountryType | None
    tenures: list["TenureType"] = capped_list(description="Who held this office, earliest first.")


@strawberry_django.type(Tenure, name="Tenure")
class TenureType(relay.Node):
    person: PersonType
    office: OfficeType
    start: auto
    start_precision: enums.DatePrecision
    end: auto
    end_precision: enums.DatePrecision
    status: enums.TenureStatus
    note: auto
    sources: Sources = capped_list(description="Reports that record this tenure.")
