"""Filter and order inputs for the people, offices and tenures connections.

The names match the REST filters (camelCased); each input turns into one call
of a shared selector (``people.selectors``), so both APIs answer alike.
"""

from datetime import date, datetime
from enum import Enum

import strawberry
from django.db.models import QuerySet

from common.filters import errors_named
from people.models import Country, Office, Person, Tenure
from people.selectors import country_list, office_list, person_list, tenure_list


@strawberry.input(description="Countries whose name or code contains the search.")
class CountryFilter:
    search: str | None = None
    updated_since: datetime | None = strawberry.field(default=None, description="Changed after this moment.")


@strawberry.input
class PersonFilter:
    search: str | None = strawberry.field(default=None, description="Any name form, in any script.")
    country: str | None = strawberry.field(default=None, description="Nationality, ISO 3166-1 alpha-2 (KR).")
    office: str | None = strawberry.field(default=None, description="Slug of an office the person held.")
    updated_since: datetime | None = strawberry.field(default=None, description="Changed after this moment.")


@strawberry.input
class OfficeFilter:
    search: str | None = strawberry.field(default=None, description="Title, body or a press title.")
    country: str | None = strawberry.field(default=None, description="ISO 3166-1 alpha-2 (KR).")
    updated_since: datetime | None = strawberry.field(default=None, description="Changed after this moment.")


@strawberry.input
class TenureFilter:
    office: str | None = strawberry.field(default=None, description="Office slug.")
    person: str | None = strawberry.field(default=None, description="Person slug.")
    country: str | None = strawberry.field(default=None, description="Country of the office, ISO2.")
    search: str | None = strawberry.field(default=None, description="Person's names or office titles.")
    on: date | None = strawberry.field(default=None, description="Tenures in force on this day.")
    updated_since: datetime | None = strawberry.field(default=None, description="Changed after this moment.")


@strawberry.enum
class CountryOrder(Enum):
    NAME = "name"
    ISO2 = "iso2"


@strawberry.enum
class PersonOrder(Enum):
    SORT_NAME = "sort_name"
    UPDATED_AT_DESC = "updated_at_desc"


@strawberry.enum
class OfficeOrder(Enum):
    COUNTRY_AND_TITLE = "country_title"
    TITLE = "title"


@strawberry.enum
class TenureOrder(Enum):
    OFFICE_AND_START = "office_start"
    START = "start"
    START_DESC = "start_desc"


ORDERINGS = {
    CountryOrder.NAME: ("name", "id"),
    CountryOrder.ISO2: ("iso2",),
    PersonOrder.SORT_NAME: ("sort_name", "id"),
    PersonOrder.UPDATED_AT_DESC: ("-updated_at", "-id"),
    OfficeOrder.COUNTRY_AND_TITLE: ("country__name", "title", "id"),
    OfficeOrder.TITLE: ("title", "id"),
    TenureOrder.OFFICE_AND_START: ("office", "start", "id"),
    TenureOrder.START: ("start", "id"),
    TenureOrder.START_DESC: ("-start", "-id"),
}


# The selectors name an error by their own argument; a GraphQL error names the filter's field.
ARGUMENT_NAMES = {"q": "search", "updated_since": "updatedSince"}


def countries(f: CountryFilter | None, order: CountryOrder) -> QuerySet[Country]:
    with errors_named(ARGUMENT_NAMES):
        qs = country_list(q=f.search if f else None, updated_since=f.updated_since if f else None)
    return qs.order_by(*ORDERINGS[order])


def people(f: PersonFilter | None, order: PersonOrder) -> QuerySet[Person]:
    f = f or PersonFilter()
    with errors_named(ARGUMENT_NAMES):
        qs = person_list(q=f.search, country=f.country, office=f.office, updated_since=f.updated_since)
    return qs.order_by(*ORDERINGS[order])


def offices(f: OfficeFilter | None, order: OfficeOrder) -> QuerySet[Office]:
    f = f or OfficeFilter()
    with errors_named(ARGUMENT_NAMES):
        qs = office_list(q=f.search, country=f.country, updated_since=f.updated_since)
    return qs.order_by(*ORDERINGS[order])


def tenures(f: TenureFilter | None, order: TenureOrder) -> QuerySet[Tenure]:
    f = f or TenureFilter()
    with errors_named(ARGUMENT_NAMES):
        qs = tenure_list(
            office=f.office, person=f.person, country=f.country, q=f.search, on=f.on, updated_since=f.updated_since
        )
    return qs.order_by(*ORDERINGS[order])
