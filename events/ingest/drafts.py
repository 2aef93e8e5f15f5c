"""From a proposal to the "drafts" shape ``events.services.ingest.article_drafts_create`` saves."""

from collections.abc import Iterable


def _participant(p: dict) -> dict:
    person = p.get("person")
    if person:
        description = ""
    else:
        title = p.get("title_as_reported") or ""
        description = p.get("description") or (f"{p.get('name')} ({title})" if title else p.get("name") or "")
    return {
        "person": person["id"] if person else None,
        "description": description[:300],
        "role": p.get("role") or "participant",
        "title_as_reported": (p.get("title_as_reported") or "")[:300],
        "country": p.get("country"),
    }


def event_draft(event: dict) -> dict:
    date = event.get("date") or {}
    return {
        "title": event["title"][:300],
        "slug": event["slug"],
        "kind": event["kind"],
        "status": event["status"],
        "start_date": date.get("value"),
        "start_precision": date.get("precision") or "day",
        "city": event.get("city") or "",
        "country": event.get("country"),
        "venue": event.get("venue") or "",
        "summary": event.get("summary") or "",
        "topics": [t["id"] for t in event.get("topics") or []],
        "participants": [_participant(p) for p in event.get("participants") or []],
    }


def source_draft(proposal: dict) -> dict:
    source = proposal["source"]
    published = source["published_on"]
    return {
        "headline": source["headline"]["value"] or "",
        "publisher": source["publisher"]["value"] or "",
        "agency": source["agency"]["value"] or "",
        "byline": source["byline"]["value"] or "",
        "url": source["url"]["value"] or "",
        "published_on": published["value"],
        "published_precision": published.get("precision") or "day",
    }


def drafts_from_proposal(proposal: dict, chosen: Iterable[int] | None = None) -> dict:
    """The source and the events numbered in ``chosen`` (all when None), ready to save."""
    wanted = None if chosen is None else set(chosen)
    events = [event_draft(e) for e in proposal["events"] if wanted is None or e["number"] in wanted]
    return {"source": source_draft(proposal), "events": events}
