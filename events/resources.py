"""CSV, XLSX and JSON import and export of events (django-import-export).

Events are keyed by slug; topics are listed by slug and sources by id,
separated by ``|``. The review state is exported but never imported: an
imported event is a draft, and changing a published one takes an editor.
"""

from django.core.exceptions import ValidationError
from import_export import fields
from import_export.widgets import ManyToManyWidget

from events.models import Event, ReviewState, Source, Topic
from events.services import PUBLISH_PERMISSION
from people.resources import AtomicModelResource, country_field


class EventResource(AtomicModelResource):
    country = country_field()
    topics = fields.Field(
        attribute="topics", column_name="topics", widget=ManyToManyWidget(Topic, field="slug", separator="|")
    )
    sources = fields.Field(
        attribute="sources", column_name="sources", widget=ManyToManyWidget(Source, field="id", separator="|")
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

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        published = instance.pk and instance.review_state == ReviewState.PUBLISHED
        if published and (user is None or not user.has_perm(PUBLISH_PERMISSION)):
            raise ValidationError(f"{instance.slug} is published: only an editor may change it.")
