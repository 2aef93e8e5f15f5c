"""Saving what a curator chose from an article's proposal: one source and draft events, or nothing.

The input is the "drafts" shape (``events.ingest.drafts.drafts_from_proposal`` makes it from a proposal; the
admin page, ``POST /api/v1/ingest/`` and ``manage.py ingest_article`` all send it here):

    {"source": {"headline", "publisher", "agency", "byline", "url", "published_on", "published_precision"},
     "events": [{"title", "slug", "kind", "status", "start_date", "start_precision", "city", "country" (ISO2),
                 "venue", "summary", "topics": [topic ids],
                 "participants": [{"person" (id) | "description", "role", "title_as_reported", "country"}]}]}

Every event is written by ``event_create`` as a draft citing the source, so the rules of every other write
hold (offices filled from the tenures, at most 50 participants, …). A source with the same URL is reused.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from common.models import DatePrecision
from events.kinds import EventKind
from events.models import Event, EventStatus, ParticipationRole, Topic
from events.services.event import EventIn, ParticipantIn, event_create
from people.models import Country, Person
from sources.models import Source

ADD_PERMISSION = "events.add_event"


@dataclass(frozen=True)
class SavedArticle:
    source: Source
    source_created: bool
    events: list[Event]


def _text(data: dict, name: str, errors: dict, path: str, *, required: bool = False, limit: int = 300) -> str:
    value = data.get(name) or ""
    if not isinstance(value, str):
        errors[f"{path}{name}"] = ["A string."]
        return ""
    value = value.strip()
    if required and not value:
        errors[f"{path}{name}"] = ["This field is required."]
    elif len(value) > limit:
        errors[f"{path}{name}"] = [f"At most {limit} characters ({len(value)} given)."]
    return value


def _day(value, errors: dict, key: str, *, required: bool) -> date | None:
    if value in (None, ""):
        if required:
            errors[key] = ["A date (YYYY-MM-DD) is required: the proposal could not tell; give it."]
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors[key] = [f"Not a date (YYYY-MM-DD): {value!r}."]
        return None


def _choice(value, choices, errors: dict, key: str, default: str) -> str:
    value = value or default
    if value not in choices.values:
        errors[key] = [f"One of {', '.join(choices.values)} (not {value!r})."]
    return value


def _source(data: dict, errors: dict) -> Source:
    if not isinstance(data, dict):
        errors["source"] = ["An object with the source's headline, publisher, …"]
        return Source()
    source = Source(
        headline=_text(data, "headline", errors, "source.", required=True, limit=500),
        publisher=_text(data, "publisher", errors, "source.", required=True, limit=200),
        agency=_text(data, "agency", errors, "source.", limit=200),
        byline=_text(data, "byline", errors, "source.", limit=300),
        url=_text(data, "url", errors, "source.", limit=1000),
        published_on=_day(data.get("published_on"), errors, "source.published_on", required=False),
        published_precision=_choice(
            data.get("published_precision"), DatePrecision, errors, "source.published_precision", DatePrecision.DAY
        ),
    )
    return source


def _lookup(model, key: str, values: set) -> dict:
    return {getattr(obj, key): obj for obj in model.objects.filter(**{f"{key}__in": values})} if values else {}


def _events(items, source: Source, errors: dict) -> list[EventIn]:
    if not isinstance(items, list) or not items:
        errors["events"] = ["Choose at least one event to save."]
        return []
    items = [i if isinstance(i, dict) else {} for i in items]
    parts = [p if isinstance(p, dict) else {} for i in items for p in (i.get("participants") or [])]
    people = _lookup(Person, "pk", {p.get("person") for p in parts if isinstance(p.get("person"), int)})
    isos = {p.get("country") for p in [*items, *parts] if isinstance(p.get("country"), str)}
    countries = _lookup(Country, "iso2", isos)
    topics = _lookup(Topic, "pk", {t for i in items for t in (i.get("topics") or []) if isinstance(t, int)})
    out = []
    for n, item in enumerate(items):
        path = f"events[{n}]."
        participants = []
        for k, p in enumerate(item.get("participants") or []):
            key = f"{path}participants[{k}]"
            person = people.get(p.get("person")) if p.get("person") is not None else None
            if p.get("person") is not None and person is None:
                errors[f"{key}.person"] = [f"No person with id {p.get('person')!r}."]
            participants.append(
                ParticipantIn(
                    person=person,
                    description=_text(p, "description", errors, f"{key}.") if person is None else "",
                    role=_choice(p.get("role"), ParticipationRole, errors, f"{key}.role", "participant"),
                    title_as_reported=_text(p, "title_as_reported", errors, f"{key}."),
                    country=countries.get(p.get("country")),
                    source=source,
                )
            )
        country = item.get("country")
        if country and country not in countries:
            errors[f"{path}country"] = [f"No country with the code {country!r}."]
        missing = [t for t in item.get("topics") or [] if t not in topics]
        if missing:
            errors[f"{path}topics"] = [f"No topic with id {missing[0]!r}."]
        out.append(
            EventIn(
                title=_text(item, "title", errors, path, required=True),
                slug=_text(item, "slug", errors, path, required=True, limit=200),
                kind=_choice(item.get("kind"), EventKind, errors, f"{path}kind", EventKind.MEETING),
                status=_choice(item.get("status"), EventStatus, errors, f"{path}status", EventStatus.TOOK_PLACE),
                start_date=_day(item.get("start_date"), errors, f"{path}start_date", required=True),
                start_precision=_choice(
                    item.get("start_precision"), DatePrecision, errors, f"{path}start_precision", DatePrecision.DAY
                ),
                city=_text(item, "city", errors, path, limit=200),
                country=countries.get(country),
                venue=_text(item, "venue", errors, path),
                summary=_text(item, "summary", errors, path, limit=5000),
                participants=participants,
                topics=[topics[t] for t in item.get("topics") or [] if t in topics],
                sources=[source],
            )
        )
    return out


def _free_slug(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken or Event.objects.filter(slug=candidate).exists():
        candidate, n = f"{slug[:190]}-{n}", n + 1
    taken.add(candidate)
    return candidate


@transaction.atomic
def article_drafts_create(*, drafts: dict, user: AbstractBaseUser | None) -> SavedArticle:
    """Create the source (or reuse the one with its URL) and each chosen event as a draft; all or nothing.

    Raises ``PermissionDenied`` without ``events.add_event`` and ``ValidationError`` with paths such as
    ``events[1].start_date`` when anything is wrong, having written nothing.
    """
    if user is None or not user.has_perm(ADD_PERMISSION):
        raise PermissionDenied(f"Saving events from an article needs the '{ADD_PERMISSION}' permission.")
    if not isinstance(drafts, dict):
        raise ValidationError({"drafts": "An object with 'source' and 'events'."})
    errors: dict[str, list[str]] = {}
    source = _source(drafts.get("source"), errors)
    existing = Source.objects.filter(url=source.url).first() if source.url else None
    events = _events(drafts.get("events"), existing or source, errors)
    if errors:
        raise ValidationError(errors)
    if existing is None:
        try:
            source.full_clean()
        except ValidationError as exc:
            raise ValidationError({f"source.{k}": v for k, v in exc.message_dict.items()}) from None
        source.save()
    taken: set[str] = set()
    saved = []
    for n, data in enumerate(events):
        data.slug = _free_slug(data.slug, taken)
        try:
            saved.append(event_create(data=data, reason="from an article (assistant)"))
        except ValidationError as exc:
            detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
            raise ValidationError({f"events[{n}].{k}": v for k, v in detail.items()}) from None
    return SavedArticle(existing or source, existing is None, saved)
