"""Who held which office on a given day."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from people.models import TenureStatus
from people.selectors import office_held_on, tenures_on
from people.services import tenure_create
from tests.factories import CountryFactory, OfficeFactory, OfficeTitleFactory, PersonFactory, TenureFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def korea():
    return CountryFactory(iso2="KR", name="South Korea")


@pytest.fixture
def vice_minister(korea):
    return OfficeFactory(title="First Vice Minister of Foreign Affairs", country=korea)


def _people(tenures) -> set[str]:
    return {t.person.name for t in tenures}


# --- tenures_on -----------------------------------------------------------------


def test_tenures_on_day_returns_holder_in_force(vice_minister):
    TenureFactory(person=PersonFactory(name="Choi Jong-kun"), office=vice_minister, start=D(2020, 8, 20), end=None)
    assert _people(tenures_on(day=D(2021, 3, 1))) == {"Choi Jong-kun"}


def test_tenures_on_day_returns_acting_holder(vice_minister):
    TenureFactory(
        person=PersonFactory(name="Lee Do-hoon"),
        office=vice_minister,
        status=TenureStatus.ACTING,
        start=D(2022, 5, 10),
        end=D(2022, 5, 16),
    )
    assert _people(tenures_on(day=D(2022, 5, 12))) == {"Lee Do-hoon"}


def test_tenures_on_day_excludes_ended_and_not_yet_started_tenures(vice_minister):
    TenureFactory(
        person=PersonFactory(name="Cho Sei-young"), office=vice_minister, start=D(2019, 1, 1), end=D(2020, 8, 19)
    )
    TenureFactory(person=PersonFactory(name="Choi Jong-kun"), office=vice_minister, start=D(2020, 8, 20), end=None)
    assert _people(tenures_on(day=D(2020, 8, 18))) == {"Cho Sei-young"}
    assert _people(tenures_on(day=D(2020, 8, 21))) == {"Choi Jong-kun"}
    assert _people(tenures_on(day=D(2018, 12, 31))) == set()


def test_tenures_on_day_includes_the_first_day_in_office(vice_minister):
    TenureFactory(
        person=PersonFactory(name="Choi Jong-kun"), office=vice_minister, start=D(2020, 8, 20), end=D(2022, 5, 10)
    )
    assert _people(tenures_on(day=D(2020, 8, 19))) == set()
    assert _people(tenures_on(day=D(2020, 8, 20))) == {"Choi Jong-kun"}
    assert _people(tenures_on(day=D(2022, 5, 11))) == set()


def test_tenures_on_shows_exactly_one_holder_each_day_around_a_handover(vice_minister):
    # Whether the successor may start on the predecessor's last recorded day is the overlap rule's
    # business; whichever it is, the day-by-day answer never shows two holders or none.
    handover = D(2022, 5, 10)
    tenure_create(person=PersonFactory(name="Choi Jong-kun"), office=vice_minister, start=D(2020, 8, 20), end=handover)
    successor = PersonFactory(name="Cho Hyun-dong")
    try:
        tenure_create(person=successor, office=vice_minister, start=handover)
    except ValidationError:
        tenure_create(person=successor, office=vice_minister, start=handover + datetime.timedelta(days=1))
    for offset in (-1, 0, 1, 2):
        day = handover + datetime.timedelta(days=offset)
        assert len(tenures_on(day=day).filter(office=vice_minister)) == 1, day


def test_tenures_on_day_filters_by_country_code_in_any_case(vice_minister):
    TenureFactory(person=PersonFactory(name="Choi Jong-kun"), office=vice_minister, start=D(2020, 8, 20))
    us_deputy = OfficeFactory(title="Deputy Secretary of State", country=CountryFactory(iso2="US"))
    TenureFactory(person=PersonFactory(name="Stephen Biegun"), office=us_deputy, start=D(2019, 12, 21))
    assert _people(tenures_on(day=D(2021, 1, 1), country="kr")) == {"Choi Jong-kun"}
    assert _people(tenures_on(day=D(2021, 1, 1))) == {"Choi Jong-kun", "Stephen Biegun"}


# --- office_held_on ---------------------------------------------------------------


def test_office_held_on_returns_the_only_office_held(vice_minister):
    choi = PersonFactory(name="Choi Jong-kun")
    TenureFactory(person=choi, office=vice_minister, start=D(2020, 8, 20), end=D(2022, 5, 10))
    assert office_held_on(person=choi, day=D(2021, 3, 1)) == vice_minister
    assert office_held_on(person=choi.pk, day=D(2021, 3, 1)) == vice_minister


def test_office_held_on_returns_none_outside_any_tenure(vice_minister):
    choi = PersonFactory()
    TenureFactory(person=choi, office=vice_minister, start=D(2020, 8, 20), end=D(2022, 5, 10))
    assert office_held_on(person=choi, day=D(2022, 5, 11)) is None


def test_office_held_on_does_not_count_a_designate_as_holding_the_office(vice_minister):
    person = PersonFactory()
    TenureFactory(person=person, office=vice_minister, status=TenureStatus.DESIGNATE, start=D(2020, 8, 1))
    assert office_held_on(person=person, day=D(2020, 8, 10)) is None


@pytest.fixture
def biegun():
    """Deputy Secretary of State and, at the same time, Special Representative for North Korea."""
    us = CountryFactory(iso2="US")
    person = PersonFactory(name="Stephen Biegun")
    deputy = OfficeFactory(title="Deputy Secretary of State", country=us)
    envoy = OfficeFactory(title="Special Representative for North Korea", country=us)
    OfficeTitleFactory(office=envoy, name="US nuclear envoy")
    TenureFactory(person=person, office=envoy, start=D(2018, 8, 23), end=D(2021, 1, 20))
    TenureFactory(person=person, office=deputy, start=D(2019, 12, 21), end=D(2021, 1, 20))
    return person, deputy, envoy


def test_office_held_on_uses_the_reported_title_to_choose_among_several(biegun):
    person, deputy, envoy = biegun
    day = D(2020, 7, 8)
    assert office_held_on(person=person, day=day, title_as_reported="Deputy Secretary of State") == deputy
    assert office_held_on(person=person, day=day, title_as_reported="special representative for north korea") == envoy


def test_office_held_on_matches_the_reported_title_against_other_titles(biegun):
    person, _, envoy = biegun
    assert office_held_on(person=person, day=D(2020, 7, 8), title_as_reported="US nuclear envoy") == envoy


def test_office_held_on_returns_none_when_several_and_no_title_reported(biegun):
    person, _, _ = biegun
    assert office_held_on(person=person, day=D(2020, 7, 8)) is None


def test_office_held_on_returns_none_when_the_reported_title_fits_none_of_several(biegun):
    person, _, _ = biegun
    assert office_held_on(person=person, day=D(2020, 7, 8), title_as_reported="Ambassador to Japan") is None


@pytest.fixture
def deputy_acting_as_secretary():
    """A deputy who is also acting secretary: 'Secretary of State' is contained in 'Deputy Secretary of State'."""
    person = PersonFactory(name="John Sullivan")
    deputy = OfficeFactory(title="Deputy Secretary of State")
    secretary = OfficeFactory(title="Secretary of State")
    TenureFactory(person=person, office=deputy, start=D(2017, 5, 24), end=D(2019, 12, 20))
    TenureFactory(person=person, office=secretary, status=TenureStatus.ACTING, start=D(2018, 3, 13), end=D(2018, 4, 26))
    return person, deputy, secretary


def test_office_held_on_prefers_the_exactly_reported_title_over_a_contained_one(deputy_acting_as_secretary):
    person, deputy, _ = deputy_acting_as_secretary
    assert office_held_on(person=person, day=D(2018, 4, 1), title_as_reported="Deputy Secretary of State") == deputy


def test_office_held_on_returns_none_when_the_reported_title_fits_several(deputy_acting_as_secretary):
    person, _, _ = deputy_acting_as_secretary
    assert office_held_on(person=person, day=D(2018, 4, 1), title_as_reported="Secretary") is None


def test_office_held_on_picks_the_acting_office_when_reported_exactly(deputy_acting_as_secretary):
    person, _, secretary = deputy_acting_as_secretary
    assert office_held_on(person=person, day=D(2018, 4, 1), title_as_reported="Secretary of State") == secretary
