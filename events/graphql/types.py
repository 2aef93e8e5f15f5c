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

from common.graphql.fields import Connection, capped_list, nested_connection
from events.graphql import enums
from events.models import MAX_PARTICIPANTS, MAX_SOURCES, MAX_TOPICS, Event, Participation, Topic
from events.selectors import can_see_unpublished, visible_events
from people.graphql.types import OtherName
from sources.models import Source

if TYPE_CHECKING:
    from people.graphql.types import CountryType, OfficeType, PersonType, TenureType

Country = Annotated["CountryType", strawberry.lazy("people.graphql.types")]
Office = Annotated["OfficeType", strawberry.lazy("people.graphql.types")]
Person = Annotated["PersonType", strawberry.lazy("people.graphql.types")]
Tenures = list[Annotated["TenureType", strawberry.lazy("people.graphql.types")]]
TenurePages = Connection[Annotated["TenureType", strawberry.lazy("people.graphql.types")]]


def _user(info: strawberry.Info):
    return getattr(info.context.request, "user", None)


@strawberry_django.type(Topic, name="Topic")
class TopicType(relay.Node):
    name: auto
    slug: auto
    description: auto
    parent: "TopicType | None"
    children: list["TopicType"] = capped_list()
    children_connection: "Connection[TopicType]" = nested_connection(
        field_name="children", description="Subtopics, in pages with totalCount."
    )
    events: list["EventType"] = capped_list(
        description="Published events filed under this topic itself, not its subtopics "
        "(events(filters: {topic}) includes those; docs/vocabulary.md)."
    )
    events_connection: "NestedEventConnection" = nested_connection(
        field_name="events",
        description="The events of `events` (this topic itself, not its subtopics), in pages with totalCount.",
    )

    @strawberry_django.field(prefetch_related=["other_names"], description="Spelling variants: denuclearization.")
    def other_names(self) -> list[OtherName]:
        return OtherName.of(self.other_names.all())


@strawberry_django.type(Source, name="Source")
class SourceType(relay.Node):
    link: str = strawberry_django.field(
        field_name="url", description="Where the report can be read: a URL, or empty when it is not online."
    )
    url: str = strawberry_django.field(deprecation_reason="Use link (the name both APIs use; docs/vocabulary.md).")
    publisher: auto
    agency: auto
    headline: auto
    byline: auto
    published_on: auto
    published_precision: enums.DatePrecision
    language: auto
    events: list["EventType"] = capped_list(description="Published events this report supports.")
    tenures: Tenures = capped_list(description="Tenures this report supports.")
    events_connection: "NestedEventConnection" = nested_connection(
        field_name="events", description="Published events this report supports, in pages with totalCount."
    )
    tenures_connection: TenurePages = nested_connection(
        field_name="tenures", description="Tenures this report supports, in pages with totalCount."
    )


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
    participants: list[ParticipationType] = capped_list(field_name="participations", bound=MAX_PARTICIPANTS)
    topics: list[TopicType] = capped_list(bound=MAX_TOPICS)
    sources: list[SourceType] = capped_list(bound=MAX_SOURCES)
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


@strawberry.type(
    name="NestedEventConnection",
    description="A page of an object's events with the total count; its cursors are positions in that list "
    "(the root events field has keyset cursors and its own EventConnection).",
)
class NestedEventConnection(Connection[EventType]):
    pass
