"""CSV, XLSX and JSON import and export of people, offices and tenures (django-import-export).

Rows are keyed by slug (tenures by person, office and start), so importing a
file exported earlier updates rather than duplicates. Every row is validated
like an admin form (``full_clean``); when any row fails, nothing is written.
"""

from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from people.models import Country, Office, Person, Tenure


class AtomicModelResource(resources.ModelResource):
    """A resource whose imports write every row or none."""

    def import_data(self, dataset, **kwargs):
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)


def country_field() -> fields.Field:
    return fields.Field(attribute="country", column_name="country", widget=ForeignKeyWidget(Country, field="iso2"))


class PersonResource(AtomicModelResource):
    nationality = fields.Field(
        attribute="nationality", column_name="nationality", widget=ForeignKeyWidget(Country, field="iso2")
    )

    class Meta:
        model = Person
        fields = ["slug", "name", "sort_name", "native_name", "nationality", "description"]
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class OfficeResource(AtomicModelResource):
    country = country_field()

    class Meta:
        model = Office
        fields = ["slug", "title", "country", "body", "kind", "single_holder", "description"]
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True


class TenureResource(AtomicModelResource):
    person = fields.Field(attribute="person", column_name="person", widget=ForeignKeyWidget(Person, field="slug"))
    office = fields.Field(attribute="office", column_name="office", widget=ForeignKeyWidget(Office, field="slug"))

    class Meta:
        model = Tenure
        fields = ["person", "office", "start", "start_precision", "end", "end_precision", "status", "note"]
        import_id_fields = ["person", "office", "start"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("person", "office")
