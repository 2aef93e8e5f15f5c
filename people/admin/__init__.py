"""The people side of the curation admin: countries, people, offices and tenures.

Every page records history (and reverts from it); people, offices and tenures
import and export; duplicates of people and offices merge from an action.
"""

from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from common.admin import HistoryAdmin, ImportExportHistoryAdmin, merge_action
from people.models import (
    Country,
    CountryName,
    Office,
    OfficeTitle,
    Person,
    PersonIdentifier,
    PersonName,
    Tenure,
)
from people.resources import OfficeResource, PersonResource, TenureResource
from people.services import (
    country_save,
    office_merge,
    office_save,
    person_merge,
    person_save,
    tenure_create,
    tenure_delete,
    tenure_fields,
    tenure_update,
)


class CountryNameInline(admin.TabularInline):
    model = CountryName
    extra = 0


@admin.register(Country)
class CountryAdmin(HistoryAdmin):
    def save_model(self, request, obj, form, change):
        country_save(country=obj, changed=set(form.changed_data) if change else None)

    list_display = ["name", "iso2", "iso3", "updated_at"]
    search_fields = ["name", "iso2", "iso3", "other_names__name"]
    inlines = [CountryNameInline]


class PersonNameInline(admin.TabularInline):
    model = PersonName
    extra = 0


class PersonIdentifierInline(admin.TabularInline):
    model = PersonIdentifier
    extra = 0


class TenureRowsFormSet(BaseInlineFormSet):
    """Tenure rows checked against each other as well as against the database: two new rows of a
    one-holder office can clash though neither clashes with what is saved."""

    def clean(self) -> None:
        super().clean()
        rows = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE") and not f.errors]
        for index, form in enumerate(rows):
            for other in rows[:index]:
                if form.instance.clashes_with(other.instance):
                    form.add_error(
                        "start",
                        f"{form.instance.office.title} has one holder at a time, and this row overlaps the row of "
                        f"{other.instance.person} from {other.instance.start}.",
                    )
                    break

    # Rows are written by the tenure services, as every entry point writes them.

    def save_new(self, form, commit=True):
        setattr(form.instance, self.fk.name, self.instance)
        return tenure_create(**tenure_fields(form.instance), instance=form.instance)

    def save_existing(self, form, obj, commit=True):
        return tenure_update(tenure=obj, **tenure_fields(obj))

    def delete_existing(self, obj, commit=True):
        tenure_delete(tenure=obj)


class TenureInline(admin.TabularInline):
    model = Tenure
    formset = TenureRowsFormSet
    extra = 0
    autocomplete_fields = ["person", "office"]
    fields = ["person", "office", "status", "start", "start_precision", "end", "end_precision", "note"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "office", "office__country")


class PersonTenureInline(TenureInline):
    fk_name = "person"


class OfficeTenureInline(TenureInline):
    fk_name = "office"


@admin.register(Person)
class PersonAdmin(ImportExportHistoryAdmin):
    resource_classes = [PersonResource]

    def save_model(self, request, obj, form, change):
        person_save(person=obj, changed=set(form.changed_data) if change else None)

    actions = [merge_action(person_merge, noun="people")]
    list_display = ["name", "native_name", "nationality", "description", "updated_at"]
    list_filter = ["nationality"]
    list_select_related = ["nationality"]
    search_fields = ["name", "sort_name", "native_name", "slug", "other_names__name", "identifiers__identifier"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["nationality"]
    inlines = [PersonNameInline, PersonIdentifierInline, PersonTenureInline]


class OfficeTitleInline(admin.TabularInline):
    model = OfficeTitle
    extra = 0


@admin.register(Office)
class OfficeAdmin(ImportExportHistoryAdmin):
    resource_classes = [OfficeResource]

    def save_model(self, request, obj, form, change):
        office_save(office=obj, changed=set(form.changed_data) if change else None)

    actions = [merge_action(office_merge, noun="offices")]
    list_display = ["title", "country", "body", "kind", "single_holder"]
    list_filter = ["kind", "single_holder", "country"]
    list_select_related = ["country"]
    search_fields = ["title", "body", "slug", "other_titles__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["country"]
    inlines = [OfficeTitleInline, OfficeTenureInline]


@admin.register(Tenure)
class TenureAdmin(ImportExportHistoryAdmin):
    resource_classes = [TenureResource]
    list_display = ["person", "office", "status", "start", "end"]
    list_filter = ["status", "office__country", "office__kind"]
    list_select_related = ["person", "office", "office__country"]
    search_fields = ["person__name", "person__other_names__name", "office__title", "office__other_titles__name"]
    autocomplete_fields = ["person", "office", "sources"]
    date_hierarchy = "start"

    def save_model(self, request, obj, form, change):
        """Through the services, sources included (one history entry); a revert keeps the sources."""
        sources = form.cleaned_data.get("sources")
        sources = list(sources) if sources is not None else None
        if change:
            tenure_update(tenure=obj, **tenure_fields(obj), sources=sources)
        else:
            tenure_create(**tenure_fields(obj), sources=sources, instance=obj)

    def save_related(self, request, form, formsets, change):
        for formset in formsets:  # its sources were written with it
            self.save_formset(request, form, formset, change=change)
