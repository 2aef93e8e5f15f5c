"""Validation shared by every filter front end (REST query strings, GraphQL inputs).

Selectors raise ``django.core.exceptions.ValidationError`` keyed by the filter's
name; each API turns that into its own error shape (HTTP 400, a GraphQL error).
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Model, Q

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


def check_known_slugs(**wanted: tuple[type[Model], str | None]) -> None:
    """Refuse slugs that name nothing: ``check_known_slugs(person=(Person, "nobody"))`` raises
    ``ValidationError({"person": "Unknown person: nobody."})``, one query per slug given.

    Every unknown slug is reported at once, keyed by the selector's argument name.
    """
    errors = {
        name: f"Unknown {model._meta.verbose_name}: {value}."
        for name, (model, value) in wanted.items()
        if value and not model.objects.filter(slug=value).exists()
    }
    if errors:
        raise ValidationError(errors)


@contextmanager
def errors_named(names: Mapping[str, str]) -> Iterator[None]:
    """Re-key a selector's ``ValidationError`` by the names the caller's API uses (``{"q": "search"}``).

    Selectors name errors by their own arguments; REST and GraphQL call the same argument
    differently (``q`` / ``search``, ``date_from`` / ``dateFrom``), and each error should name
    the parameter the client sent.
    """
    try:
        yield
    except ValidationError as exc:
        if not hasattr(exc, "error_dict") or not names:
            raise
        raise ValidationError({names.get(key, key): errors for key, errors in exc.error_dict.items()}) from exc
