"""The country filter: events involving every given country, through the event's place or its participants.

On PostgreSQL the filter reads the country set the database keeps on each event (migration
events 0006); these tests check that set follows every kind of write, and that the filter
gives the same events as the rule it implements.
"""

import pytest
from django.db import connection

from events.models import Event, Participation, ReviewState
from events.selectors import EventFilters, event_list
from tests.factories import CountryFactory, EventFactory, ParticipationFactory


def country_set(event: Event) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT country_ids FROM events_event WHERE id = %s", [event.pk])
        return cursor.fetchone()[0]


def involves_all(event: Event, codes: set[str]) -> bool:
    """The rule, stated plainly: the event's country or a participant's country, for each code."""
    involved = set(event.participations.exclude(country=None).values_list("country__iso2", flat=True))
    if event.country_id:
        involved.add(event.country.iso2)
    return codes <= involved


@pytest.fixture
def countries(db):
    return [CountryFactory() for _ in range(4)]


@pytest.mark.postgresql
def test_the_set_follows_inserts_updates_deletes_and_the_events_own_country(countries):
    a, b, c, d = countries
    event = EventFactory(country=a)
    assert country_set(event) == [a.pk]
    first = ParticipationFactory(event=event, country=b)
    ParticipationFactory(event=event, country=b)
    assert country_set(event) == sorted([a.pk, b.pk])
    first.country = c
    first.save()
    assert country_set(event) == sorted([a.pk, b.pk, c.pk])
    event.country = d
    event.save()
    assert country_set(event) == sorted([b.pk, c.pk, d.pk])
    Participation.objects.filter(event=event).delete()
    assert country_set(event) == [d.pk]


@pytest.mark.postgresql
def test_moving_a_participation_to_another_event_updates_both(countries):
    a, b, *_ = countries
    one, other = EventFactory(), EventFactory()
    moved = ParticipationFactory(event=one, country=a)
    ParticipationFactory(event=other, country=b)
    Participation.objects.filter(pk=moved.pk).update(event=other)
    assert country_set(one) == []
    assert country_set(other) == sorted([a.pk, b.pk])


@pytest.mark.postgresql
def test_bulk_created_participations_are_counted(countries):
    a, b, *_ = countries
    events = [EventFactory() for _ in range(3)]
    Participation.objects.bulk_create(
        [
            Participation(event=e, country=country, role="participant", description="a delegate")
            for e in events
            for country in (a, b)
        ]
    )
    assert all(country_set(e) == sorted([a.pk, b.pk]) for e in events)


def test_the_filter_gives_the_events_involving_every_country(countries):
    a, b, c, _ = countries
    made = [
        EventFactory(country=a),  # a by place
        EventFactory(country=a),  # a by place, b by participant
        EventFactory(),  # a and b by participants
        EventFactory(country=c),  # c only
        EventFactory(),  # a, b, c by participants
    ]
    ParticipationFactory(event=made[1], country=b)
    ParticipationFactory(event=made[2], country=a)
    ParticipationFactory(event=made[2], country=b)
    for country in (a, b, c):
        ParticipationFactory(event=made[4], country=country)
    Event.objects.update(review_state=ReviewState.PUBLISHED)
    for codes in ({a.iso2}, {a.iso2, b.iso2}, {a.iso2, b.iso2, c.iso2}, {c.iso2}):
        found = set(event_list(filters=EventFilters(countries=tuple(codes))).values_list("pk", flat=True))
        expected = {e.pk for e in made if involves_all(e, codes)}
        assert found == expected, codes
        assert found  # every case matches something
