"""CSV, XLSX and JSON import and export of events (django-import-export).

Events are keyed by slug; the columns and cells are the events CSV format (``events.csv_format``), the
one the REST export ``/api/v1/exports/events.import.csv`` writes too. Every row is written through
``events.services`` (``event_create`` or ``event_patch``), so an import keeps the rules
REST, GraphQL and the admin forms keep: a key that matches nothing is an error on that cell, an event
rests on at least one source, only editors change published events, and each changed event leaves one
history entry. The review state is exported but never imported: an imported event is a draft. Columns
left out of the file keep the event's current values (without a ``participants`` column, the participants).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from import_export import fields
from import_export.widgets import ManyToManyWidget, Widget

from events import csv_format
from events.models import Event, Topic
from events.selectors import event_with_details
from events.services import EVENT_INPUT_FIELDS, LINKS, EventIn, event_create, event_patch
from people.resources import AtomicModelResource, country_field
from sources.models import Source

IMPORT_REASON = "admin import"


class KeyListWidget(ManyToManyWidget):
    """Related rows by key, as ``events.csv_format`` reads and writes them; keys that match nothing are an
    error naming them."""

    def __init__(self, model, *, find, encode, **kwargs) -> None:
        super().__init__(model, **kwargs)
        self.find, self.encode = find, encode

    def clean(self, value, row=None, **kwargs) -> list:
        return self.find(value)

    def render(self, value, obj=None, **kwargs) -> str:
        return self.encode(value.all()) if value is not None else ""


class ParticipantsWidget(Widget):
    def clean(self, value, row=None, **kwargs) -> list:
        return csv_format.find_participants(value)

    def render(self, value, obj=None, **kwargs) -> str:
        return value or ""


class ParticipantsField(fields.Field):
    """The participants cell. Written by the services with the event (``save_instance``), never set here."""

    def get_value(self, instance) -> str:
        return csv_format.encode_participants(instance.participations.all()) if instance.pk else ""

    def save(self, instance, row, is_m2m=False, **kwargs) -> None:
        pass


class EventResource(AtomicModelResource):
    country = country_field()
    participants = ParticipantsField(
        attribute="participations", column_name="participants", widget=ParticipantsWidget()
    )
    topics = fields.Field(
        attribute="topics",
        column_name="topics",
        widget=KeyListWidget(Topic, find=csv_format.find_topics, encode=csv_format.encode_topics),
    )
    sources = fields.Field(
        attribute="sources",
        column_name="sources",
        widget=KeyListWidget(Source, find=csv_format.find_sources, encode=csv_format.encode_sources),
    )
    review_state = fields.Field(attribute="review_state", column_name="review_state", readonly=True)

    class Meta:
        model = Event
        fields = csv_format.COLUMNS
        export_order = csv_format.COLUMNS
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return event_with_details(super().get_queryset())

    def filter_export(self, queryset, **kwargs):
        return event_with_details(queryset.prefetch_related(None))  # the admin passes its changelist's queryset

    def export_resource(self, instance, selected_fields=None, **kwargs) -> list[str]:
        """A row as ``events.csv_format`` writes it, cell for cell what the REST export writes."""
        cells = csv_format.event_cells(instance)
        return [cells[field.column_name] for field in self.get_export_fields(selected_fields)]

    def get_import_fields(self):
        return [f for f in super().get_import_fields() if not f.readonly]

    def import_instance(self, instance, row, **kwargs):
        """Read the row's plain columns onto ``instance`` and its lists aside; every bad cell is one error."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        instance._imported_lists = {}
        for field in self.get_import_fields():
            if field.column_name in LINKS and field.column_name in row:
                try:
                    instance._imported_lists[field.column_name] = field.clean(row)
                except ValueError as exc:
                    errors[field.column_name] = [str(exc)]
        if errors:
            raise ValidationError(errors)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """Unchanged when the participants cell says what the event has now, too."""
        wanted = getattr(instance, "_imported_lists", {}).get("participants")
        if wanted is not None and self._meta.skip_unchanged and not import_validation_errors:
            now = csv_format.encode_participants(original.participations.all()) if original.pk else "[]"
            if csv_format.encode_participants(wanted) != now:
                return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def save_instance(self, instance, is_create, row, **kwargs):
        """Write the row through the services; what they refuse is this row's validation error."""
        columns = {f.attribute for f in self.get_import_fields() if f.column_name in row} - LINKS
        changes = {name: getattr(instance, name) for name in columns if name in EVENT_INPUT_FIELDS}
        changes.update(instance._imported_lists)
        try:
            if is_create:
                values = {name: getattr(instance, name) for name in EVENT_INPUT_FIELDS if name not in LINKS}
                event_create(data=EventIn(**values | changes), reason=IMPORT_REASON, instance=instance)
            else:
                user = kwargs.get("user")
                event_patch(event=instance, changes=changes, user=user, reason=IMPORT_REASON)
        except PermissionDenied as exc:
            raise ValidationError({"review_state": [str(exc)]}) from None

    def save_m2m(self, instance, row, **kwargs):
        """The services set topics and sources with the event (one history entry)."""
