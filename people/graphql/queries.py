"""Root fields for countries, people, offices and tenures: Relay connections with totalCount."""

import strawberry
import strawberry_django
from django.db.models import QuerySet

from common.graphql.fields import Connection
from people.graphql import filters as f
from people.graphql.types import CountryType, OfficeType, PersonType, TenureType
from people.models import Country, Office, Person, Tenure


@strawberry.type
class PeopleQuery:
    @strawberry_django.field(description="A person by slug (as in the REST API's URLs).")
    def person(self, slug: str) -> PersonType | None:
        return Person.objects.filter(slug=slug)  # type: ignore[return-value]  # the optimiser fetches it

    @strawberry_django.field(description="An office by slug.")
    def office(self, slug: str) -> OfficeType | None:
        return Office.objects.filter(slug=slug)  # type: ignore[return-value]

    @strawberry_django.connection(Connection[CountryType])
    def countries(
        self, filters: f.CountryFilter | None = None, order: f.CountryOrder = f.CountryOrder.NAME
    ) -> QuerySet[Country]:
        return f.countries(filters, order)

    @strawberry_django.connection(Connection[PersonType])
    def people(
        self, filters: f.PersonFilter | None = None, order: f.PersonOrder = f.PersonOrder.SORT_NAME
    ) -> QuerySet[Person]:
        return f.people(filters, order)

    @strawberry_django.connection(Connection[OfficeType])
    def offices(
        self, filters: f.OfficeFilter | None = None, order: f.OfficeOrder = f.OfficeOrder.COUNTRY_AND_TITLE
    ) -> QuerySet[Office]:
        return f.offices(filters, order)

    @strawberry_django.connection(Connection[TenureType])
    def tenures(
        self, filters: f.TenureFilter | None = None, order: f.TenureOrder = f.TenureOrder.OFFICE_AND_START
    ) -> QuerySet[Tenure]:
        return f.tenures(filters, order)
