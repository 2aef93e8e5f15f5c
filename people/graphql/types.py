"""GraphQL types for countries, people, offices and tenures (Relay nodes)."""

from typing import Annotated

import strawberry
import strawberry_django
from strawberry import auto, relay

from common.graphql.fields import Connection, capped_list, nested_connection
from people.graphql import enums
from people.models import Country, Office, Person, Tenure

# The graph links people to the events they took part in, the app above. Those types are named here, not
# imported (strawberry.lazy): the schema, assembled in project/graphql, resolves them.
Events = list[Annotated["EventType", strawberry.lazy("events.graphql.types")]]  # noqa: F821
Participations = list[Annotated["ParticipationType", strawberry.lazy("events.graphql.types")]]  # noqa: F821
Sources = list[Annotated["SourceType", strawberry.lazy("events.graphql.types")]]  # noqa: F821
EventPages = Annotated["NestedEventConnection", strawberry.lazy("events.graphql.types")]  # noqa: F821
ParticipationPages = Connection[Annotated["ParticipationType", strawberry.lazy("events.graphql.types")]]  # noqa: F821
SourcePages = Connection[Annotated["SourceType", strawberry.lazy("events.graphql.types")]]  # noqa: F821


@strawberry.type(description="Another form of a name: a spelling, a romanisation, a native-script form.")
class OtherName:
    name: str
    language: str = strawberry.field(description="BCP 47 tag, e.g. 'ko' (Hangul), 'ko-Latn'; empty when unknown.")
    note: str

    @classmethod
    def of(cls, rows) -> list["OtherName"]:
        return [cls(name=r.name, language=r.language, note=r.note) for r in rows]


@strawberry.type(description="The person in another register: Wikidata, the US Office of the Historian, VIAF.")
class Identifier:
    scheme: str = strawberry.field(description="wikidata, pocom, viaf or other.")
    identifier: str


@strawberry_django.type(Country, name="Country")
class CountryType(relay.Node):
    iso2: auto
    iso3: auto
    name: auto
    people: list["PersonType"] = capped_list(description="People of this nationality.")
    offices: list["OfficeType"] = capped_list()
    events: Events = capped_list(description="Events that took place in this country.")
    people_connection: "Connection[PersonType]" = nested_connection(
        field_name="people", description="People of this nationality, in pages with totalCount."
    )
    offices_connection: "Connection[OfficeType]" = nested_connection(
        field_name="offices", description="This country's offices, in pages with totalCount."
    )
    events_connection: EventPages = nested_connection(
        field_name="events", description="Events that took place in this country, in pages with totalCount."
    )

    @strawberry_django.field(prefetch_related=["other_names"], description="Other names, e.g. in Korean.")
    def other_names(self) -> list[OtherName]:
        return OtherName.of(self.other_names.all())


@strawberry_django.type(Person, name="Person")
class PersonType(relay.Node):
    name: auto
    sort_name: auto
    native_name: auto
    slug: auto
    description: auto
    nationality: CountryType | None
    tenures: list["TenureType"] = capped_list(description="Offices this person held.")
    participations: Participations = capped_list(description="Published events this person took part in.")
    tenures_connection: "Connection[TenureType]" = nested_connection(
        field_name="tenures", description="Offices this person held, in pages with totalCount."
    )
    participations_connection: ParticipationPages = nested_connection(
        field_name="participations", description="Published events this person took part in, in pages with totalCount."
    )
    created_at: auto
    updated_at: auto

    @strawberry_django.field(prefetch_related=["other_names"], description="Other spellings, romanisations, scripts.")
    def other_names(self) -> list[OtherName]:
        return OtherName.of(self.other_names.all())

    @strawberry_django.field(prefetch_related=["identifiers"])
    def identifiers(self) -> list[Identifier]:
        return [Identifier(scheme=i.scheme, identifier=i.identifier) for i in self.identifiers.all()]


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
    tenures_connection: "Connection[TenureType]" = nested_connection(
        field_name="tenures", description="Who held this office, earliest first, in pages with totalCount."
    )

    @strawberry_django.field(prefetch_related=["other_titles"], description="Titles the press uses instead.")
    def other_titles(self) -> list[OtherName]:
        return OtherName.of(self.other_titles.all())


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
    sources_connection: SourcePages = nested_connection(
        field_name="sources", description="Reports that record this tenure, in pages with totalCount."
    )
