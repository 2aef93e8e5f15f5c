"""The events CSV format: one column list and one cell encoding, shared by the REST export
(``/api/v1/exports/events.import.csv``) and the admin's import and export (``events.resources``), so a
file exported by either imports through the admin and gives back the same events.

Plain cells are text: dates ISO 8601 (``2020-12-09``, empty for no end date), choices by value
(``meeting``, ``day``), the country by ISO code (``KR``). The three list cells are each a JSON array,
which round-trips any text (commas, ``|``, ``;``, quotes and line breaks in a title as reported):

- ``participants``: one object per participant, in the event's order, with the keys ``person`` (slug),
  ``description``, ``affiliation``, ``role``, ``office`` (slug), ``title_as_reported``, ``country`` (ISO
  code), ``source`` (a source key) and ``quote``; a key left out is empty (``role`` is always written).
- ``topics``: topic slugs, ``["alliance", "nuclear-talks"]``.
- ``sources``: source keys: a source's URL, or, for a source without a URL, its id as a JSON number
  (``["https://…", 42]``). Source has no other stable key; an id names the same source only in the
  same database (or a copy of it), so a source without URL must exist there under that id.

An import refuses a key that matches nothing (a row error naming it). Topics and sources may also be
written by hand as keys separated by ``|`` (``alliance|trade``; a key of digits is a source id).
``review_state`` is exported, never imported: an imported event is a draft.
"""

import json
from collections.abc import Iterable
from typing import Any

from events.models import Event, Topic
from events.services import ParticipantIn
from people.models import Country, Office, Person
from sources.models import Source

COLUMNS = [
    "slug",
    "title",
    "kind",
    "status",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "city",
    "venue",
    "country",
    "summary",
    "participants",
    "topics",
    "sources",
    "review_state",
]
EXPORTED_ONLY = {"review_state"}

# Participant keys in the order they are written; the related ones name their object by this field.
PARTICIPANT_KEYS = [
    "person",
    "description",
    "affiliation",
    "role",
    "office",
    "title_as_reported",
    "country",
    "source",
    "quote",
]
_RELATED = {"person": (Person, "slug"), "office": (Office, "slug"), "country": (Country, "iso2")}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def source_key(source: Source) -> str | int:
    return source.url or source.pk


def _participant_item(keyed: dict[str, Any]) -> dict[str, Any]:
    """One participant's entry from its values by key (related objects as their keys): empty ones left out,
    ``role`` always written."""
    return {key: keyed[key] for key in PARTICIPANT_KEYS if keyed[key] not in (None, "") or key == "role"}


def encode_participants(participants: Iterable[Any]) -> str:
    """``participants``: Participation rows or ParticipantIn values (anything with their attributes)."""
    out = []
    for p in participants:
        keyed = {}
        for key in PARTICIPANT_KEYS:
            value = getattr(p, key)
            if key in _RELATED and value is not None:
                value = getattr(value, _RELATED[key][1])
            elif key == "source" and value is not None:
                value = source_key(value)
            keyed[key] = value
        out.append(_participant_item(keyed))
    return _json(out)


def encode_topics(topics: Iterable[Topic]) -> str:
    return _json([t.slug for t in topics])


def encode_sources(sources: Iterable[Source]) -> str:
    return _json([source_key(s) for s in sources])


def event_cells(event: Event) -> dict[str, str]:
    """One event as the format's cells; participations, topics, sources and country read as loaded (prefetch
    them with ``events.selectors.event_with_details``)."""
    return {
        "slug": event.slug,
        "title": event.title,
        "kind": event.kind,
        "status": event.status,
        "start_date": event.start_date.isoformat(),
        "start_precision": event.start_precision,
        "end_date": event.end_date.isoformat() if event.end_date else "",
        "end_precision": event.end_precision,
        "city": event.city,
        "venue": event.venue,
        "country": event.country.iso2 if event.country_id else "",
        "summary": event.summary,
        "participants": encode_participants(event.participations.all()),
        "topics": encode_topics(event.topics.all()),
        "sources": encode_sources(event.sources.all()),
        "review_state": event.review_state,
    }


def event_row(event: Event) -> list[str]:
    cells = event_cells(event)
    return [cells[column] for column in COLUMNS]


def _ref_key(ref: dict | None) -> str | int | None:
    """A source's key from its API reference (``link``, ``id``), as ``source_key`` gives it from the source."""
    return None if ref is None else ref["link"] or ref["id"]


def representation_cells(e: dict) -> dict[str, str]:
    """The cells of one event's API representation (``EventSerializer``): the same cells ``event_cells`` gives
    for the event itself. The bulk exports read representations, not model instances."""
    participants = [
        _participant_item(
            {
                "person": p["person"]["slug"] if p["person"] else None,
                "description": p["description"],
                "affiliation": p["affiliation"],
                "role": p["role"],
                "office": p["office"]["slug"] if p["office"] else None,
                "title_as_reported": p["title_as_reported"],
                "country": p["country"],
                "source": _ref_key(p["source_ref"]),
                "quote": p["quote"],
            }
        )
        for p in e["participants"]
    ]
    return {
        "slug": e["slug"],
        "title": e["title"],
        "kind": e["kind"],
        "status": e["status"],
        "start_date": e["start_date"],
        "start_precision": e["start_precision"],
        "end_date": e["end_date"] or "",
        "end_precision": e["end_precision"],
        "city": e["city"],
        "venue": e["venue"],
        "country": e["country"]["iso2"] if e["country"] else "",
        "summary": e["summary"],
        "participants": _json(participants),
        "topics": _json([t["slug"] for t in e["topics"]]),
        "sources": _json([_ref_key(s) for s in e["sources"]]),
        "review_state": e["review_state"],
    }


def representation_row(e: dict) -> list[str]:
    cells = representation_cells(e)
    return [cells[column] for column in COLUMNS]


# --- reading cells (imports) --------------------------------------------------------------------------------


def read_list(value: Any, column: str, *, keys: bool = True) -> list:
    """A list cell: a JSON array, or (``keys``) keys separated by ``|``; empty is an empty list."""
    if value in (None, ""):
        return []
    if keys and isinstance(value, float | int):  # a spreadsheet cell holding one number
        return [int(value)]
    text = str(value).strip()
    if keys and not text.startswith("["):
        return [k.strip() for k in text.split("|") if k.strip()]
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{column}: not a JSON array ({exc.msg} at character {exc.pos}).") from None
    if not isinstance(items, list):
        raise ValueError(f"{column}: not a JSON array.")
    return items


def _missing(noun: str, plural: str, field: str, keys: list) -> str:
    return f"No {plural if len(keys) > 1 else noun} with {field} {', '.join(map(str, keys))}: nothing was imported."


def find_topics(value: Any) -> list[Topic]:
    slugs = list(dict.fromkeys(str(k) for k in read_list(value, "topics")))
    found = {t.slug: t for t in Topic.objects.filter(slug__in=slugs)}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise ValueError(_missing("topic", "topics", "slug", missing))
    return [found[s] for s in slugs]


def _source_keys(items: list, column: str) -> tuple[list[int], list[str]]:
    ids, urls = [], []
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool):
            ids.append(item)
        elif isinstance(item, str) and item.strip().isdigit():
            ids.append(int(item))
        elif isinstance(item, str) and item.strip():
            urls.append(item.strip())
        else:
            raise ValueError(f"{column}: a source is named by its URL or its id, not {item!r}.")
    return ids, urls


def _sources_by_key(ids: list[int], urls: list[str]) -> tuple[dict, list[str]]:
    """Sources by key (id or URL), and the errors for the keys that match nothing."""
    found = {s.pk: s for s in Source.objects.filter(pk__in=ids)} if ids else {}
    found |= {s.url: s for s in Source.objects.filter(url__in=urls)} if urls else {}
    errors = []
    if missing := [i for i in dict.fromkeys(ids) if i not in found]:
        errors.append(_missing("source", "sources", "id", missing))
    if missing := [u for u in dict.fromkeys(urls) if u not in found]:
        errors.append(_missing("source", "sources", "URL", missing))
    return found, errors


def find_sources(value: Any) -> list[Source]:
    items = read_list(value, "sources")
    ids, urls = _source_keys(items, "sources")
    found, errors = _sources_by_key(ids, urls)
    if errors:
        raise ValueError(" ".join(errors))
    keys = [int(k) if isinstance(k, int) or str(k).strip().isdigit() else str(k).strip() for k in items]
    return list({found[k].pk: found[k] for k in keys}.values())


def find_participants(value: Any) -> list[ParticipantIn]:
    """The participants cell as the service's input; every unknown key in it is named in one error."""
    items = read_list(value, "participants", keys=False)
    if any(not isinstance(item, dict) for item in items):
        raise ValueError("participants: a JSON array of objects, one per participant.")
    errors, wanted = [], {name: set() for name in _RELATED}
    source_items = []
    for number, item in enumerate(items, start=1):
        if unknown := sorted(set(item) - set(PARTICIPANT_KEYS)):
            errors.append(f"Participant {number}: unknown keys {', '.join(unknown)}.")
        for key, v in item.items():
            if key == "source" or v in (None, ""):
                continue
            if not isinstance(v, str):
                errors.append(f"Participant {number}: {key} is text, not {v!r}.")
            elif key in wanted:
                wanted[key].add(v)
        if item.get("source") not in (None, ""):
            source_items.append(item["source"])
    if errors:
        raise ValueError(" ".join(errors))
    found = {}
    for key, (model, field) in _RELATED.items():
        found[key] = {getattr(o, field): o for o in model.objects.filter(**{f"{field}__in": wanted[key]})}
        if missing := sorted(wanted[key] - set(found[key])):
            noun = model._meta.verbose_name
            errors.append(_missing(noun, model._meta.verbose_name_plural, field, missing))
    ids, urls = _source_keys(source_items, "participants")
    found["source"], source_errors = _sources_by_key(ids, urls)
    if errors or source_errors:
        raise ValueError("Participants: " + " ".join(errors + source_errors))
    out = []
    for item in items:
        values = {}
        for key, v in item.items():
            if v in (None, ""):
                continue
            if key in _RELATED:
                v = found[key][v]
            elif key == "source":
                v = found["source"][int(v) if isinstance(v, int) or str(v).strip().isdigit() else v.strip()]
            values[key] = v
        out.append(ParticipantIn(**values))
    return out
