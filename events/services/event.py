"""Writing events: create, update, patch and delete, with participants, topics and sources.

Each call is one transaction, validated before anything is saved, and leaves one history entry per
changed object (``common.history.save_with_links``).
"""

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from common.history import save_with_links
from common.models import DatePrecision
from events.models import (
    MAX_PARTICIPANTS,
    MAX_SOURCES,
    MAX_TOPICS,
    Event,
    EventStatus,
    Participation,
    ParticipationRole,
    ReviewState,
    Topic,
)
from events.services.review import PUBLISH_PERMISSION, require
from people.models import Country, Office, Person
from people.selectors import office_held_on
from sources.models import Source


def participation_fill_derived(*, participation: Participation) -> None:
    """Fill the office held on the event date and the country represented, where left empty."""
    event = participation.event
    if participation.person_id and not participation.office_id and event.start_date:
        participation.office = office_held_on(
            person=participation.person_id,
            day=event.start_date,
            title_as_reported=participation.title_as_reported,
        )
    if not participation.country_id:
        if participation.office_id and participation.office.country_id:
            participation.country_id = participation.office.country_id
        elif participation.person_id and participation.person.nationality_id:
            participation.country_id = participation.person.nationality_id


@dataclass(frozen=True)
class ParticipantIn:
    person: Person | None = None
    role: str = ParticipationRole.PARTICIPANT
    description: str = ""
    affiliation: str = ""
    country: Country | None = None
    title_as_reported: str = ""
    office: Office | None = None
    source: Source | None = None
    quote: str = ""


@dataclass
class EventIn:
    title: str
    slug: str
    kind: str
    start_date: date
    sources: list[Source]
    start_precision: str = DatePrecision.DAY
    end_date: date | None = None
    end_precision: str = DatePrecision.DAY
    status: str = EventStatus.TOOK_PLACE
    city: str = ""
    country: Country | None = None
    venue: str = ""
    summary: str = ""
    participants: list[ParticipantIn] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)


REPEATED_PARTICIPANT = "This person already has this role in the event."


def repeated_participants(pairs: list[tuple[int | None, str]]) -> list[int]:
    """Indexes of the (person id, role) pairs that repeat an earlier one: a person takes each role once."""
    seen, repeated = set(), []
    for index, pair in enumerate(pairs):
        if pair[0] is not None and pair in seen:
            repeated.append(index)
        seen.add(pair)
    return repeated


def _validated_participations(event: Event, participants: list[ParticipantIn]) -> list[Participation]:
    rows, errors = [], {}
    for index, p in enumerate(participants):
        row = Participation(event=event, **p.__dict__)
        try:
            row.full_clean(exclude=["event"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            errors[f"participants[{index}]"] = exc.messages
        else:
            participation_fill_derived(participation=row)
        rows.append(row)
    for index in repeated_participants([(p.person.pk if p.person else None, p.role) for p in participants]):
        errors.setdefault(f"participants[{index}]", []).append(REPEATED_PARTICIPANT)
    if errors:
        raise ValidationError(errors)
    return rows


LINKS = {"participants", "topics", "sources"}
TAKEN_SLUG = "Another event has this slug."
TOO_MANY = {
    "participants": (
        MAX_PARTICIPANTS,
        "An event has at most {limit} participants ({count} given): record a large delegation as one participant "
        "described by the report (e.g. 'the Chinese delegation').",
    ),
    "topics": (MAX_TOPICS, "An event has at most {limit} topics ({count} given): keep the ones it is about."),
    "sources": (MAX_SOURCES, "An event has at most {limit} sources ({count} given): keep the best reports."),
}


def _check_list_sizes(data: EventIn) -> None:
    """Participants, topics and sources within ``MAX_PARTICIPANTS``, ``MAX_TOPICS``, ``MAX_SOURCES``: the
    bounds the GraphQL node budget counts on."""
    errors = {
        name: [message.format(limit=limit, count=len(getattr(data, name)))]
        for name, (limit, message) in TOO_MANY.items()
        if len(getattr(data, name)) > limit
    }
    if errors:
        raise ValidationError(errors)


def _save(event: Event, data: EventIn) -> None:
    """Save the event with its topics and sources. A slug taken between validation and the write (a concurrent
    create) is the same error validation gives, not a database error."""
    try:
        with transaction.atomic():  # a savepoint: the failed INSERT leaves the outer transaction usable
            save_with_links(event, {"topics": data.topics, "sources": data.sources})
    except IntegrityError as exc:
        if "slug" in str(exc):
            raise ValidationError({"slug": [TAKEN_SLUG]}) from exc
        raise


EVENT_INPUT_FIELDS = [f.name for f in fields(EventIn)]
PARTICIPANT_INPUT_FIELDS = [f.name for f in fields(ParticipantIn)]


def event_current_input(*, event: Event) -> EventIn:
    """What ``event`` says now, as the input that would write it again unchanged (the base of a patch)."""
    participations = event.participations.select_related("person", "country", "office", "source").order_by("id")
    return EventIn(
        **{name: getattr(event, name) for name in EVENT_INPUT_FIELDS if name not in LINKS},
        participants=[ParticipantIn(**{n: getattr(p, n) for n in PARTICIPANT_INPUT_FIELDS}) for p in participations],
        topics=list(event.topics.all()),
        sources=list(event.sources.all()),
    )


@transaction.atomic
def event_create(*, data: EventIn, reason: str = "", instance: Event | None = None) -> Event:
    """Create an event with its participants, topics and sources, or nothing at all.

    ``instance``: an unsaved event to write into (the admin's add form holds one), instead of a new one.
    """
    if not data.sources:
        raise ValidationError({"sources": "Every event rests on at least one source."})
    _check_list_sizes(data)
    event = instance if instance is not None else Event()
    for name, value in data.__dict__.items():
        if name not in LINKS:
            setattr(event, name, value)
    event._change_reason = reason or None
    event.full_clean()
    participations = _validated_participations(event, data.participants)
    _save(event, data)
    for participation in participations:
        participation.event = event
        participation.save()  # one by one: each leaves its history record
    return event


@transaction.atomic
def event_delete(*, event: Event, user: AbstractBaseUser) -> None:
    """Delete an event and its participations; only editors may."""
    require(user, PUBLISH_PERMISSION, "delete")
    event.delete()


class VersionConflict(Exception):
    """The record changed since the caller read it; nothing was written."""

    def __init__(self, current: datetime) -> None:
        super().__init__(f"The event has changed since you read it (it was updated at {current.isoformat()}).")
        self.current = current


@transaction.atomic
def event_patch(
    *,
    event: Event,
    changes: dict,
    user: AbstractBaseUser | None,
    expected_updated_at: datetime | None = None,
    reason: str = "",
) -> Event:
    """Change only the fields named in ``changes`` (``EventIn`` names); a list given replaces the whole list.

    The one place a partial update is merged, for REST PATCH, GraphQL ``updateEvent`` and the admin import.
    """
    unknown = set(changes) - set(EVENT_INPUT_FIELDS)
    if unknown:
        raise TypeError(f"event_patch() got fields an event does not have: {sorted(unknown)}")
    _lock(event, expected_updated_at)  # before reading what the patch is laid over
    data = replace(event_current_input(event=event), **changes)
    return event_update(event=event, data=data, user=user, reason=reason)


def _lock(event: Event, expected_updated_at: datetime | None) -> None:
    """Lock the event's row until the transaction ends; refuse if it changed since ``expected_updated_at``."""
    current = Event.objects.select_for_update().filter(pk=event.pk).values_list("updated_at", flat=True).get()
    if expected_updated_at is not None and current != expected_updated_at:
        raise VersionConflict(current)


@transaction.atomic
def event_update(
    *,
    event: Event,
    data: EventIn,
    user: AbstractBaseUser | None,
    expected_updated_at: datetime | None = None,
    reason: str = "",
) -> Event:
    """Replace what an event says, its participants, topics and sources included, or change nothing.

    A published event is public record: only editors may change it (curators
    edit drafts, events in review and retracted ones). ``user=None`` is for
    trusted code such as imports and scripts. With ``expected_updated_at`` (the
    ``updated_at`` the caller read), a concurrent change in between raises
    ``VersionConflict`` instead of being overwritten. Participants are matched to
    the existing ones (same person and role, or same description and role), so an
    unchanged participant keeps its id and history.
    """
    if expected_updated_at is not None:
        _lock(event, expected_updated_at)
    if user is not None and event.review_state == ReviewState.PUBLISHED:
        require(user, PUBLISH_PERMISSION, "change published")
    if not data.sources:
        raise ValidationError({"sources": "Every event rests on at least one source."})
    _check_list_sizes(data)
    for name, value in data.__dict__.items():
        if name not in LINKS:
            setattr(event, name, value)
    event._change_reason = reason or None
    event.full_clean()
    participations = _validated_participations(event, data.participants)
    _save(event, data)
    _replace_participations(event, participations)
    return event


def _identity(p: Participation) -> tuple:
    return (p.person_id, p.role) if p.person_id else ("described", p.description, p.role)


def _values(p: Participation) -> list:
    return [getattr(p, f.attname) for f in Participation._meta.concrete_fields if f.name not in IGNORED_IN_DIFF]


IGNORED_IN_DIFF = {"id", "event", "created_at", "updated_at"}


def _replace_participations(event: Event, wanted: list[Participation]) -> None:
    """Make ``event``'s participations ``wanted``: matching rows are updated in place (and only when they
    change), so they keep their ids; the others are deleted or created. Row by row, so history records each."""
    existing: dict[tuple, list[Participation]] = {}
    for row in event.participations.order_by("id"):
        existing.setdefault(_identity(row), []).append(row)
    for row in wanted:
        matches = existing.get(_identity(row))
        if not matches:
            row.save()
            continue
        old = matches.pop(0)
        if _values(old) != _values(row):
            row.pk, row.created_at = old.pk, old.created_at
            row._state.adding = False  # an update of the old row, not a new one
            row.save()
    for rows in existing.values():
        for row in rows:
            row.delete()
