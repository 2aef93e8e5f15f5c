"""Filter and order inputs for the events, topics and sources connections.

``EventFilter`` has the REST filters' names in camelCase and becomes an
``EventFilters`` for ``events.selectors.event_list``, so both APIs agree on
what a filter means and on who sees unpublished events.
"""

from datetime import date, datetime
from enum import Enum

import strawberry
from django.db.models import QuerySet

from common.filters import errors_named
from events.graphql import enums
from events.models import Event, Topic
from events.selectors import EventFilters, event_list, source_list, topic_list
from sources.models import Source


@strawberry.input
class EventFilter:
    person: str | None = strawberry.field(default=None, description="Slug of a person who took part.")
    countries: list[str] | None = strawberry.field(
        default=None, description="ISO2 codes; events involving all of them (as participants or host country)."
    )
    topic: str | None = strawberry.field(default=None, description="Topic slug; subtopics included.")
    kind: enums.EventKind | None = None
    status: enums.EventStatus | None = None
    date_from: date | None = strawberry.field(default=None, description="Events on or after this day.")
    date_to: date | None = strawberry.field(default=None, description="Events starting on or before this day.")
    updated_since: datetime | None = strawberry.field(default=None, description="Changed after this moment.")
    search: str | None = strawberry.field(default=None, description="Title, summary, place, people, topics.")

    def to_selector(self) -> EventFilters:
        return EventFilters(
            person=self.person,
            countries=tuple(self.countries or ()),
            topic=self.topic,
            kind=self.kind.value if self.kind else None,
            status=self.status.value if self.status else None,
            date_from=self.date_from,
            date_to=self.date_to,
            updated_since=self.updated_since,
            q=self.search,
        )


@strawberry.input
class TopicFilter:
    search: str | None = strawberry.field(default=None, description="A name or a recorded spelling variant.")
    updated_since: datetime | None = strawberry.field(default=None, description="Changed after this moment.")


@strawberry.input
class SourceFilter:
    search: str | None = strawberry.field(default=None, description="Headline, publisher, agency or byline.")
    updated_since: datetime | None = strawberry.field(default=None, description="Changed after this moment.")


@strawberry.enum
class EventOrder(Enum):
    START_DATE_DESC = "start_date_desc"
    START_DATE_ASC = "start_date_asc"


@strawberry.enum
class TopicOrder(Enum):
    NAME = "name"


@strawberry.enum
class SourceOrder(Enum):
    PUBLISHED_ON_DESC = "published_on_desc"
    PUBLISHED_ON_ASC = "published_on_asc"


EVENT_ORDERINGS = {
    EventOrder.START_DATE_DESC: ("-start_date", "-id"),
    EventOrder.START_DATE_ASC: ("start_date", "id"),
}


# The selectors name an error by their own argument (REST's parameter); a GraphQL error names the filter's field.
ARGUMENT_NAMES = {
    "q": "search",
    "country": "countries",
    "date_from": "dateFrom",
    "date_to": "dateTo",
    "updated_since": "updatedSince",
}


def events(f: EventFilter | None, order: EventOrder, user) -> QuerySet[Event]:
    filters = f.to_selector() if f else EventFilters()
    with errors_named(ARGUMENT_NAMES):
        qs = event_list(filters=filters, user=user)
    return qs.order_by(*EVENT_ORDERINGS[order])


def topics(f: TopicFilter | None, order: TopicOrder) -> QuerySet[Topic]:
    with errors_named(ARGUMENT_NAMES):
        qs = topic_list(q=f.search if f else None, updated_since=f.updated_since if f else None)
    return qs.order_by("name", "id")


def sources(f: SourceFilter | None, order: SourceOrder) -> QuerySet[Source]:
    with errors_named(ARGUMENT_NAMES):
        qs = source_list(q=f.search if f else None, updated_since=f.updated_since if f else None)
    if order is SourceOrder.PUBLISHED_ON_ASC:
        return qs.order_by("published_on", "id")
    return qs.order_by("-published_on", "-id")
