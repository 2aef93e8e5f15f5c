"""Sources: deleting only what no published event rests on."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet

from common.history import touch
from events.models import Event
from events.selectors import published_events_citing
from sources.models import Source

SHOWN = 5  # events named in a refusal; the rest are counted


def refuse_while_held(holders: QuerySet[Event], what: str, remedy: str) -> None:
    """Raise a ValidationError naming the published events in ``holders`` (the first few), if there are any."""
    total = holders.count()
    if total:
        shown = list(holders[:SHOWN])
        named = "; ".join(f"{e.title} ({e.start_date})" for e in shown)
        more = f"; and {total - len(shown)} more" if total > len(shown) else ""
        raise ValidationError(f"{total} published event(s) {what}: {named}{more}. {remedy}")


def source_save(*, source: Source, changed: set[str] | None = None) -> Source:
    """Write ``source`` as a form set it (validated there); for an edit, the events citing it are recorded as
    changed too (``source_changed``)."""
    source.save()
    if changed:
        source_changed(source=source, fields=changed)
    return source


def source_changed(*, source: Source, fields: set[str]) -> None:
    """``source`` was saved with ``fields`` changed: the events that cite it show it, so they changed too
    (``updated_since``, the changes feed)."""
    if fields:
        cited = Event.objects.filter(Q(sources=source) | Q(participations__source=source)).distinct()
        touch(cited, f"source {source.pk} edited")


@transaction.atomic
def source_delete(*, source: Source) -> None:
    """Delete ``source`` unless a published event rests on it (deleting would silently unlink the report)."""
    refuse_while_held(
        published_events_citing(source=source),
        "rest on this source",
        "Retract them or give them another source first.",
    )
    source.delete()
