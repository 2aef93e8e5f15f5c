"""The inlines of an event's admin page: participants, sources and topics, each row checked against the others."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from events.models import Event, Participation
from events.services import REPEATED_PARTICIPANT, repeated_participants
from events.services.event import EVENT_INPUT_FIELDS, LINKS, PARTICIPANT_INPUT_FIELDS, ParticipantIn
from people.selectors import offices_held_on


class ParticipationRowsFormSet(BaseInlineFormSet):
    """A person takes each role once: a row repeating another row's person and role is an error on that row
    (the database's unique constraint would otherwise fail the save)."""

    def clean(self) -> None:
        super().clean()
        rows = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE") and not f.errors]
        pairs = [(f.instance.person_id, f.instance.role) for f in rows]  # the rows' cleaned values
        for index in repeated_participants(pairs):
            rows[index].add_error("role", REPEATED_PARTICIPANT)


class ParticipationInline(admin.TabularInline):
    model = Participation
    formset = ParticipationRowsFormSet
    extra = 0
    autocomplete_fields = ["person", "office", "country", "source"]
    fields = [
        "person",
        "description",
        "role",
        "title_as_reported",
        "office",
        "office_from_tenures",
        "country",
        "affiliation",
        "source",
    ]
    readonly_fields = ["office_from_tenures"]

    class Media:
        js = ["admin/js/jquery.init.js", "admin/events/office_from_tenures.js"]  # after django.jQuery

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "person", "office", "country", "source")

    @admin.display(description="held that day (tenures)")
    def office_from_tenures(self, obj: Participation) -> str:
        """What the tenures say the person held on the event date; the office field may override it."""
        if not obj.pk or not obj.person_id:
            return "–"
        offices = offices_held_on(person=obj.person_id, day=obj.event.start_date)
        return "; ".join(o.title for o in offices) or "no known office"


class AtLeastOneFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if not kept:
            raise ValidationError("Every event rests on at least one source.")


class EventSourceInline(admin.TabularInline):
    model = Event.sources.through
    formset = AtLeastOneFormSet
    extra = 1
    autocomplete_fields = ["source"]
    verbose_name = "source"
    verbose_name_plural = "sources"


class EventTopicInline(admin.TabularInline):
    model = Event.topics.through
    extra = 0
    autocomplete_fields = ["topic"]
    verbose_name = "topic"
    verbose_name_plural = "topics"


def page_changes(event: Event, formsets) -> dict:
    """What the event page asks for, as ``EventIn`` fields: the event's own fields (the form has set them on
    ``event``), and each list whose inline is on the page (one the user may not see is left as it is)."""
    changes = {name: getattr(event, name) for name in EVENT_INPUT_FIELDS if name not in LINKS}
    for formset in formsets:
        kept = [f.instance for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if formset.model is Participation:
            changes["participants"] = [
                ParticipantIn(**{n: getattr(p, n) for n in PARTICIPANT_INPUT_FIELDS}) for p in kept
            ]
        elif formset.model is Event.topics.through:
            changes["topics"] = [row.topic for row in kept]
        elif formset.model is Event.sources.through:
            changes["sources"] = [row.source for row in kept]
    return changes
