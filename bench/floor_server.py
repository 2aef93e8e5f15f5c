"""The raw floor: the REST page of events served with psycopg 3 and orjson, nothing else.

It answers ``GET /api/v1/events/?page_size=N`` with the very JSON Attaché's REST API gives
(``bench/load_test.py`` checks the results are identical) from the same four queries: the
page, then its participations, topics and sources. No Django, no ORM, no serializer at
request time; the same server (gunicorn, gthread) and pool size as Attaché, so the gap
between the two is what Attaché's code costs.

    DATABASE_URL=postgres://… gunicorn -c gunicorn.conf.py --bind 127.0.0.1:8002 bench.floor_server:application
"""

from __future__ import annotations

import os
from collections import defaultdict
from urllib.parse import parse_qs

import orjson
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool

from events.kinds import ONTOLOGY

POOL = ConnectionPool(
    os.environ["DATABASE_URL"],
    min_size=1,
    max_size=int(os.environ.get("DB_POOL_SIZE", "4")),
    kwargs={"row_factory": dict_row, "options": "-c jit=off -c random_page_cost=1.1"},
    open=True,
)

EVENTS = """
SELECT e.id, e.slug, e.title, e.kind, e.status, e.review_state, e.start_date, e.start_precision, e.end_date,
       e.end_precision, e.city, e.venue, c.iso2 AS country_iso2, c.name AS country_name, e.summary,
       e.created_at, e.updated_at
FROM events_event e LEFT JOIN people_country c ON c.id = e.country_id
WHERE e.review_state = 'published' ORDER BY e.start_date DESC, e.id DESC LIMIT %s"""
PARTICIPANTS = """
SELECT p.event_id, p.id, p.person_id, pe.slug AS person_slug, pe.name AS person_name, p.description, p.affiliation,
       p.role, p.office_id, o.slug AS office_slug, o.title AS office_title, oc.iso2 AS office_country,
       p.title_as_reported, pc.iso2 AS country, p.source_id, p.quote
FROM events_participation p
LEFT JOIN people_person pe ON pe.id = p.person_id LEFT JOIN people_office o ON o.id = p.office_id
LEFT JOIN people_country oc ON oc.id = o.country_id LEFT JOIN people_country pc ON pc.id = p.country_id
WHERE p.event_id = ANY(%s) ORDER BY p.id"""
TOPICS = """
SELECT et.event_id, t.slug, t.name, parent.slug AS parent FROM events_event_topics et
JOIN events_topic t ON t.id = et.topic_id LEFT JOIN events_topic parent ON parent.id = t.parent_id
WHERE et.event_id = ANY(%s) ORDER BY t.name, t.id"""
SOURCES = """
SELECT es.event_id, s.id, s.url AS link, s.publisher, s.agency, s.headline, s.byline, s.published_on,
       s.published_precision FROM events_event_sources es JOIN events_source s ON s.id = es.source_id
WHERE es.event_id = ANY(%s) ORDER BY s.id"""


def page(size: int, base: str) -> bytes:
    with POOL.connection() as conn:
        events = conn.execute(EVENTS, (size + 1,)).fetchall()
        more, events = len(events) > size, events[:size]
        ids = [e["id"] for e in events]
        participants, topics, sources = defaultdict(list), defaultdict(list), defaultdict(list)
        for p in conn.execute(PARTICIPANTS, (ids,)):
            participants[p["event_id"]].append(
                {
                    "id": p["id"],
                    "person": p["person_id"]
                    and {"id": p["person_id"], "slug": p["person_slug"], "name": p["person_name"]},
                    "description": p["description"],
                    "affiliation": p["affiliation"],
                    "role": p["role"],
                    "office": p["office_id"]
                    and {
                        "id": p["office_id"],
                        "slug": p["office_slug"],
                        "title": p["office_title"],
                        "country": p["office_country"],
                    },
                    "title_as_reported": p["title_as_reported"],
                    "country": p["country"],
                    "source": p["source_id"],
                    "quote": p["quote"],
                }
            )
        for t in conn.execute(TOPICS, (ids,)):
            topics[t.pop("event_id")].append(t)
        for s in conn.execute(SOURCES, (ids,)):
            sources[s.pop("event_id")].append(s)
    results = []
    for e in events:
        codes = ONTOLOGY[e["kind"]]
        results.append(
            {
                "url": f"{base}/api/v1/events/{e['slug']}/",
                "id": e["id"],
                "slug": e["slug"],
                "title": e["title"],
                "kind": e["kind"],
                "cameo_code": codes.cameo,
                "plover_category": codes.plover_category,
                "plover_mode": codes.plover_mode,
                "status": e["status"],
                "review_state": e["review_state"],
                "start_date": e["start_date"],
                "start_precision": e["start_precision"],
                "end_date": e["end_date"],
                "end_precision": e["end_precision"],
                "city": e["city"],
                "venue": e["venue"],
                "country": e["country_iso2"] and {"iso2": e["country_iso2"], "name": e["country_name"]},
                "summary": e["summary"],
                "participants": participants[e["id"]],
                "topics": topics[e["id"]],
                "sources": sources[e["id"]],
                "created_at": e["created_at"],
                "updated_at": e["updated_at"],
            }
        )
    body = {"next": f"{base}/api/v1/events/?page_size={size}" if more else None, "previous": None, "results": results}
    return orjson.dumps(body, option=orjson.OPT_UTC_Z)


def application(environ, start_response):
    if environ.get("PATH_INFO") != "/api/v1/events/":
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    query = parse_qs(environ.get("QUERY_STRING", ""))
    size = min(int(query.get("page_size", ["25"])[0]), 100)
    body = page(size, f"http://{environ.get('HTTP_HOST', '127.0.0.1')}")
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]
