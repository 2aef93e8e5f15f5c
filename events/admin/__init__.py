"""The events side of the curation admin: topics, sources and events (see ``events.admin.event``)."""

from django.contrib import admin
from django.db import models
from django.urls import reverse
from django.utils.html import format_html

from common.admin import HistoryAdmin, merge_action
from events.admin.event import EventAdmin
from events.models import Event, Topic, TopicName
from events.selectors import published_events_about, published_events_citing
from events.services import source_delete, source_save, topic_delete, topic_merge, topic_save
from sources.models import Source

__all__ = ["EventAdmin", "SourceAdmin", "TopicAdmin"]


class KeepsPublishedEventsWhole:
    """Deletes through a service that refuses while published events rely on the object; the admin's delete
    page lists those events, as it does protected foreign keys, and offers no confirmation."""

    delete_confirmation_template = "admin/events/keeps_published_delete_confirmation.html"

    def published_holders(self, obj):
        raise NotImplementedError

    def delete_through_service(self, obj) -> None:
        raise NotImplementedError

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        for obj in objs:
            protected += [_published_event_link(event) for event in self.published_holders(obj)]
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj) -> None:
        self.delete_through_service(obj)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            self.delete_through_service(obj)


def _published_event_link(event: Event) -> str:
    url = reverse("admin:events_event_change", args=[event.pk])
    return format_html('Published event: <a href="{}">{}</a>', url, event)


class TopicNameInline(admin.TabularInline):
    model = TopicName
    extra = 0


@admin.register(Topic)
class TopicAdmin(KeepsPublishedEventsWhole, HistoryAdmin):
    list_display = ["name", "parent", "slug"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "other_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [TopicNameInline]
    actions = [merge_action(topic_merge, noun="topics")]

    def save_model(self, request, obj, form, change):
        topic_save(topic=obj, changed=set(form.changed_data) if change else None)

    def published_holders(self, obj: Topic):
        return published_events_about(topic=obj)

    def delete_through_service(self, obj: Topic) -> None:
        topic_delete(topic=obj)


# Registered here, not in sources/: refusing a delete needs the published events that cite the source.
@admin.register(Source)
class SourceAdmin(KeepsPublishedEventsWhole, HistoryAdmin):
    list_display = ["headline", "publisher", "agency", "published_on", "byline"]
    list_filter = ["publisher", "agency"]
    search_fields = ["headline", "publisher", "byline", "url"]
    date_hierarchy = "published_on"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a pasted address without a scheme

    def save_model(self, request, obj, form, change):
        source_save(source=obj, changed=set(form.changed_data) if change else None)

    def published_holders(self, obj: Source):
        return published_events_citing(source=obj)

    def delete_through_service(self, obj: Source) -> None:
        source_delete(source=obj)
