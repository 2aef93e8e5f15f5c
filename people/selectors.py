"""Read queries for people, offices and tenures, shared by REST, GraphQL and the admin."""

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet

from common.filters import changed_after, check_known_slugs
from common.models import DatePrecision
from people.models import Country, Office, Person, Tenure, TenureStatus
from people.search import office_search, person_search, tenure_search


def known_country_codes(codes: Iterable[str], *, field: str = "country") -> list[str]:
    """Upper-case ISO2 codes, refusing malformed or unknown ones with a message naming ``field``."""
    return list(known_countries(codes, field=field))


def known_countries(codes: Iterable[str], *, field: str = "country") -> dict[str, int]:
    """``known_country_codes`` with each country's id, in the order given."""
    wanted = [c.strip().upper() for c in codes if c and c.strip()]
    malformed = [c for c in wanted if len(c) != 2 or not c.isalpha()]
    if malformed:
        raise ValidationError({field: f"Not an ISO 3166-1 alpha-2 code: {', '.join(malformed)}."})
    if not wanted:
        return {}
    found = dict(Country.objects.filter(iso2__in=wanted).values_list("iso2", "id"))
    unknown = [c for c in wanted if c not in found]
    if unknown:
        raise ValidationError({field: f"Unknown country code: {', '.join(unknown)}."})
    return {c: found[c] for c in wanted}


def tenures_on(*, day: date, country: str | None = None) -> QuerySet[Tenure]:
    """Tenures in force on ``day``, optionally in one country (ISO2).

    A tenure runs from its start up to (not including) its end day, so on a
    handover day the successor holds the office. An end known only to the
    month (year) counts as lasting through that month (year): the record
    cannot rule the tenure out, and a curator would rather see it.
    """
    qs = Tenure.objects.filter(start__lte=day).filter(
        Q(end__isnull=True)
        | Q(end_precision=DatePrecision.DAY, end__gt=day)
        | Q(end_precision=DatePrecision.MONTH, end__gte=day.replace(day=1))
        | Q(end_precision=DatePrecision.YEAR, end__gte=day.replace(month=1, day=1))
    )
    if country:
        qs = qs.filter(office__country__iso2=country.upper())
    return qs.select_related("person", "office", "office__country")


def offices_held_on(*, person: Person | int, day: date) -> list[Office]:
    """Offices the person held (as holder or acting) on ``day``, most recently started first."""
    person_id = person if isinstance(person, int) else person.pk
    tenures = (
        tenures_on(day=day)
        .filter(person_id=person_id, status__in=[TenureStatus.HOLDER, TenureStatus.ACTING])
        .order_by("-start", "id")
    )
    return [t.office for t in tenures]


def office_held_on(*, person: Person | int, day: date, title_as_reported: str = "") -> Office | None:
    """The office a person held on ``day``; when several, the one whose titles match the report's.

    Returns None when the person held no known office that day, or held
    several and the reported title does not tell which.
    """
    offices = offices_held_on(person=person, day=day)
    if len(offices) <= 1:
        return offices[0] if offices else None
    wanted = title_as_reported.strip().casefold()
    if not wanted:
        return None
    scores: dict[Office, int] = {}
    for office in offices:
        for title in (office.title, *(t.name for t in office.other_titles.all())):
            title = title.casefold()
            if title == wanted:
                score = 10_000  # the report used this very title
            elif title in wanted:
                score = len(title)  # the longer the official title inside the report's, the more specific
            elif wanted in title:
                score = len(wanted)
            else:
                continue
            scores[office] = max(scores.get(office, 0), score)
    if not scores:
        return None
    best = max(scores.values())
    winners = [office for office, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


def country_list(*, q: str | None = None, updated_since: datetime | None = None) -> QuerySet[Country]:
    """Countries, optionally whose name contains ``q`` or whose ISO2/ISO3 code is ``q``."""
    qs = Country.objects.prefetch_related("other_names")
    if updated_since:
        qs = qs.filter(changed_after(updated_since))
    if q and q.strip():
        term = q.strip()
        qs = qs.filter(Q(name__icontains=term) | Q(iso2__iexact=term) | Q(iso3__iexact=term))
    return qs


def person_list(
    *,
    q: str | None = None,
    country: str | None = None,
    office: str | None = None,
    updated_since: datetime | None = None,
) -> QuerySet[Person]:
    """People, optionally matching a name form, of a nationality (ISO2), or who held an office (slug)."""
    check_known_slugs(office=(Office, office))
    qs = Person.objects.select_related("nationality")
    if updated_since:
        qs = qs.filter(changed_after(updated_since))
    if q:
        qs = qs.filter(person_search(q))
    if country:
        (iso2,) = known_country_codes([country])
        qs = qs.filter(nationality__iso2=iso2)
    if office:
        qs = qs.filter(Exists(Tenure.objects.filter(person=OuterRef("pk"), office__slug=office)))
    return qs


def office_list(
    *, q: str | None = None, country: str | None = None, updated_since: datetime | None = None
) -> QuerySet[Office]:
    qs = Office.objects.select_related("country")
    if updated_since:
        qs = qs.filter(changed_after(updated_since))
    if q:
        qs = qs.filter(office_search(q))
    if country:
        (iso2,) = known_country_codes([country])
        qs = qs.filter(country__iso2=iso2)
    return qs


def tenure_list(
    *,
    office: str | None = None,
    person: str | None = None,
    country: str | None = None,
    q: str | None = None,
    on: date | None = None,
    updated_since: datetime | None = None,
) -> QuerySet[Tenure]:
    """Tenures by office slug, person slug, country (ISO2), name search, or in force ``on`` a day."""
    check_known_slugs(office=(Office, office), person=(Person, person))
    qs = tenures_on(day=on) if on else Tenure.objects.select_related("person", "office", "office__country")
    if updated_since:
        qs = qs.filter(changed_after(updated_since))
    if office:
        qs = qs.filter(office__slug=office)
    if person:
        qs = qs.filter(person__slug=person)
    if country:
        (iso2,) = known_country_codes([country])
        qs = qs.filter(office__country__iso2=iso2)
    if q:
        qs = qs.filter(tenure_search(q))
    return qs


def tenures_with_people_and_offices() -> QuerySet[Tenure]:
    return Tenure.objects.select_related("person", "office", "office__country").order_by("start", "id")


def person_with_details(qs: QuerySet[Person]) -> QuerySet[Person]:
    """A person's other names, identifiers and tenures, in a fixed number of queries whatever the page size."""
    return qs.prefetch_related(
        "other_names", "identifiers", Prefetch("tenures", queryset=tenures_with_people_and_offices())
    )


def office_with_details(qs: QuerySet[Office]) -> QuerySet[Office]:
    """An office's press titles and its holders (tenures with their people)."""
    return qs.prefetch_related("other_titles", Prefetch("tenures", queryset=tenures_with_people_and_offices()))


def tenure_with_details(qs: QuerySet[Tenure]) -> QuerySet[Tenure]:
    """The tenure's person, office and the sources that record it."""
    from sources.models import Source

    return qs.select_related("person", "office", "office__country").prefetch_related(
        Prefetch("sources", queryset=Source.objects.order_by("id"))
    )


def last_people_change() -> datetime | None:
    """When a person, office, tenure or country was last written or deleted (index lookups): the Popolo
    export's Last-Modified, as ``events.selectors.last_event_change`` is the event exports'."""
    moments = []
    for model in (Person, Office, Tenure, Country):
        moments.append(model.objects.aggregate(at=Max("updated_at"))["at"])
        moments.append(model.history.aggregate(at=Max("history_date"))["at"])  # deletions too
    return max((t for t in moments if t is not None), default=None)
