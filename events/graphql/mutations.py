"""Curator mutations for events: create, update and delete, with participants, topics and sources.

Each mutation translates its input into ``EventIn`` values and calls one service
(``event_create``, ``event_patch``, ``event_delete``), which writes in one
transaction or not at all. Invalid input comes back as ``errors`` with paths.
"""

from datetime import date, datetime
from typing import Annotated

import strawberry
from django.core.exceptions import PermissionDenied, ValidationError
from strawberry import UNSET, relay

from common.graphql.payloads import FieldError, Lookup, field_errors, needs
from common.models import DatePrecision
from events.graphql import enums
from events.graphql.types import EventType
from events.models import Event, EventStatus, ParticipationRole, Topic
from events.services import EventIn, ParticipantIn, VersionConflict, event_create, event_delete, event_patch
from people.models import Country, Office, Person
from sources.models import Source


@strawberry.input(
    description="Someone who took part: a person (by id) or, when the report names no one, a description."
)
class ParticipantInput:
    person: relay.GlobalID | None = None
    role: enums.ParticipationRole = ParticipationRole.PARTICIPANT
    description: str = ""
    affiliation: str = ""
    country: str | None = strawberry.field(default=None, description="ISO2; filled from the office when empty.")
    title_as_reported: str = ""
    office: relay.GlobalID | None = strawberry.field(default=None, description="Filled from the tenures when empty.")
    source: relay.GlobalID | None = None
    quote: str = ""


@strawberry.input(description="A whole event. Participants, topics and sources are the complete lists.")
class EventInput:
    title: str
    slug: str
    kind: enums.EventKind
    start_date: date
    sources: list[relay.GlobalID] = strawberry.field(description="At least one report the event rests on.")
    start_precision: enums.DatePrecision = DatePrecision.DAY
    end_date: date | None = None
    end_precision: enums.DatePrecision = DatePrecision.DAY
    status: enums.EventStatus = EventStatus.TOOK_PLACE
    city: str = ""
    country: str | None = strawberry.field(default=None, description="Where it took place, ISO2.")
    venue: str = ""
    summary: str = ""
    participants: list[ParticipantInput] = strawberry.field(default_factory=list)
    topics: list[relay.GlobalID] = strawberry.field(default_factory=list)


@strawberry.input(description="The fields to change; a list given replaces the whole list.")
class EventPatch:
    title: str | None = UNSET
    slug: str | None = UNSET
    kind: enums.EventKind | None = UNSET
    start_date: date | None = UNSET
    start_precision: enums.DatePrecision | None = UNSET
    end_date: date | None = UNSET
    end_precision: enums.DatePrecision | None = UNSET
    status: enums.EventStatus | None = UNSET
    city: str | None = UNSET
    country: str | None = UNSET
    venue: str | None = UNSET
    summary: str | None = UNSET
    participants: list[ParticipantInput] | None = UNSET
    topics: list[relay.GlobalID] | None = UNSET
    sources: list[relay.GlobalID] | None = UNSET


@strawberry.type
class EventPayload:
    event: EventType | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


@strawberry.type
class DeletePayload:
    deleted_id: relay.GlobalID | None = None
    errors: list[FieldError] = strawberry.field(default_factory=list)


def _country(code: str | None, key: str, lookup: Lookup) -> Country | None:
    if not code:
        return None
    country = Country.objects.filter(iso2=code.strip().upper()).first()
    if country is None:
        lookup.error(key, f"Unknown country code: {code}.")
    return country


def _participants(items: list[ParticipantInput], lookup: Lookup) -> list[ParticipantIn]:
    result = []
    for i, p in enumerate(items):
        key = f"participants[{i}]"
        result.append(
            ParticipantIn(
                person=lookup.one(p.person, Person, "Person", f"{key}.person"),
                role=ParticipationRole(p.role),
                description=p.description,
                affiliation=p.affiliation,
                country=_country(p.country, f"{key}.country", lookup),
                title_as_reported=p.title_as_reported,
                office=lookup.one(p.office, Office, "Office", f"{key}.office"),
                source=lookup.one(p.source, Source, "Source", f"{key}.source"),
                quote=p.quote,
            )
        )
    return result


def _resolved(values: dict) -> dict:
    """Input values as ``EventIn`` values (enums and global ids resolved, only those given).

    Raises ValidationError listing every id or code that names nothing.
    """
    lookup = Lookup()
    data = dict(values)
    if "country" in data:
        data["country"] = _country(data["country"], "country", lookup)
    if "participants" in data:
        data["participants"] = _participants(data["participants"] or [], lookup)
    if "topics" in data:
        data["topics"] = lookup.many(data["topics"] or [], Topic, "Topic", "topics")
    if "sources" in data:
        data["sources"] = lookup.many(data["sources"] or [], Source, "Source", "sources")
    for name in ("kind", "status", "start_precision", "end_precision"):
        if data.get(name) is not None:
            data[name] = str(data[name].value if hasattr(data[name], "value") else data[name])
    lookup.raise_if_any()
    return data


def _event(gid: relay.GlobalID) -> Event:
    if gid.type_name != "Event" or not gid.node_id.isdigit():
        raise ValidationError({"id": "Not the id of an Event."})
    event = Event.objects.filter(pk=int(gid.node_id)).first()
    if event is None:
        raise ValidationError({"id": "No Event has this id."})
    return event


@strawberry.type
class EventMutations:
    @strawberry.mutation(permission_classes=[needs("events.add_event")], description="Record an event (as a draft).")
    def create_event(self, input: EventInput) -> EventPayload:
        try:
            return EventPayload(event=event_create(data=EventIn(**_resolved(vars(input)))))
        except ValidationError as exc:
            return EventPayload(errors=field_errors(exc))

    @strawberry.mutation(permission_classes=[needs("events.change_event")], description="Change an event.")
    def update_event(
        self,
        info: strawberry.Info,
        id: relay.GlobalID,
        input: EventPatch,
        expected_version: Annotated[
            datetime | None,
            strawberry.argument(
                description="The event's updatedAt as you read it. If it changed since, nothing is written and "
                "the error has code 'conflict' (another editor saved first)."
            ),
        ] = None,
    ) -> EventPayload:
        try:
            event = _event(id)
        except ValidationError as exc:
            return EventPayload(errors=field_errors(exc, prefix=[]))
        try:
            changes = _resolved({k: v for k, v in vars(input).items() if v is not UNSET})
            user = info.context.request.user
            updated = event_patch(event=event, changes=changes, user=user, expected_updated_at=expected_version)
            return EventPayload(event=updated)
        except VersionConflict as exc:
            path = ["expectedVersion"]
            return EventPayload(
                errors=[FieldError(field="expectedVersion", path=path, messages=[str(exc)], code="conflict")]
            )
        except ValidationError as exc:
            return EventPayload(errors=field_errors(exc))
        except PermissionDenied as exc:
            return EventPayload(errors=[FieldError(field="id", path=["id"], messages=[str(exc)], code="forbidden")])

    @strawberry.mutation(
        permission_classes=[needs("events.delete_event", "events.publish_event")],
        description="Delete an event and its participations (editors only).",
    )
    def delete_event(self, info: strawberry.Info, id: relay.GlobalID) -> DeletePayload:
        try:
            event_delete(event=_event(id), user=info.context.request.user)
        except ValidationError as exc:
            return DeletePayload(errors=field_errors(exc, prefix=[]))
        except PermissionDenied as exc:
            return DeletePayload(errors=[FieldError(field="id", path=["id"], messages=[str(exc)])])
        return DeletePayload(deleted_id=id)
