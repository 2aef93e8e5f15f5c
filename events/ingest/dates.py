"""Dates in a sentence, absolute or relative, resolved against the publication date at the precision they allow.

"on Wednesday" is the last Wednesday on or before the publication day for something that happened, the next
one on or after it for something announced; "last month", "in December" are months; "last week" is a month
only when the whole week lies in one; a date with no publication date to resolve it is left unresolved (the
curator sees the words and their span). Arithmetic with dateutil's ``relativedelta``; written dates with its
parser.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from common.models import DatePrecision
from events.ingest.metadata import parse_day

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
]  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PATTERNS = [
    ("iso", re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")),
    ("written", re.compile(rf"\b((?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?),?\s+\d{{4}})\b")),
    ("month_day", re.compile(rf"\b(?:on\s+)?((?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}))(?!\d|,?\s+\d{{4}})\b")),
    ("weekday", re.compile(r"\b(?:on\s+|late\s+(?:on\s+)?|early\s+(?:on\s+)?|last\s+|next\s+|this\s+)?"
                           r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s|’s)?\b")),
    ("relative_day", re.compile(r"\b(today|yesterday|tomorrow|tonight)\b", re.I)),
    ("relative", re.compile(r"\b(last|next|this|earlier this|later this)\s+(week|month|year)\b", re.I)),
    ("month", re.compile(r"\b(?:in|since|by|until|last|next|this)\s+((?:January|February|March|April|May|June|July|"
                         r"August|September|October|November|December))(?:\s+(\d{4}))?\b")),
]  # fmt: skip


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    text: str
    day: date | None  # None: unresolved (no publication date, or a span no unit holds)
    precision: str
    how: str

    def as_json(self) -> dict:
        return {
            "value": self.day.isoformat() if self.day else None,
            "precision": self.precision,
            "span": [self.start, self.end],
            "text": self.text,
            "how": self.how,
        }


def _weekday(published: date, name: str, text: str, future: bool) -> tuple[date, str]:
    wanted = WEEKDAYS.index(name.casefold())
    lowered = text.casefold()
    if lowered.startswith("next "):
        return published + timedelta(days=(wanted - published.weekday()) % 7 or 7), "next week's, after publication"
    if lowered.startswith("last ") or not future:
        back = (published.weekday() - wanted) % 7
        return published - timedelta(days=back), "the last such day on or before the publication date"
    return published + timedelta(days=(wanted - published.weekday()) % 7), "the next such day from publication"


def _span_precision(first: date, last: date) -> tuple[date | None, str]:
    if (first.year, first.month) == (last.year, last.month):
        return first.replace(day=1), DatePrecision.MONTH
    if first.year == last.year:
        return first.replace(month=1, day=1), DatePrecision.YEAR
    return None, ""


def _relative(published: date, which: str, unit: str) -> tuple[date | None, str]:
    which = which.casefold()
    step = {"last": -1, "next": 1}.get(which, 0)
    if unit == "year":
        return date(published.year + step, 1, 1), DatePrecision.YEAR
    if unit == "month":
        day = (published.replace(day=1) + relativedelta(months=step)).replace(day=1)
        return day, DatePrecision.MONTH
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
    return _span_precision(monday, monday + timedelta(days=6))


def _resolve(kind, match, published, precision, future) -> tuple[date | None, str, str]:
    if kind in ("iso", "written"):
        day = parse_day(match.group(1))
        return day, DatePrecision.DAY, "written in full"
    if published is None or precision != DatePrecision.DAY:
        return None, "", "relative, and the publication day is not known"
    if kind == "month_day":
        day = parse_day(f"{match.group(1)} {published.year}")
        if day and not future and day > published:
            day = day.replace(year=day.year - 1)
        return day, DatePrecision.DAY, "month and day, in the year of publication"
    if kind == "weekday":
        day, how = _weekday(published, match.group(1), match.group(0), future)
        return day, DatePrecision.DAY, how
    if kind == "relative_day":
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[match.group(1).casefold()]
        return published + timedelta(days=shift), DatePrecision.DAY, "relative to the publication date"
    if kind == "relative":
        day, unit_precision = _relative(published, match.group(1).split()[-1], match.group(2).casefold())
        how = "relative to the publication date" if day else "a week across two months: no month or year holds it"
        return day, unit_precision, how
    month = MONTHS.index(match.group(1).casefold()) + 1
    year = int(match.group(2)) if match.group(2) else published.year
    if not match.group(2) and not future and month > published.month:
        year -= 1
    if not match.group(2) and future and month < published.month:
        year += 1
    return date(year, month, 1), DatePrecision.MONTH, "a month, the nearest in the sense of the verb"


def find_dates(text: str, offset: int, published: date | None, precision: str, *, future: bool) -> list[FoundDate]:
    """Dates in ``text`` (a sentence starting at ``offset`` in the article), first written first."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            day, unit, how = _resolve(kind, match, published, precision, future)
            taken.append((start, end))
            found.append(FoundDate(offset + start, offset + end, match.group(0), day, unit, how))
    found.sort(key=lambda d: d.start)
    return found
