"""Sources: deleting only what no published event rests on."""

from django.core.exceptions import ValidationError
from django.db import transaction

from events.models import Event, Source
from events.selectors import published_events_citing

SHOWN = 5  # events named in a refusal; the rest are counted


def held_by(events: list[Event], total: int) -> str:
    named = "; ".join(f"{e.title} ({e.start_date})" for e in events)
    return named + (f"; and {total - len(events)} more" if total > len(events) else "")


@transaction.atomic
def source_delete(*, source: Source) -> None:
    """Delete ``source`` unless a published event rests on it (deleting would silently unlink the report)."""
    holders = published_events_citing(source=source)
    total = holders.count()
    if total:
        raise ValidationError(
            f"{total} published event(s) rest on this source: {held_by(list(holders[:SHOWN]), total)}. "
            "Retract them or give them another source first."
        )
    source.delete()
