"""The export rows (events.exports): PostgreSQL writes each event as the serializer does, and so the CSV layouts
read from either path give the same cells."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory

from common.api.shapes import serializer_shape
from common.api.shapes_sql import json_rows_sql
from events import csv_format, exports
from events.api.serializers import EventSerializer
from events.models import Event, Participation, ReviewState
from events.selectors import EventFilters, event_list, event_with_details
from events.synthetic import generate_synthetic_data
from tests.factories import EventFactory, ParticipationFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))


@pytest.fixture
def varied_events(db):
    """The curated events, synthetic ones, and the odd cases: no country, no end, a source without URL, a
    participant without person, office or source, a topic with a parent, a title with quotes and a newline."""
    call_command("loaddata", *FIXTURES, verbosity=0)
    generate_synthetic_data(events=40, seed=7)
    parent = TopicFactory(name="Security")
    odd = EventFactory(
        title='A "quoted"\ntitle, with; separators | and \\ backslash',
        country=None,
        end_date=None,
        city="",
        review_state=ReviewState.PUBLISHED,
    )
    odd.topics.add(TopicFactory(name="Alliance Ω", parent=parent))
    odd.sources.add(SourceFactory(url=""), SourceFactory())
    ParticipationFactory(event=odd, person=None, description="a senior official", office=None, source=None)
    Event.objects.filter(pk=odd.pk).update(updated_at=odd.updated_at.replace(microsecond=0))  # no fraction
    return Event.objects.filter(review_state=ReviewState.PUBLISHED)


def _request():
    return RequestFactory().get("/api/v1/exports/events.jsonl")


def _by_serializer(qs) -> list[dict]:
    serializer = EventSerializer(context={"request": _request()})
    rows = [serializer.to_representation(e) for e in event_with_details(qs).order_by(*exports.ORDER)]
    return json.loads(json.dumps(rows))  # as a client reads them


@pytest.mark.postgresql
def test_postgresql_writes_every_event_as_the_serializer_does(varied_events):
    shape = serializer_shape(EventSerializer, event_with_details(varied_events), _request())
    sql, params = json_rows_sql(shape, varied_events, exports.ORDER)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        written = [json.loads(text) for (text,) in cursor.fetchall()]
    expected = _by_serializer(varied_events)
    assert len(written) == len(expected) > 50
    for mine, theirs in zip(written, expected, strict=True):
        assert mine == theirs
        assert list(mine) == list(theirs)  # keys in the serializer's order


@pytest.mark.postgresql
def test_postgresql_exports_take_the_list_filters(varied_events):
    for filters in (
        EventFilters(countries=("US", "KR")),
        EventFilters(q="denuclearization"),
        EventFilters(topic="korean-peninsula"),
    ):
        chosen = event_list(filters=filters)
        lines = list(exports.json_lines(chosen, _request()))
        assert [json.loads(line) for line in lines] == _by_serializer(chosen)
        assert 0 < len(lines) < varied_events.count()


@pytest.mark.postgresql
def test_the_postgresql_export_builds_no_event_in_python(varied_events, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("events built in Python")

    monkeypatch.setattr(exports, "_built", refuse)
    monkeypatch.setattr(EventSerializer, "to_representation", refuse)
    lines = list(exports.json_lines(varied_events, _request()))
    assert len(lines) == varied_events.count()
    assert all(line.endswith(b"}\n") and line.count(b"\n") == 1 for line in lines)  # one line per event


def test_import_cells_of_a_representation_are_the_cells_of_the_event(varied_events):
    events = event_with_details(varied_events).order_by(*exports.ORDER)
    for event, representation in zip(events, _by_serializer(varied_events), strict=True):
        assert csv_format.representation_cells(representation) == csv_format.event_cells(event)


def test_a_source_without_url_is_named_by_its_id_in_both_paths(varied_events):
    odd = Participation.objects.get(description="a senior official").event
    source = odd.sources.get(url="")
    ParticipationFactory(event=odd, source=source)
    (representation,) = _by_serializer(Event.objects.filter(pk=odd.pk))
    cells = csv_format.representation_cells(representation)
    assert source.pk in json.loads(cells["sources"])
    assert {"source": source.pk} in [{"source": p.get("source")} for p in json.loads(cells["participants"])]
    assert cells == csv_format.event_cells(event_with_details(Event.objects.filter(pk=odd.pk)).get())
