"""tenure_create: the one way the app records a tenure (overlaps are in test_tenure_overlap.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from common.models import DatePrecision
from people.models import Tenure
from people.services import tenure_create
from tests.factories import OfficeFactory, PersonFactory, SourceFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_tenure_create_records_the_tenure_with_its_sources():
    person, office = PersonFactory(name="Choi Jong-kun"), OfficeFactory()
    sources = SourceFactory.create_batch(2)
    tenure = tenure_create(
        person=person,
        office=office,
        start=D(2020, 8, 1),
        start_precision=DatePrecision.MONTH,
        end=D(2022, 5, 10),
        sources=sources,
    )
    stored = Tenure.objects.get(pk=tenure.pk)
    assert (stored.person, stored.office, stored.start, stored.start_precision, stored.end) == (
        person,
        office,
        D(2020, 8, 1),
        DatePrecision.MONTH,
        D(2022, 5, 10),
    )
    assert set(stored.sources.all()) == set(sources)


def test_tenure_create_refuses_an_unnormalised_month_date_and_saves_nothing():
    with pytest.raises(ValidationError) as exc:
        tenure_create(
            person=PersonFactory(), office=OfficeFactory(), start=D(2020, 8, 15), start_precision=DatePrecision.MONTH
        )
    assert "start" in exc.value.message_dict
    assert not Tenure.objects.exists()


def test_tenure_create_refuses_end_before_start_and_saves_nothing():
    with pytest.raises(ValidationError) as exc:
        tenure_create(person=PersonFactory(), office=OfficeFactory(), start=D(2021, 5, 1), end=D(2021, 4, 1))
    assert exc.value.message_dict["end"] == ["A tenure cannot end before it starts."]
    assert not Tenure.objects.exists()
