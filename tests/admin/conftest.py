"""Admin clients signed in as the shared roles (tests/conftest.py), and the people and events they work on."""

import datetime

import pytest

from events.models import Event, ReviewState
from tests.factories import (
    CountryFactory,
    OfficeFactory,
    ParticipationFactory,
    PersonFactory,
    SourceFactory,
    TenureFactory,
)

D = datetime.date


@pytest.fixture(autouse=True)
def _fresh_country_codes():
    """Factory sequences outlive a test: start country codes afresh, so later suites never drift into real
    codes the seed data uses (the 147th code is FR)."""
    yield
    CountryFactory.reset_sequence()


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def choi(db):
    """Choi Jong-kun, First Vice Minister of Foreign Affairs of South Korea from 2020-08-20 to 2022-05-10."""
    korea = CountryFactory(iso2="KR", name="South Korea")
    person = PersonFactory(name="Choi Jong-kun", sort_name="Choi, Jong-kun", slug="choi-jong-kun")
    office = OfficeFactory(title="First Vice Minister of Foreign Affairs", country=korea, slug="kr-1vfm")
    TenureFactory(person=person, office=office, start=D(2020, 8, 20), end=D(2022, 5, 10))
    return person


def sourced_event(state: str = ReviewState.DRAFT, **fields) -> Event:
    """An event with a source and one participant, in ``state``."""
    participation = ParticipationFactory(event__review_state=state, **{f"event__{k}": v for k, v in fields.items()})
    participation.event.sources.add(SourceFactory())
    return participation.event
