"""Integrity rules, readable names and ontology codes of topics, sources, events and participations."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from common.models import DatePrecision
from events.kinds import EventKind
from events.models import Participation, ParticipationRole, Topic
from sources.models import Source
from tests.factories import (
    EventFactory,
    OfficeFactory,
    ParticipationFactory,
    PersonFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


# --- events ----------------------------------------------------------------------


def test_database_refuses_event_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start_date=D(2021, 3, 2), end_date=D(2021, 3, 1))


def test_full_clean_refuses_event_ending_before_it_starts_on_end_date():
    with pytest.raises(ValidationError) as exc:
        EventFactory.build(start_date=D(2021, 3, 2), end_date=D(2021, 3, 1)).full_clean()
    assert exc.value.message_dict == {"end_date": ["An event cannot end before it starts."]}


def test_full_clean_refuses_month_precision_event_date_that_is_not_the_first():
    event = EventFactory.build(start_date=D(2020, 8, 15), start_precision=DatePrecision.MONTH)
    with pytest.raises(ValidationError) as exc:
        event.full_clean()
    assert list(exc.value.message_dict) == ["start_date"]


def test_full_clean_refuses_year_precision_end_date_that_is_not_first_of_january():
    event = EventFactory.build(start_date=D(2020, 1, 1), end_date=D(2020, 6, 1), end_precision=DatePrecision.YEAR)
    with pytest.raises(ValidationError) as exc:
        event.full_clean()
    assert list(exc.value.message_dict) == ["end_date"]


def test_full_clean_accepts_month_precision_event_stored_as_the_first():
    EventFactory.build(start_date=D(2020, 8, 1), start_precision=DatePrecision.MONTH).full_clean()


def test_database_refuses_two_events_with_the_same_slug():
    EventFactory(slug="choi-biegun-talks-2020-07-08")
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(slug="choi-biegun-talks-2020-07-08")


def test_full_clean_refuses_a_taken_event_slug_on_slug():
    EventFactory(slug="choi-biegun-talks-2020-07-08")
    with pytest.raises(ValidationError) as exc:
        EventFactory.build(slug="choi-biegun-talks-2020-07-08").full_clean()
    assert list(exc.value.message_dict) == ["slug"]


def test_event_str_shows_title_and_date_as_precise_as_known():
    event = EventFactory.build(
        title="Strategic dialogue", start_date=D(2020, 8, 1), start_precision=DatePrecision.MONTH
    )
    assert str(event) == "Strategic dialogue (2020-08)"


def test_phone_call_maps_to_cameo_041_and_plover_consult_by_phone():
    event = EventFactory.build(kind=EventKind.PHONE_CALL)
    assert (event.cameo_code, event.plover_category, event.plover_mode) == ("041", "CONSULT", "phone")


def test_visit_maps_to_cameo_042_and_plover_consult_visit():
    event = EventFactory.build(kind=EventKind.VISIT)
    assert (event.cameo_code, event.plover_category, event.plover_mode) == ("042", "CONSULT", "visit")


def test_statement_maps_to_cameo_010_with_no_plover_category():
    event = EventFactory.build(kind=EventKind.STATEMENT)
    assert (event.cameo_code, event.plover_category, event.plover_mode) == ("010", "", "")


@pytest.mark.parametrize("kind", EventKind.values)
def test_every_event_kind_has_a_three_digit_cameo_code(kind):
    code = EventFactory.build(kind=kind).cameo_code
    assert len(code) == 3 and code.isdigit()


# --- topics ----------------------------------------------------------------------


def test_topic_str_shows_its_parent():
    security = TopicFactory(name="Security")
    assert str(TopicFactory(name="Denuclearization", parent=security)) == "Security › Denuclearization"


def test_full_clean_accepts_topics_max_depth_levels_deep():
    topic = None
    for _ in range(Topic.MAX_DEPTH - 1):
        topic = TopicFactory(parent=topic)
    TopicFactory.build(parent=topic).full_clean()


def test_full_clean_refuses_topic_deeper_than_max_depth_on_parent():
    topic = None
    for _ in range(Topic.MAX_DEPTH):
        topic = TopicFactory(parent=topic)
    with pytest.raises(ValidationError) as exc:
        TopicFactory.build(parent=topic).full_clean()
    assert exc.value.message_dict == {"parent": [f"Topics nest at most {Topic.MAX_DEPTH} levels deep."]}


def test_full_clean_refuses_topic_as_its_own_parent():
    topic = TopicFactory()
    topic.parent = topic
    with pytest.raises(ValidationError) as exc:
        topic.full_clean()
    assert exc.value.message_dict == {"parent": ["A topic cannot be its own ancestor."]}


def test_full_clean_refuses_a_cycle_through_a_descendant():
    root = TopicFactory()
    child = TopicFactory(parent=root)
    root.parent = child
    with pytest.raises(ValidationError) as exc:
        root.full_clean()
    assert exc.value.message_dict == {"parent": ["A topic cannot be its own ancestor."]}


def test_full_clean_refuses_moving_a_topic_whose_children_would_exceed_max_depth():
    deep_parent = None
    for _ in range(Topic.MAX_DEPTH - 1):
        deep_parent = TopicFactory(parent=deep_parent)
    moved = TopicFactory()
    TopicFactory(parent=moved)
    moved.parent = deep_parent
    with pytest.raises(ValidationError):
        moved.full_clean()


# --- sources ---------------------------------------------------------------------


def test_database_refuses_two_sources_with_the_same_url():
    SourceFactory(url="https://www.koreaherald.com/view.php?ud=20200708000799")
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(url="https://www.koreaherald.com/view.php?ud=20200708000799")


def test_database_accepts_many_sources_without_url():
    SourceFactory.create_batch(3, url="")
    assert Source.objects.filter(url="").count() == 3


def test_full_clean_refuses_a_source_url_already_recorded():
    SourceFactory(url="https://www.koreaherald.com/view.php?ud=20200708000799")
    with pytest.raises(ValidationError):
        SourceFactory.build(url="https://www.koreaherald.com/view.php?ud=20200708000799").full_clean()


def test_full_clean_reports_a_duplicate_source_url_on_url():
    SourceFactory(url="https://www.koreaherald.com/view.php?ud=20200708000799")
    with pytest.raises(ValidationError) as exc:
        SourceFactory.build(url="https://www.koreaherald.com/view.php?ud=20200708000799").full_clean()
    assert "url" in exc.value.message_dict


def test_full_clean_accepts_another_source_without_url():
    SourceFactory(url="")
    SourceFactory.build(url="").full_clean()


def test_source_str_shows_publisher_headline_and_date():
    source = SourceFactory.build(publisher="Yonhap", headline="Biegun arrives in Seoul", published_on=D(2020, 7, 7))
    assert str(source) == "Yonhap: Biegun arrives in Seoul (2020-07-07)"


# --- participations --------------------------------------------------------------


def test_database_refuses_participation_with_neither_person_nor_description():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(event=event, person=None, description="")


def test_database_accepts_an_unnamed_participant_described_by_the_report():
    ParticipationFactory(person=None, description="a senior presidential official")
    assert Participation.objects.get().description == "a senior presidential official"


def test_full_clean_refuses_participation_with_neither_person_nor_description_on_person():
    participation = Participation(event=EventFactory(), person=None, description="   ")
    with pytest.raises(ValidationError) as exc:
        participation.full_clean()
    assert exc.value.message_dict == {
        "person": ["Name a person, or describe the participant the report leaves unnamed."]
    }


def test_database_refuses_the_same_person_twice_in_the_same_role():
    first = ParticipationFactory(role=ParticipationRole.HOST)
    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipationFactory(event=first.event, person=first.person, role=ParticipationRole.HOST)


def test_database_accepts_the_same_person_in_two_roles_and_several_described_participants():
    first = ParticipationFactory(role=ParticipationRole.HOST)
    ParticipationFactory(event=first.event, person=first.person, role=ParticipationRole.PARTICIPANT)
    ParticipationFactory.create_batch(2, event=first.event, person=None, description="an official")
    assert first.event.participations.count() == 4


def test_participation_str_names_person_office_and_role():
    participation = ParticipationFactory.build(
        person=PersonFactory(name="Choi Jong-kun"),
        office=OfficeFactory(title="First Vice Minister of Foreign Affairs"),
        role=ParticipationRole.HOST,
    )
    assert str(participation) == "Choi Jong-kun, First Vice Minister of Foreign Affairs (host)"


def test_participation_str_uses_description_for_an_unnamed_participant():
    participation = ParticipationFactory.build(person=None, description="a senior official")
    assert str(participation) == "a senior official (participant)"
