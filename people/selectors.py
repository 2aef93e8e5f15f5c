"""Read queries for people, offices and tenures, shared by REST, GraphQL and the admin."""

from datetime import date

from django.db.models import Q, QuerySet

from people.models import Office, Person, Tenure, TenureStatus


def tenures_on(*, day: date, country: str | None = None) -> QuerySet[Tenure]:
    """Tenures in force on ``day`` (start ≤ day ≤ end, or no end), optionally in one country (ISO2)."""
    qs = Tenure.objects.filter(Q(end__isnull=True) | Q(end__gte=day), start__lte=day)
    if country:
        qs = qs.filter(office__country__iso2=country.upper())
    return qs.select_related("person", "office", "office__country")


def tenure_overlaps(*, tenure: Tenure) -> QuerySet[Tenure]:
    """Other tenures that ``tenure`` may not overlap: same single-holder office, same non-acting status.

    A holder may overlap an acting holder, and a designate may overlap the
    incumbent; two holders (or two designates) of a one-holder office may not.
    The same rule is an exclusion constraint on PostgreSQL.
    """
    if not tenure.office.single_holder or tenure.status == TenureStatus.ACTING:
        return Tenure.objects.none()
    qs = Tenure.objects.filter(office_id=tenure.office_id, status=tenure.status)
    if tenure.end is not None:
        qs = qs.filter(start__lte=tenure.end)
    qs = qs.filter(Q(end__isnull=True) | Q(end__gte=tenure.start))
    if tenure.pk:
        qs = qs.exclude(pk=tenure.pk)
    return qs.select_related("person").order_by("start")


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
    for office in offices:
        titles = [office.title, *(t.name for t in office.other_titles.all())]
        if any(wanted == t.casefold() or wanted in t.casefold() or t.casefold() in wanted for t in titles):
            return office
    return None
