"""event_create: an event with its participants, topics and sources, or nothing at all."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events.kinds import EventKind
from events.models import Event, Participation, ParticipationRole
from events.services import EventIn, ParticipantIn, event_create
from tests.factories import (
    CountryFactory,
    OfficeFactory,
    OfficeTitleFactory,
    PersonFactory,
    SourceFactory,
    TenureFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
TALKS_DAY = D(2020, 7, 8)


def _event_in(**kwargs) -> EventIn:
    data = {
        "title": "Choi Jong-kun and Stephen Biegun hold talks in Seoul",
        "slug": "choi-biegun-talks-2020-07-08",
        "kind": EventKind.TALKS,
        "start_date": TALKS_DAY,
        "sources": [SourceFactory()],
    }
    return EventIn(**(data | kwargs))


@pytest.fixture
def korea():
    return CountryFactory(iso2="KR", name="South Korea")


@pytest.fixture
def choi(korea):
    person = PersonFactory(name="Choi Jong-kun")
    office = OfficeFactory(title="First Vice Minister of Foreign Affairs", country=korea)
    TenureFactory(person=person, office=office, start=D(2020, 8, 20), end=D(2022, 5, 10))
    return person, office


@pytest.fixture
def biegun():
    us = CountryFactory(iso2="US", name="United States")
    person = PersonFactory(name="Stephen Biegun")
    deputy = OfficeFactory(title="Deputy Secretary of State", country=us)
    envoy = OfficeFactory(title="Special Representative for North Korea", country=us)
    OfficeTitleFactory(office=envoy, name="nuclear envoy")
    TenureFactory(person=person, office=envoy, start=D(2018, 8, 23), end=D(2021, 1, 20))
    TenureFactory(person=person, office=deputy, start=D(2019, 12, 21), end=D(2021, 1, 20))
    return person, deputy, envoy


def test_event_create_saves_event_with_participants_topics_and_sources(biegun):
    person, deputy, _ = biegun
    sources = SourceFactory.create_batch(2)
    topics = TopicFactory.create_batch(2)
    event = event_create(
        data=_event_in(
            sources=sources,
            topics=topics,
            participants=[
                ParticipantIn(
                    person=person, role=ParticipationRole.GUEST, title_as_reported="Deputy Secretary of State"
                ),
                ParticipantIn(description="a senior presidential official", affiliation="Office of the President"),
            ],
        )
    )
    stored = Event.objects.get(pk=event.pk)
    assert stored.title == "Choi Jong-kun and Stephen Biegun hold talks in Seoul"
    assert set(stored.sources.all()) == set(sources)
    assert set(stored.topics.all()) == set(topics)
    assert {(p.person_id, p.role, p.office_id, p.description) for p in stored.participations.all()} == {
        (person.pk, ParticipationRole.GUEST, deputy.pk, ""),
        (None, ParticipationRole.PARTICIPANT, None, "a senior presidential official"),
    }


def test_event_create_fills_office_held_that_day_and_its_country():
    korea = CountryFactory(iso2="KR")
    person = PersonFactory(name="Cho Sei-young")
    office = OfficeFactory(title="First Vice Minister of Foreign Affairs", country=korea)
    TenureFactory(person=person, office=office, start=D(2019, 1, 1), end=D(2020, 8, 19))
    event = event_create(data=_event_in(participants=[ParticipantIn(person=person)]))
    participation = event.participations.get()
    assert participation.office == office
    assert participation.country == korea


def test_event_create_uses_reported_title_to_pick_among_offices_held(biegun):
    person, _, envoy = biegun
    event = event_create(data=_event_in(participants=[ParticipantIn(person=person, title_as_reported="nuclear envoy")]))
    assert event.participations.get().office == envoy


def test_event_create_leaves_office_empty_when_no_tenure_covers_the_day(choi):
    person, _ = choi  # Choi became First Vice Minister only on 2020-08-20
    event = event_create(data=_event_in(participants=[ParticipantIn(person=person)]))
    assert event.participations.get().office is None


def test_event_create_keeps_an_explicitly_given_office(biegun):
    person, _, envoy = biegun
    event = event_create(data=_event_in(participants=[ParticipantIn(person=person, office=envoy)]))
    participation = event.participations.get()
    assert participation.office == envoy
    assert participation.country.iso2 == "US"


def test_event_create_fills_country_from_nationality_when_no_office_known(korea):
    person = PersonFactory(nationality=korea)
    event = event_create(data=_event_in(participants=[ParticipantIn(person=person)]))
    assert event.participations.get().country == korea


def test_event_create_refuses_an_event_without_sources_and_saves_nothing():
    with pytest.raises(ValidationError) as exc:
        event_create(data=_event_in(sources=[]))
    assert exc.value.message_dict == {"sources": ["Every event rests on at least one source."]}
    assert Event.objects.count() == 0


@pytest.mark.parametrize("bad_index", [0, 1])
def test_event_create_refuses_an_invalid_participant_by_index_and_saves_nothing(bad_index):
    participants = [ParticipantIn(person=PersonFactory())]
    participants.insert(bad_index, ParticipantIn(person=None, description=""))
    with pytest.raises(ValidationError) as exc:
        event_create(data=_event_in(participants=participants))
    assert list(exc.value.message_dict) == [f"participants[{bad_index}]"]
    assert exc.value.message_dict[f"participants[{bad_index}]"] == [
        "Name a person, or describe the participant the report leaves unnamed."
    ]
    assert Event.objects.count() == 0
    assert Participation.objects.count() == 0


def test_event_create_refuses_an_event_ending_before_it_starts():
    with pytest.raises(ValidationError) as exc:
        event_create(data=_event_in(end_date=D(2020, 7, 7)))
    assert "end_date" in exc.value.message_dict
    assert Event.objects.count() == 0


def test_event_create_refuses_the_same_person_twice_in_one_role_with_a_validation_error():
    person = PersonFactory()
    with pytest.raises(ValidationError):
        event_create(data=_event_in(participants=[ParticipantIn(person=person), ParticipantIn(person=person)]))
    assert Event.objects.count() == 0


# --- event_patch: the one place a partial update is merged (REST PATCH, GraphQL updateEvent, admin import) ---


def test_event_patch_changes_only_what_it_names_and_keeps_participants_topics_and_sources(biegun):
    from events.services import event_patch

    person, _, _ = biegun
    topic = TopicFactory()
    event = event_create(data=_event_in(participants=[ParticipantIn(person=person)], topics=[topic]))
    participation_ids = [p.pk for p in event.participations.all()]
    sources = list(event.sources.all())
    event_patch(event=event, changes={"title": "Renamed"}, user=None)
    event = Event.objects.get(pk=event.pk)
    assert event.title == "Renamed" and event.slug == "choi-biegun-talks-2020-07-08"
    assert [p.pk for p in event.participations.all()] == participation_ids
    assert list(event.topics.all()) == [topic] and list(event.sources.all()) == sources


def test_event_patch_refuses_a_field_an_event_does_not_have():
    from events.services import event_patch

    event = event_create(data=_event_in())
    with pytest.raises(TypeError, match="titel"):
        event_patch(event=event, changes={"titel": "Typo"}, user=None)


def test_each_write_leaves_one_history_entry_holding_its_topics_and_sources():
    from events.services import event_patch

    first, second = TopicFactory(), TopicFactory()
    event = event_create(data=_event_in(topics=[first]), reason="typed in")
    event_patch(event=event, changes={"topics": [first, second]}, user=None, reason="added a topic")
    entries = list(event.history.order_by("history_id"))
    assert [(e.history_type, e.history_change_reason) for e in entries] == [("+", "typed in"), ("~", "added a topic")]
    assert [sorted(t.topic_id for t in e.topics.all()) for e in entries] == [[first.pk], [first.pk, second.pk]]


def test_a_slug_taken_by_a_concurrent_create_is_a_slug_error_and_nothing_is_written(monkeypatch):
    """Two curators create the same slug at once: both pass validation, the database refuses the second."""
    event_create(data=_event_in())
    monkeypatch.setattr(Event, "validate_unique", lambda self, exclude=None: None)  # as if checked before the first
    with pytest.raises(ValidationError) as refused:
        event_create(data=_event_in(title="The same talks, typed twice"))
    assert refused.value.message_dict == {"slug": ["Another event has this slug."]}
    assert Event.objects.count() == 1
