"""Writes for people, offices and tenures."""

from datetime import date

from django.db import transaction

from common.models import DatePrecision
from events.models import Source
from people.models import Office, Person, Tenure, TenureStatus


@transaction.atomic
def tenure_create(
    *,
    person: Person,
    office: Office,
    start: date,
    start_precision: str = DatePrecision.DAY,
    end: date | None = None,
    end_precision: str = DatePrecision.DAY,
    status: str = TenureStatus.HOLDER,
    note: str = "",
    sources: list[Source] | None = None,
) -> Tenure:
    """Record that ``person`` held ``office``; refuses overlaps with a clear message."""
    tenure = Tenure(
        person=person,
        office=office,
        start=start,
        start_precision=start_precision,
        end=end,
        end_precision=end_precision,
        status=status,
        note=note,
    )
    tenure.full_clean()  # also copies office.single_holder and checks overlaps
    tenure.save()
    if sources:
        tenure.sources.set(sources)
    return tenure
