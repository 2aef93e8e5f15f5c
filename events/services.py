"""Writes for events: one transaction each, validated before anything is saved."""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from common.models import DatePrecision
from events.models import Event, EventStatus, Participation, ParticipationRole, Source, Topic
from people.models import Country, Office, Person
from people.selectors import office_held_on


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


def _validated_participations(event: Event, participants: list[ParticipantIn]) -> list[Participation]:
    rows, errors = [], {}
    for index, p in enumerate(participants):
        row = Participation(event=event, **p.__dict__)
        try:
            row.full_clean(exclude=["event"], validate_unique=False)
        except ValidationError as exc:
            errors[f"participants[{index}]"] = exc.messages
        rows.append(row)
    if errors:
        raise ValidationError(errors)
    return rows


@transaction.atomic
def event_create(*, data: EventIn) -> Event:
    """Create an event with its participants, topics and sources, or nothing at all."""
    if not data.sources:
        raise ValidationError({"sources": "Every event rests on at least one source."})
    fields = {k: v for k, v in data.__dict__.items() if k not in {"participants", "topics", "sources"}}
    event = Event(**fields)
    event.full_clean()
    event.save()
    participations = _validated_participations(event, data.participants)
    Participation.objects.bulk_create(participations)
    event.topics.set(data.topics)
    event.sources.set(data.sources)
    return event
