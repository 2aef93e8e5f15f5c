"""Helpers for dates that carry a precision."""

from datetime import date

from common.models import DatePrecision


def format_with_precision(day: date | None, precision: str) -> str:
    """Render a date as much as it is known: '2020-12-09', '2020-12' or '2020'."""
    if day is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def is_normalised(day: date, precision: str) -> bool:
    """A month-precise date is stored as the 1st, a year-precise one as 1 January."""
    if precision == DatePrecision.MONTH:
        return day.day == 1
    if precision == DatePrecision.YEAR:
        return day.month == 1 and day.day == 1
    return True
