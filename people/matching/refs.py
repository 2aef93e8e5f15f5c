"""What the name index holds about each person, office, country and tenure: small, immutable, no queries."""

from dataclasses import dataclass
from datetime import date

from common.models import DatePrecision


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str
    slug: str
    surname: str
    nationality: str | None  # ISO2


@dataclass(frozen=True)
class OfficeRef:
    id: int
    title: str
    slug: str
    country: str | None  # ISO2; None for posts of international organisations
    titles: tuple[str, ...]  # the official title and the press titles


@dataclass(frozen=True)
class CountryRef:
    id: int
    iso2: str
    name: str


@dataclass(frozen=True)
class TenureRef:
    person_id: int
    office_id: int
    start: date
    end: date | None
    end_precision: str
    status: str

    def covers(self, day: date) -> bool:
        """The rule of ``people.selectors.tenures_on``: up to (not including) the end day; an end known only to
        the month or year lasts through that month or year."""
        if self.start > day:
            return False
        if self.end is None:
            return True
        if self.end_precision == DatePrecision.MONTH:
            return self.end >= day.replace(day=1)
        if self.end_precision == DatePrecision.YEAR:
            return self.end >= day.replace(month=1, day=1)
        return self.end > day
