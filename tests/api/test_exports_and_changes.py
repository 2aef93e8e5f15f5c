"""Streamed exports (CSV, JSON Lines), Popolo JSON, and the changes feed with tombstones."""

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from events.models import Event, ReviewState

pytestmark = pytest.mark.django_db

POPOLO = Path(__file__).resolve().parents[1] / "data" / "popolo-schemas"  # vendored, CC BY 4.0: tests/data/README.md


def streamed(response) -> str:
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_events_csv_is_streamed_with_filters(client, seed_data):
    response = client.get("/api/v1/exports/events.csv?country=US&country=KR")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(streamed(response))))
    bilateral = client.get("/api/v1/events/?country=US&country=KR&page_size=100").json()["results"]
    assert {r["slug"] for r in rows} == {e["slug"] for e in bilateral}
    (choi,) = [r for r in rows if r["slug"] == "2020-12-09-biegun-choi-jong-kun"]
    assert "choi-jong-kun" in choi["people"].split("|")
    assert "kr-first-vice-minister-of-foreign-affairs" in choi["offices"].split("|")
    assert (choi["start_date"], choi["start_precision"], choi["country"]) == ("2020-12-09", "day", "KR")


def test_events_jsonl_has_one_event_per_line_in_the_api_shape(client, seed_data):
    lines = streamed(client.get("/api/v1/exports/events.jsonl?person=stephen-biegun")).splitlines()
    events = [json.loads(line) for line in lines]
    assert events
    detail = client.get("/api/v1/events/2020-12-09-biegun-choi-jong-kun/").json()
    assert detail in events
    assert [e["start_date"] for e in events] == sorted(e["start_date"] for e in events)


def test_exports_answer_clients_that_accept_only_their_media_type(client, seed_data):
    """Generated clients send Accept: text/csv or application/jsonl: that is no 406, and an error is JSON still."""
    assert streamed(client.get("/api/v1/exports/events.csv", HTTP_ACCEPT="text/csv")).startswith("id,slug,")
    assert streamed(client.get("/api/v1/exports/events.jsonl", HTTP_ACCEPT="application/jsonl"))
    refused = client.get("/api/v1/exports/events.csv?country=XX", HTTP_ACCEPT="text/csv")
    assert (refused.status_code, refused["Content-Type"]) == (400, "application/json")
    assert refused.json()["error"]["fields"]["country"]


def test_exports_hide_unpublished_events_from_anonymous_clients(client, seed_data):
    Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").update(review_state=ReviewState.DRAFT)
    assert "2020-12-09-biegun-choi-jong-kun" not in streamed(client.get("/api/v1/exports/events.jsonl"))


def test_export_filters_are_validated_before_streaming(client, seed_data):
    response = client.get("/api/v1/exports/events.csv?country=XX")
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"country": ["Unknown country code: XX."]}
    # the error names the parameter the client sent
    response = client.get("/api/v1/exports/events.csv?countries=XX")
    assert response.json()["error"]["fields"] == {"countries": ["Unknown country code: XX."]}


@pytest.fixture
def python_path(monkeypatch):
    """Exports built by the serializer, as on SQLite (on PostgreSQL the database writes the rows)."""
    from events import exports

    monkeypatch.setattr(exports, "_sql", lambda qs, request: None)
    return exports


def test_export_reads_in_chunks(client, seed_data, monkeypatch, python_path):
    monkeypatch.setattr(python_path, "CHUNK", 2)
    lines = streamed(client.get("/api/v1/exports/events.jsonl")).splitlines()
    assert len(lines) == Event.objects.filter(review_state=ReviewState.PUBLISHED).count()


def test_a_client_runs_at_most_two_exports_at_once(seed_data):
    from django.test import Client

    client = Client()
    first = client.get("/api/v1/exports/events.csv")
    second = client.get("/api/v1/exports/events.jsonl")
    assert first.streaming and second.streaming  # both open: nothing read yet
    refused = client.get("/api/v1/exports/events.csv")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused.json()["error"]["code"] == "throttled"
    assert Client(REMOTE_ADDR="10.1.2.3").get("/api/v1/exports/events.csv").status_code == 200  # another client
    # One finishes. Reading it to the end closes it, as a WSGI server does; a second close() would fire
    # request_finished again, which returns the test's connection to the pool in the middle of its transaction.
    b"".join(first.streaming_content)
    assert client.get("/api/v1/exports/events.csv").status_code == 200


@pytest.mark.django_db(transaction=True)  # as served: no test transaction around the export's own
def test_a_client_that_goes_away_gives_its_export_slot_back(seed_data):
    from django.db import connection
    from django.test import Client

    client = Client()
    for _ in range(5):
        response = client.get("/api/v1/exports/events.jsonl")
        assert response.status_code == 200
        next(iter(response.streaming_content))  # reads a little, then hangs up
        response.close()
        assert not connection.in_atomic_block  # the export's query and transaction ended with it


@pytest.mark.postgresql
def test_the_export_cursor_streams_rows_instead_of_computing_them_all_first(client, seed_data, python_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        streamed(client.get("/api/v1/exports/events.jsonl"))
    declares = [q["sql"] for q in queries if q["sql"].startswith("DECLARE")]
    assert declares and not [sql for sql in declares if "WITH HOLD" in sql]  # WITH HOLD is materialised whole


def test_popolo_export_shape(client, seed_data):
    body = json.loads(streamed(client.get("/api/v1/exports/popolo.json")))
    assert set(body) == {"persons", "organizations", "posts", "memberships"}
    persons = {p["id"] for p in body["persons"]}
    posts = {p["id"] for p in body["posts"]}
    organizations = {o["id"] for o in body["organizations"]}
    for membership in body["memberships"]:
        assert membership["person_id"] in persons
        assert membership["post_id"] in posts
        assert membership["organization_id"] in organizations
    (choi,) = [
        m
        for m in body["memberships"]
        if m["person_id"] == "person/choi-jong-kun" and m["post_id"] == "post/kr-first-vice-minister-of-foreign-affairs"
    ]
    assert (choi["start_date"], choi["end_date"]) == ("2020-08-18", "2022-05")  # the end is known to the month


def test_popolo_export_answers_304_until_a_person_changes(client, seed_data):
    from people.models import Person
    from people.services import person_save

    first = client.get("/api/v1/exports/popolo.json")
    streamed(first)
    again = client.get("/api/v1/exports/popolo.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    choi = Person.objects.get(slug="choi-jong-kun")
    choi.description = "South Korean diplomat and scholar"
    person_save(person=choi, changed={"description"})
    changed = client.get("/api/v1/exports/popolo.json", HTTP_IF_NONE_MATCH=first["ETag"])
    assert "South Korean diplomat and scholar" in streamed(changed)


def test_popolo_export_validates_against_the_popolo_schemas(client, seed_data):
    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    schemas = {p.stem: json.loads(p.read_text()) for p in POPOLO.glob("*.json")}
    registry = Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3)) for schema in schemas.values()
    )
    body = json.loads(streamed(client.get("/api/v1/exports/popolo.json")))
    for collection, schema_name in [
        ("persons", "person"),
        ("organizations", "organization"),
        ("posts", "post"),
        ("memberships", "membership"),
    ]:
        validator = Draft3Validator(
            schemas[schema_name], registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER
        )
        for item in body[collection]:
            errors = [e.message for e in validator.iter_errors(item)]
            assert not errors, (collection, item["id"], errors)


def test_changes_feed_lists_created_updated_and_deleted(curator_client, editor_client, seed_data):
    since = timezone.now()
    tenure = curator_client.post(
        "/api/v1/tenures/",
        {"person": "choi-jong-kun", "office": "kr-minister-of-foreign-affairs", "start": "2030-01-01"},
        format="json",
    ).json()
    curator_client.patch("/api/v1/tenures/10/", {"note": "checked"}, format="json")
    editor_client.delete("/api/v1/events/2020-12-09-biegun-choi-jong-kun/")

    body = editor_client.get(f"/api/v1/changes/?since={since.isoformat().replace('+00:00', 'Z')}").json()
    assert "changes" in body, body
    changes = {(c["resource"], c["id"]): c for c in body["changes"]}
    assert changes[("tenures", tenure["id"])]["change"] == "created"
    assert changes[("tenures", tenure["id"])]["url"].endswith(f"/api/v1/tenures/{tenure['id']}/")
    assert changes[("tenures", 10)]["change"] == "updated"
    # the person and office whose representations embed the new tenure changed too
    assert changes[("people", tenure["person"]["id"])]["change"] == "updated"
    assert changes[("offices", tenure["office"]["id"])]["url"].endswith(
        "/api/v1/offices/kr-minister-of-foreign-affairs/"
    )
    deleted = [c for c in body["changes"] if c["resource"] == "events"]
    assert [(c["key"], c["change"], c["url"]) for c in deleted] == [
        ("2020-12-09-biegun-choi-jong-kun", "deleted", None)
    ]

    later = editor_client.get(f"/api/v1/changes/?since={body['until'].replace('+00:00', 'Z')}").json()
    assert later["changes"] == []


def test_changes_feed_shows_retracted_events_to_the_public_as_tombstones(client, seed_data, editor):
    event = Event.objects.get(slug="2020-12-09-biegun-choi-jong-kun")
    since = timezone.now()
    event.review_state = ReviewState.RETRACTED
    event.save()
    draft = Event.objects.create(title="Secret draft", slug="secret-draft", start_date="2021-01-01")
    draft.save()
    body = client.get("/api/v1/changes/", {"since": since.isoformat()}).json()
    assert [(c["key"], c["change"]) for c in body["changes"]] == [("2020-12-09-biegun-choi-jong-kun", "deleted")]


def test_a_tombstone_shows_the_public_only_the_slug_and_moment_it_had_while_public(client, curator_client, seed_data):
    event = Event.objects.get(slug="2020-12-09-biegun-choi-jong-kun")
    since = timezone.now()
    event.review_state = ReviewState.RETRACTED
    event.save()
    left_at = event.history.latest().history_date
    event.review_state, event.slug, event.title = ReviewState.DRAFT, "biegun-defection-rumour", "Unpublished rework"
    event.save()  # edited as a draft afterwards: nothing of this is public
    changes = client.get("/api/v1/changes/", {"since": since.isoformat()}).json()["changes"]
    tombstone = ("2020-12-09-biegun-choi-jong-kun", "deleted", None)
    assert [(c["key"], c["change"], c["url"]) for c in changes] == [tombstone]
    assert changes[0]["at"] == left_at.isoformat().replace("+00:00", "Z")
    later = client.get("/api/v1/changes/", {"since": (left_at + timezone.timedelta(microseconds=1)).isoformat()})
    assert later.json()["changes"] == []  # the draft edit after it left does not show at all
    curator = curator_client.get("/api/v1/changes/", {"since": since.isoformat()}).json()["changes"]
    assert [(c["key"], c["change"]) for c in curator] == [("biegun-defection-rumour", "updated")]


def test_a_published_event_deleted_is_a_tombstone_under_its_published_slug(client, seed_data):
    event = Event.objects.get(slug="2020-12-09-biegun-choi-jong-kun")
    since = timezone.now()
    event.delete()
    changes = client.get("/api/v1/changes/", {"since": since.isoformat()}).json()["changes"]
    assert [(c["key"], c["change"]) for c in changes] == [("2020-12-09-biegun-choi-jong-kun", "deleted")]


@pytest.mark.parametrize("query", ["", "?since=yesterday"])
def test_changes_feed_needs_a_valid_since(client, db, query):
    response = client.get(f"/api/v1/changes/{query}")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["since"]


def test_changes_feed_query_count_is_fixed(client, seed_data, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):  # two per resource (changed rows, tombstones), + people and offices
        client.get("/api/v1/changes/?since=2000-01-01T00:00:00Z")


def test_changes_feed_pages_with_limit_and_next(client, db):
    from django.utils import timezone

    from tests.factories import CountryFactory, PersonFactory

    since = timezone.now()
    made = {("countries", c.pk) for c in CountryFactory.create_batch(3)}
    made |= {("people", p.pk) for p in PersonFactory.create_batch(4)}
    url = "/api/v1/changes/?" + urlencode({"since": since.isoformat(), "limit": 2})
    seen, pages = [], 0
    while url:
        body = client.get(url).json()
        assert len(body["changes"]) <= 2
        seen += [(c["resource"], c["id"]) for c in body["changes"]]
        url, pages = body["next"], pages + 1
    assert sorted(seen) == sorted(made)
    assert pages >= 4


@pytest.mark.parametrize("limit", ["0", "10001", "ten"])
def test_changes_feed_limit_is_validated(client, db, limit):
    response = client.get(f"/api/v1/changes/?since=2026-01-01T00:00:00Z&limit={limit}")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["limit"]


def test_export_queries_grow_with_chunks_not_rows(client, seed_data, monkeypatch, python_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(python_path, "CHUNK", 5)
    with CaptureQueriesContext(connection) as ctx:
        lines = streamed(client.get("/api/v1/exports/events.jsonl")).splitlines()
    chunks = -(-len(lines) // 5)
    assert len(lines) == 19
    # the events, then participants, topics, sources per chunk; and the export's transaction (a savepoint here);
    # and, once, the ETag's and Last-Modified's: the data version, the newest event write and history entry
    assert len(ctx.captured_queries) <= 1 + 3 * chunks + 2 + 3


@pytest.mark.parametrize("after", ["events", "events:x", "planets:3", ":3", "events:99999999999999999999"])
def test_changes_feed_refuses_a_position_no_next_link_gives(client, db, after):
    response = client.get("/api/v1/changes/", {"since": "2026-01-01T00:00:00Z", "after": after})
    assert response.status_code == 400
    assert "after" in response.json()["error"]["fields"]


def test_changes_made_at_one_instant_page_through_without_repeats_or_gaps(client, db):
    from django.utils import timezone

    from people.models import Country

    moment = timezone.now()
    Country.objects.bulk_create(
        [
            Country(iso2=f"Q{c}", iso3=f"Q{c}Q", name=f"Land {c}", created_at=moment, updated_at=moment)
            for c in "ABCDEFG"
        ]
    )
    url = "/api/v1/changes/?" + urlencode({"since": "2000-01-01T00:00:00Z", "limit": 3})
    seen = []
    while url:
        body = client.get(url).json()
        seen += [c["key"] for c in body["changes"]]
        url = body["next"]
    assert seen == [f"Q{c}" for c in "ABCDEFG"]
