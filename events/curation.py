"""What a curator should look at before an event goes out: warnings computed in a fixed number of queries."""

from django.db.models import Exists, OuterRef, QuerySet

from common.dates import format_with_precision
from events.models import Event
from people.models import TenureStatus
from people.selectors import tenures_on


def event_warnings(*, event: Event) -> list[str]:
    """Readable warnings about ``event``: no source, participants who held no known office that day.

    Three queries whatever the number of participants.
    """
    if event.pk is None:
        return []
    warnings = []
    if not event.sources.exists():
        warnings.append("This event has no source: it cannot be published until one is added.")
    named = list(event.participations.filter(person__isnull=False).select_related("person", "office"))
    if named and event.start_date:
        in_office = set(
            tenures_on(day=event.start_date)
            .filter(person_id__in={p.person_id for p in named}, status__in=[TenureStatus.HOLDER, TenureStatus.ACTING])
            .values_list("person_id", flat=True)
        )
        day = format_with_precision(event.start_date, event.start_precision)
        for p in named:
            if p.person_id not in in_office:
                given = f" (the office given by hand is {p.office.title})" if p.office_id else ""
                warnings.append(
                    f"{p.person.name} held no known office on {day}: no tenure covers that day{given}. "
                    "Check the person's tenures."
                )
    return warnings


def events_without_source(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.exclude(Exists(Event.sources.through.objects.filter(event_id=OuterRef("pk"))))
