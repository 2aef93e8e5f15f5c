"""Root fields for events, topics and sources, and the who-met-whom network."""

import strawberry
import strawberry_django
from django.db.models import QuerySet

from common.graphql.fields import Connection
from common.graphql.keyset import KeysetConnection
from events.graphql import filters as f
from events.graphql.network import Network, resolve_network
from events.graphql.types import EventType, SourceType, TopicType
from events.models import Event, Topic
from sources.models import Source


@strawberry.type(
    name="EventConnection",
    description="A page of events with the total count; cursors are keyset positions, as fast at any depth.",
)
class EventConnection(KeysetConnection[EventType]):
    pass


@strawberry.type
class EventsQuery:
    @strawberry_django.field(description="An event by slug; published ones only, unless you curate.")
    def event(self, slug: str) -> EventType | None:
        return Event.objects.filter(slug=slug)  # type: ignore[return-value]  # EventType limits who sees it

    @strawberry_django.field(description="A topic by slug.")
    def topic(self, slug: str) -> TopicType | None:
        return Topic.objects.filter(slug=slug)  # type: ignore[return-value]

    @strawberry_django.connection(
        EventConnection,
        description="Published events (all of them for curators), newest first; keyset cursors.",
    )
    def events(
        self,
        info: strawberry.Info,
        filters: f.EventFilter | None = None,
        order: f.EventOrder = f.EventOrder.START_DATE_DESC,
    ) -> QuerySet[Event]:
        return f.events(filters, order, info.context.request.user)

    @strawberry_django.connection(Connection[TopicType])
    def topics(self, filters: f.TopicFilter | None = None, order: f.TopicOrder = f.TopicOrder.NAME) -> QuerySet[Topic]:
        return f.topics(filters, order)

    @strawberry_django.connection(Connection[SourceType])
    def sources(
        self, filters: f.SourceFilter | None = None, order: f.SourceOrder = f.SourceOrder.PUBLISHED_ON_DESC
    ) -> QuerySet[Source]:
        return f.sources(filters, order)

    network: Network = strawberry.field(
        resolver=resolve_network,
        description="Who met whom: pairs of people who took part in the same events, most events first.",
    )
