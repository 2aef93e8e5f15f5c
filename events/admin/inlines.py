"""The inlines of an event's admin page: participants, sources and topics, each row checked against the others."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet

from events.models import Event, Participation
from events.services import REPEATED_PARTICIPANT, participation_fill_derived, repeated_participants
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

    # The office held that day and the country represented, where left empty: the rule the services apply.

    def save_new(self, form, commit=True):
        setattr(form.instance, self.fk.name, self.instance)  # the event, saved by now
        participation_fill_derived(participation=form.instance)
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        participation_fill_derived(participation=obj)
        return super().save_existing(form, obj, commit)


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
