"""GraphQL types for events, participations, topics and sources (Relay nodes).

Only published events are public: ``EventType.get_queryset`` and
``ParticipationType.get_queryset`` apply the same rule as the REST API
(``events.selectors.visible_events``), wherever the type appears.
"""

from typing import TYPE_CHECKING, Annotated

import strawberry
import strawberry_django
from django.db.models import QuerySet
from strawberry import auto, relay

from common.graphql.fields import capped_list
from events.graphql import enums
from events.models import Event, Participation, Topic
from events.selectors import can_see_unpublished, visible_events
from people.graphql.types import OtherName
from sources.models import Source

if TYPE_CHECKING:
    from people.graphql.types import CountryType, OfficeType, PersonType, TenureType

Country = Annotated["CountryType", strawberry.lazy("people.graphql.types")]
Office = Annotated["OfficeType", strawberry.lazy("people.graphql.types")]
Person = Annotated["PersonType", strawberry.lazy("people.graphql.types")]
Tenures = list[Annotated["TenureType", strawberry.lazy("people.graphql.types")]]


def _user(info: strawberry.Info):
    return getattr(info.context.request, "user", None)


@strawberry_django.type(Topic, name="Topic")
class TopicType(relay.Node):
    name: auto
    slug: auto
    description: auto
    parent: "TopicType | None"
    children: list["TopicType"] = capped_list()
    events: list["EventType"] = capped_list(description="Published events about this topic.")

    @strawberry_django.field(prefetch_related=["other_names"], description="Spelling variants: denuclearization.")
    def other_names(self) -> list[OtherName]:
        return OtherName.of(self.other_names.all())


@strawberry_django.type(Source, name="Source")
class SourceType(relay.Node):
    url: auto
    publisher: auto
    agency: auto
    headline: auto
    byline: auto
    published_on: auto
    published_precision: enums.DatePrecision
    language: auto
    events: list["EventType"] = capped_list(description="Published events this report supports.")
    tenures: Tenures = capped_list(description="Tenures this report supports.")


@strawberry_django.type(Participation, name="Participation")
class ParticipationType(relay.Node):
    event: "EventType"
    person: Person | None
    role: enums.ParticipationRole
    description: auto
    affiliation: auto
    country: Country | None
    title_as_reported: auto
    office: Office | None
    source: SourceType | None
    quote: auto

    @classmethod
    def get_queryset(cls, queryset: QuerySet[Participation], info: strawberry.Info, **kwargs) -> QuerySet:
        if can_see_unpublished(_user(info)):
            return queryset
        return queryset.filter(event__in=visible_events(None))


@strawberry_django.type(Event, name="Event")
class EventType(relay.Node):
    title: auto
    slug: auto
    kind: enums.EventKind
    start_date: auto
    start_precision: enums.DatePrecision
    end_date: auto
    end_precision: enums.DatePrecision
    status: enums.EventStatus
    city: auto
    venue: auto
    summary: auto
    country: Country | None
    review_state: enums.ReviewState
    participants: list[ParticipationType] = capped_list(field_name="participations")
    topics: list[TopicType] = capped_list()
    sources: list[SourceType] = capped_list()
    cameo_code: str = strawberry_django.field(only=["kind"], description="CAMEO code of the event kind.")
    plover_category: str = strawberry_django.field(only=["kind"], description="PLOVER category ('' if none).")
    plover_mode: str = strawberry_django.field(only=["kind"])
    created_at: auto
    updated_at: auto

    @classmethod
    def get_queryset(cls, queryset: QuerySet[Event], info: strawberry.Info, **kwargs) -> QuerySet:
        if can_see_unpublished(_user(info)):
            return queryset
        return queryset & visible_events(None)
