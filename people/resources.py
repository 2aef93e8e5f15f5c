"""CSV, XLSX and JSON import and export of people, offices and tenures (django-import-export).

Rows are keyed by slug (tenures by person, office and start), so importing a
file exported earlier updates rather than duplicates. Every row is validated
like an admin form (``full_clean``); when any row fails, nothing is written.
"""

from import_export import fields, resources
from import_export.widgets import CharWidget, ForeignKeyWidget

from people.models import Country, Office, Person, Tenure
from people.services import office_save, person_save, tenure_create, tenure_fields, tenure_update


class AtomicModelResource(resources.ModelResource):
    """A resource whose imports write every row or none; an empty cell in a text column is an empty string."""

    WIDGETS_MAP = {**resources.ModelResource.WIDGETS_MAP, "TextField": CharWidget}

    def import_data(self, dataset, **kwargs):
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)


class LookupWidget(ForeignKeyWidget):
    """A foreign key by a natural key; an unknown key is a readable error on that cell."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(f"No {self.model._meta.verbose_name} has {self.field} '{value}'.") from None


def country_field() -> fields.Field:
    return fields.Field(attribute="country", column_name="country", widget=LookupWidget(Country, field="iso2"))


class SavedByServiceMixin:
    """An imported row is written by the record's save service, told which fields changed (the events that
    show a person's name or an office's title are then recorded as changed), as the admin form does."""

    def import_instance(self, instance, row, **kwargs):
        instance._before_import = _field_values(instance)
        super().import_instance(instance, row, **kwargs)

    def save_instance(self, instance, is_create, row, **kwargs):
        before, after = getattr(instance, "_before_import", {}), _field_values(instance)
        instance._change_reason = "admin import"
        self.save_through_service(instance, None if is_create else {n for n, v in before.items() if v != after[n]})

    def save_through_service(self, instance, changed: set[str] | None) -> None:
        raise NotImplementedError


def _field_values(instance) -> dict:
    return {f.name: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


class PersonResource(SavedByServiceMixin, AtomicModelResource):
    nationality = fields.Field(
        attribute="nationality", column_name="nationality", widget=LookupWidget(Country, field="iso2")
    )

    def save_through_service(self, instance, changed: set[str] | None) -> None:
        person_save(person=instance, changed=changed)

    class Meta:
        model = Person
        fields = ["slug", "name", "sort_name", "native_name", "nationality", "description"]
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class OfficeResource(SavedByServiceMixin, AtomicModelResource):
    country = country_field()

    def save_through_service(self, instance, changed: set[str] | None) -> None:
        office_save(office=instance, changed=changed)

    class Meta:
        model = Office
        fields = ["slug", "title", "country", "body", "kind", "single_holder", "description"]
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class TenureResource(AtomicModelResource):
    person = fields.Field(attribute="person", column_name="person", widget=LookupWidget(Person, field="slug"))
    office = fields.Field(attribute="office", column_name="office", widget=LookupWidget(Office, field="slug"))

    class Meta:
        model = Tenure
        fields = ["person", "office", "start", "start_precision", "end", "end_precision", "status", "note"]
        import_id_fields = ["person", "office", "start"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("person", "office")

    def save_instance(self, instance, is_create, row, **kwargs):
        """Through the tenure services, as every entry point writes tenures (its sources are kept)."""
        instance._change_reason = "admin import"
        if is_create:
            tenure_create(**tenure_fields(instance), instance=instance)
        else:
            tenure_update(tenure=instance, **tenure_fields(instance))
