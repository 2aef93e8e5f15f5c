"""The events side of the curation admin: topics, sources and events (see ``events.admin.event``)."""

from django.contrib import admin

from events.admin.event import EventAdmin
from events.models import Source, Topic, TopicName
from events.services import topic_merge
from people.admin.base import HistoryAdmin, merge_action

__all__ = ["EventAdmin", "SourceAdmin", "TopicAdmin"]


class TopicNameInline(admin.TabularInline):
    model = TopicName
    extra = 0


@admin.register(Topic)
class TopicAdmin(HistoryAdmin):
    list_display = ["name", "parent", "slug"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "other_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [TopicNameInline]
    actions = [merge_action(topic_merge, noun="topics")]


@admin.register(Source)
class SourceAdmin(HistoryAdmin):
    list_display = ["headline", "publisher", "agency", "published_on", "byline"]
    list_filter = ["publisher", "agency"]
    search_fields = ["headline", "publisher", "byline", "url"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["tenures"]
