"""Writes for people, offices and tenures."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from common.history import save_with_links, touch
from common.merging import move_other_names
from common.models import DatePrecision
from people.models import Country, Office, Person, Tenure, TenureStatus
from people.signals import country_edited, office_edited, office_merging, person_edited, person_merging
from sources.models import Source


@transaction.atomic
def tenure_create(
    *,
    person: Person,
    office: Office,
    start: date,
    start_precision: str = DatePrecision.DAY,
    end: date | None = None,
    end_precision: str = DatePrecision.DAY,
    status: str = TenureStatus.HOLDER,
    note: str = "",
    sources: list[Source] | None = None,
    instance: Tenure | None = None,
) -> Tenure:
    """Record that ``person`` held ``office``; refuses overlaps with a clear message.

    ``instance``: an unsaved tenure to write into (the admin's add form holds one), instead of a new one.
    """
    return tenure_update(
        tenure=instance if instance is not None else Tenure(),
        person=person,
        office=office,
        start=start,
        start_precision=start_precision,
        end=end,
        end_precision=end_precision,
        status=status,
        note=note,
        sources=sources or [],
    )


# --- merging duplicates ---------------------------------------------------------------------------
# Every change is a saved row (never a bulk update), so django-simple-history records who merged
# what, and the ``_change_reason`` says which record was folded into which.


def _fill_blanks(survivor, dup, fields: list[str]) -> None:
    for name in fields:
        if not getattr(survivor, name) and getattr(dup, name):
            setattr(survivor, name, getattr(dup, name))


def _move_tenure(tenure: Tenure, *, reason: str, twin: Tenure | None) -> None:
    """Move ``tenure`` (already re-pointed) or, when the survivor has the same tenure, fold it into ``twin``."""
    if twin is not None:
        twin.sources.add(*tenure.sources.all())
        if tenure.note and tenure.note not in twin.note:
            twin.note = f"{twin.note}\n{tenure.note}".strip()
            twin._change_reason = reason
            twin.save()
        tenure._change_reason = reason
        tenure.delete()
        return
    tenure.full_clean()  # re-checks the one-holder-at-a-time rule with a readable message
    tenure._change_reason = reason
    tenure.save()


@transaction.atomic
def person_merge(*, survivor: Person, duplicates: list[Person]) -> Person:
    """Fold ``duplicates`` into ``survivor``: tenures, names and identifiers move (participations too, moved by
    the events app on ``person_merging``).

    The same participation (event and role) or tenure (office, start, status)
    recorded for both is kept once. Each duplicate's name becomes another name
    of the survivor. Refuses (and changes nothing) when both carry different
    identifiers in one scheme: they are then probably two people.
    """
    for dup in duplicates:
        if dup.pk == survivor.pk:
            raise ValidationError("A person cannot be merged into themselves.")
        reason = f"merged person {dup.pk} ({dup.name}) into {survivor.pk}"
        own_schemes = {i.scheme: i.identifier for i in survivor.identifiers.all()}
        for identifier in dup.identifiers.all():
            if identifier.scheme in own_schemes:
                raise ValidationError(
                    f"{survivor} and {dup} have different {identifier.get_scheme_display()} identifiers "
                    f"({own_schemes[identifier.scheme]}, {identifier.identifier}): are they the same person?"
                )
            identifier.person = survivor
            identifier._change_reason = reason
            identifier.save()
        person_merging.send(sender=Person, survivor=survivor, duplicate=dup, reason=reason)  # participations
        for tenure in dup.tenures.select_related("office"):
            twin = survivor.tenures.filter(office_id=tenure.office_id, start=tenure.start, status=tenure.status).first()
            tenure.person = survivor
            _move_tenure(tenure, reason=reason, twin=twin)
        move_other_names(
            names=dup.other_names.all(),
            known=survivor.other_names.all(),
            owner_field="person",
            survivor=survivor,
            old_name=dup.name,
            old_slug=dup.slug,
            reason=reason,
        )
        _fill_blanks(survivor, dup, ["native_name", "nationality_id", "description"])
        survivor._change_reason = reason
        survivor.save()
        dup._change_reason = reason
        dup.delete()
    return survivor


@transaction.atomic
def office_merge(*, survivor: Office, duplicates: list[Office]) -> Office:
    """Fold ``duplicates`` into ``survivor``: tenures and press titles move (participations too, moved by the
    events app on ``office_merging``).

    Moved tenures are checked again against the survivor's one-holder rule;
    an overlap refuses the whole merge with the usual message.
    """
    for dup in duplicates:
        if dup.pk == survivor.pk:
            raise ValidationError("An office cannot be merged into itself.")
        reason = f"merged office {dup.pk} ({dup.title}) into {survivor.pk}"
        for tenure in dup.tenures.all():
            twin = survivor.tenures.filter(person_id=tenure.person_id, start=tenure.start, status=tenure.status).first()
            tenure.office = survivor
            _move_tenure(tenure, reason=reason, twin=twin)
        office_merging.send(sender=Office, survivor=survivor, duplicate=dup, reason=reason)  # participations
        move_other_names(
            names=dup.other_titles.all(),
            known=survivor.other_titles.all(),
            owner_field="office",
            survivor=survivor,
            old_name=dup.title,
            old_slug=dup.slug,
            reason=reason,
        )
        _fill_blanks(survivor, dup, ["country_id", "body", "description"])
        survivor._change_reason = reason
        survivor.save()
        dup._change_reason = reason
        dup.delete()
    return survivor


@transaction.atomic
def tenure_update(
    *,
    tenure: Tenure,
    person: Person,
    office: Office,
    start: date,
    start_precision: str = DatePrecision.DAY,
    end: date | None = None,
    end_precision: str = DatePrecision.DAY,
    status: str = TenureStatus.HOLDER,
    note: str = "",
    sources: list[Source] | None = None,
) -> Tenure:
    """Replace what a tenure says; refuses overlaps and an end before the start, changing nothing."""
    tenure.person, tenure.office = person, office
    tenure.start, tenure.start_precision = start, start_precision
    tenure.end, tenure.end_precision = end, end_precision
    tenure.status, tenure.note = status, note
    tenure.full_clean()
    save_with_links(tenure, {"sources": sources} if sources is not None else {})
    return tenure


# What a tenure's representation shows of its person and office (and so a person's or office's tenures list).
SHOWN_IN_TENURES = {"person": {"name", "slug"}, "office": {"title", "slug", "country"}}
# What people and offices show of a country (nationality, country).
SHOWN_OF_COUNTRY = {"name", "iso2"}


def person_save(*, person: Person, changed: set[str] | None = None) -> Person:
    """Write ``person`` as a form or an import row set it (validated there, by the model's rules); for an edit,
    ``changed`` names the fields it changed, and what shows them is recorded as changed too."""
    person.save()
    if changed:
        person_changed(person=person, fields=changed)
    return person


def office_save(*, office: Office, changed: set[str] | None = None) -> Office:
    """As ``person_save``, for an office."""
    office.save()
    if changed:
        office_changed(office=office, fields=changed)
    return office


def country_save(*, country: Country, changed: set[str] | None = None) -> Country:
    """As ``person_save``, for a country."""
    country.save()
    if changed:
        country_changed(country=country, fields=changed)
    return country


def person_changed(*, person: Person, fields: set[str]) -> None:
    """``person`` was saved with ``fields`` changed (admin form, import): what shows those fields is recorded
    as changed (its tenures here, and so the offices listing them; events, told by signal)."""
    if fields & SHOWN_IN_TENURES["person"]:
        touch(person.tenures.all(), f"person {person.pk} edited")
    person_edited.send(sender=Person, instance=person, fields=fields)


def office_changed(*, office: Office, fields: set[str]) -> None:
    """As ``person_changed``, for an office."""
    if fields & SHOWN_IN_TENURES["office"]:
        touch(office.tenures.all(), f"office {office.pk} edited")
    office_edited.send(sender=Office, instance=office, fields=fields)


def country_changed(*, country: Country, fields: set[str]) -> None:
    """As ``person_changed``, for a country: the people of that nationality, its offices and their tenures."""
    if fields & SHOWN_OF_COUNTRY:
        reason = f"country {country.iso2} edited"
        touch(Person.objects.filter(nationality=country), reason)
        touch(Office.objects.filter(country=country), reason)
        touch(Tenure.objects.filter(office__country=country), reason)
    country_edited.send(sender=Country, instance=country, fields=fields)


TENURE_FIELDS = ["person", "office", "start", "start_precision", "end", "end_precision", "status", "note"]


def tenure_fields(tenure: Tenure) -> dict:
    """What ``tenure`` says (set by a form or an import row), as the tenure services take it."""
    return {name: getattr(tenure, name) for name in TENURE_FIELDS}


@transaction.atomic
def tenure_patch(*, tenure: Tenure, changes: dict) -> Tenure:
    """Change only the fields named in ``changes``; ``sources`` given replaces the list, left out keeps it."""
    unknown = set(changes) - {*TENURE_FIELDS, "sources"}
    if unknown:
        raise TypeError(f"tenure_patch() got fields a tenure does not have: {sorted(unknown)}")
    current = {name: getattr(tenure, name) for name in TENURE_FIELDS}
    return tenure_update(tenure=tenure, **(current | changes))


@transaction.atomic
def tenure_delete(*, tenure: Tenure) -> None:
    tenure.delete()
