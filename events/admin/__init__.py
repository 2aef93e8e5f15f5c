from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from events.models import Event, Participation, Source, Topic, TopicName


class TopicNameInline(admin.TabularInline):
    model = TopicName
    extra = 0


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "slug"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["name", "slug", "other_names__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [TopicNameInline]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["headline", "publisher", "agency", "published_on", "byline"]
    list_filter = ["publisher", "agency"]
    search_fields = ["headline", "publisher", "byline", "url"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["tenures"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "office", "country", "source"]
    fields = ["person", "description", "role", "title_as_reported", "office", "country", "affiliation", "source"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("person", "office", "country", "source")


class AtLeastOneFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        super().clean()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if not kept:
            from django.core.exceptions import ValidationError

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


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "start_date", "status", "city", "country"]
    list_filter = ["kind", "status", "country"]
    list_select_related = ["country"]
    search_fields = ["title", "slug", "summary", "city", "participations__person__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["country"]
    date_hierarchy = "start_date"
    exclude = ["topics", "sources"]
    inlines = [ParticipationInline, EventTopicInline, EventSourceInline]
    show_full_result_count = False
