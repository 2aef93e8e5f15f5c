"""CSV, XLSX and JSON import and export of events (django-import-export).

Events are keyed by slug; topics are listed by slug and sources by id, separated by ``|``. Every row is
written through ``events.services`` (``event_create`` or ``event_patch``), so an import keeps the rules
REST, GraphQL and the admin forms keep: a key that matches nothing is an error on that cell, an event
rests on at least one source, only editors change published events, and each changed event leaves one
history entry. The review state is exported but never imported: an imported event is a draft. Columns
left out of the file keep the event's current values; participants are not imported (they keep theirs).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from import_export import fields
from import_export.widgets import ManyToManyWidget

from events.models import Event, Topic
from events.services import EVENT_INPUT_FIELDS, LINKS, EventIn, event_create, event_patch
from people.resources import AtomicModelResource, country_field
from sources.models import Source

IMPORT_REASON = "admin import"


class KeyListWidget(ManyToManyWidget):
    """Related rows by key, separated by ``separator``; keys that match nothing are an error naming them."""

    def clean(self, value, row=None, **kwargs) -> list:
        if value in (None, ""):
            return []
        if isinstance(value, float | int):  # a spreadsheet cell holding one id
            value = str(int(value))
        keys = list(dict.fromkeys(k.strip() for k in str(value).split(self.separator) if k.strip()))
        if self.field in ("id", "pk") and not all(k.isdigit() for k in keys):
            raise ValueError(f"{self.model._meta.verbose_name} ids are numbers: {value!r}.")
        found = {str(getattr(obj, self.field)): obj for obj in self.model.objects.filter(**{f"{self.field}__in": keys})}
        missing = [k for k in keys if k not in found]
        if missing:
            noun = self.model._meta.verbose_name_plural if len(missing) > 1 else self.model._meta.verbose_name
            raise ValueError(f"No {noun} with {self.field} {', '.join(missing)}: nothing was imported.")
        return [found[k] for k in keys]


class EventResource(AtomicModelResource):
    country = country_field()
    topics = fields.Field(
        attribute="topics", column_name="topics", widget=KeyListWidget(Topic, field="slug", separator="|")
    )
    sources = fields.Field(
        attribute="sources", column_name="sources", widget=KeyListWidget(Source, field="id", separator="|")
    )
    review_state = fields.Field(attribute="review_state", column_name="review_state", readonly=True)

    class Meta:
        model = Event
        fields = [
            "slug",
            "title",
            "kind",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "status",
            "city",
            "country",
            "venue",
            "summary",
            "topics",
            "sources",
            "review_state",
        ]
        import_id_fields = ["slug"]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_queryset(self):
        return super().get_queryset().select_related("country").prefetch_related("topics", "sources")

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
            if isinstance(field.widget, ManyToManyWidget) and field.column_name in row:
                try:
                    instance._imported_lists[field.attribute] = field.clean(row)
                except ValueError as exc:
                    errors[field.attribute] = [str(exc)]
        if errors:
            raise ValidationError(errors)

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
