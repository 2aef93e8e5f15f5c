"""The events side of writes to people and offices (receivers of ``people.signals``, connected in
``EventsConfig.ready()``): participations follow a merge, and events that show a renamed person or office
are recorded as changed, so ``updated_since`` and the changes feed list them."""

from django.db.models import Q

from common.history import touch
from events.models import Event, Participation
from people.models import Country, Office, Person

# What an event's representation shows of a person and of an office (participants[].person, .office).
SHOWN_IN_EVENTS = {"person": {"name", "slug"}, "office": {"title", "slug", "country"}, "country": {"name", "iso2"}}


def participations_follow_person_merge(*, survivor: Person, duplicate: Person, reason: str, **kwargs) -> None:
    """The duplicate's participations move to the survivor; one the survivor has already (same event and
    role) is kept once."""
    touched = list(Event.objects.filter(participations__person=duplicate).distinct())
    for participation in Participation.objects.filter(person=duplicate):
        participation._change_reason = reason
        twin = Participation.objects.filter(event_id=participation.event_id, person=survivor, role=participation.role)
        if twin.exists():
            participation.delete()
            continue
        participation.person = survivor
        participation.save()
    touch(touched, reason)  # their participants changed


def participations_follow_office_merge(*, survivor: Office, duplicate: Office, reason: str, **kwargs) -> None:
    touched = list(Event.objects.filter(participations__office=duplicate).distinct())
    for participation in Participation.objects.filter(office=duplicate):
        participation.office = survivor
        participation._change_reason = reason
        participation.save()
    touch(touched, reason)


def events_showing_person_changed(*, instance: Person, fields: set[str], **kwargs) -> None:
    if fields & SHOWN_IN_EVENTS["person"]:
        touch(Event.objects.filter(participations__person=instance).distinct(), f"person {instance.pk} edited")


def events_showing_country_changed(*, instance: Country, fields: set[str], **kwargs) -> None:
    if fields & SHOWN_IN_EVENTS["country"]:
        shown = Event.objects.filter(Q(country=instance) | Q(participations__country=instance)).distinct()
        touch(shown, f"country {instance.iso2} edited")


def events_showing_office_changed(*, instance: Office, fields: set[str], **kwargs) -> None:
    if fields & SHOWN_IN_EVENTS["office"]:
        touch(Event.objects.filter(participations__office=instance).distinct(), f"office {instance.pk} edited")
