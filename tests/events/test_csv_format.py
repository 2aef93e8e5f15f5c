"""The events CSV format round-trips: what /api/v1/exports/events.import.csv writes, the admin's import reads
back into the same events (participants, topics and sources included), and the admin exports the same rows."""

import csv
import datetime
import io

import pytest
import tablib

from common.models import DatePrecision
from events.kinds import EventKind
from events.models import Event, ReviewState
from events.resources import EventResource
from events.services import EventIn, ParticipantIn, event_create
from tests.factories import CountryFactory, OfficeFactory, PersonFactory, SourceFactory, TenureFactory, TopicFactory

pytestmark = pytest.mark.django_db
D = datetime.date
TRICKY = 'Vice Minister, "First"; acting | since 2020\nsecond line, ☃'  # every separator, a quote, a newline


@pytest.fixture
def events() -> list[Event]:
    korea, us = CountryFactory(iso2="KR"), CountryFactory(iso2="US")
    choi = PersonFactory(slug="choi-jong-kun", nationality=korea)
    biegun = PersonFactory(slug="stephen-biegun", nationality=us)
    aide = PersonFactory(slug="an-aide")  # holds no office: the participant has none
    vfm = OfficeFactory(slug="kr-1vfm", country=korea)
    dsec = OfficeFactory(slug="us-deputy-secretary", country=us)
    TenureFactory(person=choi, office=vfm, start=D(2020, 8, 20))
    TenureFactory(person=biegun, office=dsec, start=D(2019, 12, 21))
    peninsula = TopicFactory(slug="korean-peninsula")
    talks = TopicFactory(slug="nuclear-talks", parent=peninsula)
    online = SourceFactory(url="https://news.example.org/biegun-seoul")
    offline = SourceFactory(url="", headline="Press briefing, printed handout")  # no URL: keyed by id
    first = event_create(
        data=EventIn(
            title="Biegun meets Choi, in Seoul",
            slug="2020-12-09-biegun-choi",
            kind=EventKind.MEETING,
            start_date=D(2020, 12, 9),
            city="Seoul",
            venue="Ministry of Foreign Affairs",
            country=korea,
            summary="Talks, then dinner;\nno statement | none.",
            participants=[
                ParticipantIn(person=choi, role="host", title_as_reported=TRICKY),
                ParticipantIn(person=biegun, role="guest", office=dsec, source=online, quote='He said "yes".'),
                ParticipantIn(person=aide, role="participant", source=offline),
                ParticipantIn(description="a senior official", affiliation="Blue House", country=korea),
            ],
            topics=[talks, peninsula],
            sources=[online, offline],
        )
    )
    second = event_create(
        data=EventIn(
            title="Biegun visits Seoul",
            slug="2020-12-biegun-visit",
            kind=EventKind.VISIT,
            start_date=D(2020, 12, 1),
            start_precision=DatePrecision.MONTH,
            end_date=D(2020, 12, 11),
            sources=[offline],
            participants=[ParticipantIn(person=biegun, role="guest")],
        )
    )
    Event.objects.update(review_state=ReviewState.PUBLISHED)
    return [first, second]


def snapshot() -> dict:
    """Every event as its fields, its participants in order, its topics and sources (by stable keys)."""
    out = {}
    for event in Event.objects.order_by("slug"):
        fields = {f.name: getattr(event, f.attname) for f in Event._meta.concrete_fields}
        for name in ("id", "created_at", "updated_at", "review_state"):
            del fields[name]
        fields["participants"] = [
            (
                p.person.slug if p.person else None,
                p.description,
                p.affiliation,
                p.role,
                p.office.slug if p.office else None,
                p.title_as_reported,
                p.country.iso2 if p.country else None,
                (p.source.url or p.source.headline) if p.source else None,
                p.quote,
            )
            for p in event.participations.order_by("id")
        ]
        fields["topics"] = sorted((t.slug, t.parent.slug if t.parent else None) for t in event.topics.all())
        fields["sources"] = sorted(s.url or s.headline for s in event.sources.all())
        fields["country_id"] = event.country.iso2 if event.country else None
        out[event.slug] = fields
    return out


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_rest_export_imports_back_into_the_same_events(client, events):
    text = b"".join(client.get("/api/v1/exports/events.import.csv").streaming_content).decode()
    before = snapshot()
    assert before["2020-12-09-biegun-choi"]["participants"][0][4] == "kr-1vfm"  # filled from the tenure
    assert before["2020-12-09-biegun-choi"]["participants"][2][4] is None  # no office held
    Event.objects.all().delete()  # people, offices, topics and sources stay

    result = EventResource().import_data(tablib.Dataset().load(text, format="csv"))

    assert not result.has_errors() and not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    assert result.totals["new"] == 2
    assert snapshot() == before
    assert set(Event.objects.values_list("review_state", flat=True)) == {ReviewState.DRAFT}  # as every import

    again = EventResource().import_data(tablib.Dataset().load(text, format="csv"))
    assert again.totals["skip"] == 2  # nothing changed, participants included


def test_the_admin_exports_what_the_rest_export_writes(client, events):
    rest = _rows(b"".join(client.get("/api/v1/exports/events.import.csv").streaming_content).decode())
    admin = _rows(EventResource().export().export("csv"))
    assert admin[0] == rest[0]
    assert sorted(admin[1:]) == sorted(rest[1:])


def test_the_participants_cell_is_json_with_keys_for_people_offices_and_sources(client, events):
    text = b"".join(client.get("/api/v1/exports/events.import.csv?kind=meeting").streaming_content).decode()
    (row,) = csv.DictReader(io.StringIO(text))
    offline = events[1].sources.get()
    assert row["participants"].startswith('[{"person":"choi-jong-kun","role":"host","office":"kr-1vfm"')
    assert f'{{"person":"an-aide","role":"participant","source":{offline.pk}}}' in row["participants"]
    assert row["topics"] == '["korean-peninsula","nuclear-talks"]' or row["topics"] == (
        '["nuclear-talks","korean-peninsula"]'
    )
    assert row["sources"] == f'["https://news.example.org/biegun-seoul",{offline.pk}]'


@pytest.mark.parametrize(
    ("participants", "message"),
    [
        ('[{"person":"nobody","role":"host"}]', "No person with slug nobody"),
        ('[{"person":"choi-jong-kun","office":"kr-nothing"}]', "No office with slug kr-nothing"),
        ('[{"person":"choi-jong-kun","source":"https://nowhere.example"}]', "No source with URL https://nowhere"),
        ('[{"person":"choi-jong-kun","rank":"high"}]', "unknown keys rank"),
        ("Choi Jong-kun (host)", "participants: not a JSON array"),
    ],
)
def test_an_unknown_key_in_the_participants_cell_is_a_row_error(events, participants, message):
    headers = ["slug", "title", "kind", "start_date", "participants", "sources"]
    row = ["new-talks", "Talks", "talks", "2021-01-05", participants, '["https://news.example.org/biegun-seoul"]']
    result = EventResource().import_data(tablib.Dataset(row, headers=headers))
    (invalid,) = result.invalid_rows
    assert message in str(invalid.field_specific_errors["participants"])
    assert not Event.objects.filter(slug="new-talks").exists()
