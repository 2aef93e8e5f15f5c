"""The proposal for one article: the source, candidate events, people, topics, countries, each fact with its span.

    proposal = propose(text, url="", publisher="", published=None)   # a JSON-ready dict, nothing saved

Offline: the text is read with the name index (``people.matching``), the topics' names, regular expressions
and dateutil; no network, no model. ``docs/curation.md`` ("New events from an article") shows the shape.
"""

from datetime import date

from django.utils.text import slugify

from common.models import DatePrecision
from common.phrases import PhraseMatcher
from events.ingest.candidates import Candidate, Participant, find_candidates
from events.ingest.metadata import (
    find_agency,
    find_byline,
    find_dateline,
    find_headline,
    find_published,
    find_publisher,
)
from events.ingest.text import Article, read_article
from events.selectors import topic_names
from people.matching import NameIndex, PersonMention, shared_index

PROPOSAL_VERSION = 1


def _topics(article: Article) -> tuple[list[dict], dict[int, dict]]:
    matcher, by_id = PhraseMatcher(), {}
    for topic_id, slug, name, others in topic_names():
        by_id[topic_id] = {"id": topic_id, "slug": slug, "name": name}
        matcher.add_all([name, *others], topic_id)
    matcher.build()
    found = [
        {**by_id[hit.payloads[0]], "span": [hit.start, hit.end], "text": hit.text} for hit in matcher.find(article.body)
    ]
    return found, by_id


def _person_json(mention: PersonMention | None, index: NameIndex, day: date | None) -> dict:
    if mention is None:
        return {"person": None}
    person, office = mention.person, mention.office
    if person is not None and day is not None:
        held = index.offices_held(person.id, day)
        office = index.office_held(person.id, day, mention.title.text if mention.title else "")
        if office is None and mention.office in held:
            office = mention.office  # the office the mention named, still held on the event's day
    return {
        "person": {"id": person.id, "slug": person.slug, "name": person.name} if person else None,
        "name": mention.text,
        "span": [mention.start, mention.end],
        "how": mention.how,
        "note": mention.note,
        "title_as_reported": mention.title.text if mention.title else "",
        "title_span": [mention.title.start, mention.title.end] if mention.title else None,
        "office": {"id": office.id, "slug": office.slug, "title": office.title} if office else None,
        "country": mention.country,
        "candidates": [{"id": c.id, "slug": c.slug, "name": c.name} for c in mention.candidates],
    }


def _participant_json(p: Participant, index: NameIndex, day: date | None) -> dict:
    out = {"role": p.role, "description": p.description, **_person_json(p.mention, index, day)}
    if p.mention is None:
        out.update(name=p.description, span=list(p.span) if p.span else None, how="described", note="", country=None)
        out.update(title_as_reported="", title_span=None, office=None, candidates=[])
    return out


def _title(candidate: Candidate) -> str:
    names = [p.mention.person.name if p.mention and p.mention.person else p.mention.text if p.mention else
             p.description for p in candidate.taking_part()]  # fmt: skip
    scheduled = candidate.status == "scheduled"
    if candidate.kind == "visit":
        where = candidate.city or candidate.country or "abroad"
        return f"{names[0]} {'to visit' if scheduled else 'visits'} {where}"
    if len(names) >= 2:
        verb = {"talks": "hold talks", "phone_call": "speak by phone", "video_call": "hold a video call"}.get(
            candidate.kind, "meet"
        )
        joined = f"{', '.join(names[:-1])} and {names[-1]}"
        return f"{joined} {'to ' + verb if scheduled else verb}"
    verb = {"briefing": "briefs the press", "statement": "makes a statement"}.get(candidate.kind, candidate.kind)
    return f"{names[0]} {verb}"


def _office_day(c: Candidate, published: date | None) -> date | None:
    """The day whose tenures say which office a participant held: the event's, or within its month the
    publication day (a month-precise date is stored as the 1st, which may precede a new appointment)."""
    if c.date is None or c.date.day is None:
        return published
    if c.date.precision == DatePrecision.DAY:
        return c.date.day
    if published and c.date.precision == DatePrecision.MONTH and published.replace(day=1) == c.date.day:
        return published
    return c.date.day


def _event_json(c: Candidate, index: NameIndex, topics: list[dict], number: int, published: date | None) -> dict:
    day = _office_day(c, published)
    title = _title(c)
    when = c.date.day.isoformat() if c.date and c.date.day else "undated"
    in_event = topics  # what the article is about: curators give each of its events the article's topics
    return {
        "number": number,
        "title": title,
        "slug": slugify(f"{when}-{title}")[:180],
        "kind": c.kind,
        "kind_span": [c.sentence.start + c.kind_span[0], c.sentence.start + c.kind_span[1]],
        "status": c.status,
        "status_span": [c.sentence.start + c.status_span[0], c.sentence.start + c.status_span[1]]
        if c.status_span
        else None,
        "date": {**c.date.as_json(), "how": c.date_note or c.date.how} if c.date else None,
        "city": c.city,
        "country": c.country,
        "place_span": list(c.place_span) if c.place_span else None,
        "venue": c.venue,
        "venue_span": list(c.venue_span) if c.venue_span else None,
        "participants": [_participant_json(p, index, day) for p in c.participants],
        "topics": list({t["id"]: {k: t[k] for k in ("id", "slug", "name")} for t in in_event}.values()),
        "evidence": [list(span) for span in c.evidence],
        "summary": " ".join(c.sentence.text.split()),
    }


def propose(text: str, *, url: str = "", publisher: str = "", published: date | None = None) -> dict:
    """Read ``text`` and propose; raises ``ValidationError`` (field ``text``) for what cannot be read."""
    article = read_article(text)
    index = shared_index()
    byline = find_byline(article)
    agency = find_agency(article, byline)
    published_fact = find_published(article, url, published)
    dateline = find_dateline(article)
    day = published_fact.value if published_fact else None
    found = index.find(article.body, on=day)
    dateline_place = None
    if dateline:
        capital = next((c for c in found.countries if c.start == dateline.span[0] and c.how == "capital"), None)
        dateline_place = (dateline.value, capital.iso2 if capital else None)
    topics, _ = _topics(article)
    candidates = find_candidates(
        article, found.people, found.countries, day, published_fact.precision if published_fact else "", dateline_place
    )
    source = {
        "headline": _fact(find_headline(article)),
        "byline": _fact(byline),
        "agency": _fact(agency),
        "publisher": _fact(find_publisher(article, url, publisher, agency)),
        "published_on": _fact(published_fact),
        "url": {"value": url, "span": None, "how": "given" if url else ""},
        "dateline": _fact(dateline),
        "language": "en",
    }
    return {
        "version": PROPOSAL_VERSION,
        "text_length": len(text),
        "source": source,
        "events": [_event_json(c, index, topics, n, day) for n, c in enumerate(candidates)],
        "people": [_person_json(m, index, day) for m in found.people],
        "candidates": [_person_json(m, index, day) for m in found.unresolved()],
        "topics": topics,
        "countries": [
            {"iso2": c.iso2, "text": c.text, "span": [c.start, c.end], "how": c.how} for c in found.countries
        ],
        "ignored": [list(span) for span in article.clutter],
        "warnings": _warnings(published_fact, candidates),
    }


def _fact(fact) -> dict:
    return fact.as_json() if fact else {"value": None, "span": None, "how": "not found"}


def _warnings(published_fact, candidates: list[Candidate]) -> list[str]:
    warnings = []
    if published_fact is None:
        warnings.append(
            "No publication date found (no dateline date, no 'Published' line, none in the URL): relative dates "
            "such as 'on Monday' are left unresolved. Give the date to resolve them."
        )
    if not candidates:
        warnings.append("No event found: no sentence says that named people met, talked, visited or called.")
    return warnings
