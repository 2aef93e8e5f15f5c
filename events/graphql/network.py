"""The who-met-whom network: people as nodes, shared events as weighted links, in one request."""

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
import strawberry_django

from common.filters import errors_named
from common.graphql.errors import PublicError
from common.graphql.fields import MAX_PAGE
from events.graphql.enums import EventKind, EventStatus, ParticipationRole
from events.graphql.filters import ARGUMENT_NAMES, EventFilter
from events.selectors import EventFilters, MeetingCount, meeting_pairs
from people.models import Person

if TYPE_CHECKING:
    from people.graphql.types import PersonType

PersonRef = Annotated["PersonType", strawberry.lazy("people.graphql.types")]


@strawberry.type(description="Two people who took part in the same events.")
class PersonPair:
    source: PersonRef
    target: PersonRef
    events: int = strawberry.field(description="How many matching events both took part in.")
    first_met: date
    last_met: date


@strawberry.type(description="What a network counted as two people meeting.")
class NetworkCounted:
    roles: list[ParticipationRole] = strawberry.field(description="Both people had one of these roles.")
    statuses: list[EventStatus] = strawberry.field(description="Events with one of these statuses.")
    kinds: list[EventKind] = strawberry.field(description="Events of one of these kinds.")


@strawberry.type(description="A graph ready for a force layout: nodes are people, links are shared events.")
class Network:
    person_ids: strawberry.Private[set[int]]
    links: list[PersonPair]
    counted: NetworkCounted = strawberry.field(
        description="The roles, statuses and kinds counted: people only mentioned, events only scheduled, "
        "briefings and statements are not meetings unless asked for (roles, filters.status, filters.kind)."
    )

    @strawberry_django.field(description="Everyone in the links, by sort name (fetched by the optimiser).")
    def people(self) -> list[PersonRef]:
        return Person.objects.filter(pk__in=self.person_ids).order_by("sort_name", "id")  # type: ignore[return-value]


def resolve_network(
    info: strawberry.Info,
    filters: EventFilter | None = None,
    first: Annotated[int, strawberry.argument(description="At most this many links (≤ 100).")] = MAX_PAGE,
    roles: Annotated[
        list[ParticipationRole] | None,
        strawberry.argument(description="Roles that count as taking part; default host, guest, participant."),
    ] = None,
) -> Network:
    if not 0 <= first <= MAX_PAGE:
        raise PublicError(f"Argument 'first' must be between 0 and {MAX_PAGE}.")
    if roles is not None and not roles:
        raise PublicError("Argument 'roles' needs at least one role, or leave it out for host, guest, participant.")
    selector_filters = filters.to_selector() if filters else EventFilters()
    counting = MeetingCount.for_filters(selector_filters, roles=tuple(r.value for r in roles or ()))
    with errors_named(ARGUMENT_NAMES):
        pairs = meeting_pairs(filters=selector_filters, user=info.context.request.user, counting=counting, limit=first)
    ids = {p["person_a"] for p in pairs} | {p["person_b"] for p in pairs}
    people = Person.objects.select_related("nationality").in_bulk(ids)
    links = [
        PersonPair(
            source=people[p["person_a"]],
            target=people[p["person_b"]],
            events=p["events"],
            first_met=p["first"],
            last_met=p["last"],
        )
        for p in pairs
    ]
    counted = NetworkCounted(
        roles=[ParticipationRole(r) for r in counting.roles],
        statuses=[EventStatus(s) for s in counting.statuses],
        kinds=[EventKind(k) for k in counting.kinds],
    )
    return Network(person_ids=ids, links=links, counted=counted)
