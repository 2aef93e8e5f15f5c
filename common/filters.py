"""Validation shared by every filter front end (REST query strings, GraphQL inputs).

Selectors raise ``django.core.exceptions.ValidationError`` keyed by the filter's
name; each API turns that into its own error shape (HTTP 400, a GraphQL error).
"""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Q

# PostgreSQL refuses UTC offsets beyond ±15:59 ("time zone displacement out of range").
MAX_UTC_OFFSET = timedelta(hours=15, minutes=59)


def checked_moment(value: datetime, *, field: str) -> datetime:
    """``value`` (aware) in UTC, refusing offsets no database stores and moments outside the calendar."""
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_UTC_OFFSET:
        raise ValidationError({field: "The UTC offset is out of range (at most ±15:59)."})
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValidationError({field: "The date-time is out of range once converted to UTC."}) from None


def changed_after(moment: datetime) -> Q:
    """Rows changed strictly after ``moment`` (the ``updated_since`` filter of every list)."""
    return Q(updated_at__gt=checked_moment(moment, field="updated_since"))
