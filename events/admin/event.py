"""The event page: participants, topics and sources on one page; the review workflow; curation warnings.

Review state changes only through the workflow services (buttons on the change
page, actions on the list), never by editing the field, so the publish
permission cannot be side-stepped by a form, an import or a history revert.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from common.admin import ImportExportHistoryAdmin
from events.admin.ingest import article_view
from events.admin.inlines import EventSourceInline, EventTopicInline, ParticipationInline, page_changes
from events.admin.review import STEPS, ReviewForm, ReviewStep, run_step
from events.curation import event_warnings, events_without_source
from events.models import Event, ReviewState
from events.resources import EventResource
from events.services import (
    PUBLISH_PERMISSION,
    EventIn,
    event_create,
    event_delete,
    event_patch,
)
from people.selectors import office_held_on


class SourceMissingFilter(admin.SimpleListFilter):
    title = "sources"
    parameter_name = "sources"

    def lookups(self, request, model_admin):
        return [("none", "without a source")]

    def queryset(self, request, queryset):
        return events_without_source(queryset) if self.value() == "none" else queryset


# --- the review workflow --------------------------------------------------------------------


class OfficeHeldForm(forms.Form):
    person = forms.IntegerField()
    day = forms.DateField()  # the admin's date widget posts the locale's format
    title = forms.CharField(required=False)


@admin.register(Event)
class EventAdmin(ImportExportHistoryAdmin):
    resource_classes = [EventResource]
    list_display = ["title", "kind", "start_date", "review_state", "status", "city", "country"]
    list_filter = ["review_state", SourceMissingFilter, "kind", "status", "country"]
    list_select_related = ["country"]
    change_list_template = "admin/events/event/change_list.html"  # adds "New events from an article"
    search_fields = ["title", "slug", "summary", "city", "participations__person__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["country"]
    date_hierarchy = "start_date"
    readonly_fields = ["review_state", "retraction_reason", "curation_warnings"]
    inlines = [ParticipationInline, EventTopicInline, EventSourceInline]
    actions = ["submit_for_review", "return_to_draft", "publish", "retract"]
    change_form_template = "admin/events/event/change_form.html"
    event_fields = [
        "title",
        "slug",
        "kind",
        ("start_date", "start_precision"),
        ("end_date", "end_precision"),
        "status",
        ("city", "country"),
        "venue",
        "summary",
    ]

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return [(None, {"fields": [*self.event_fields, "review_state"]})]
        review = ["curation_warnings", "review_state"]
        if obj.retraction_reason:
            review.append("retraction_reason")
        return [("Review", {"fields": review}), ("Event", {"fields": self.event_fields})]

    @admin.display(description="warnings")
    def curation_warnings(self, obj: Event) -> str:
        warnings = event_warnings(event=obj)
        if not warnings:
            return "None: the event has a source and every named participant held a known office that day."
        items = format_html_join("", "<li>{}</li>", ((w,) for w in warnings))
        return format_html('<ul class="messagelist curation-warnings"><li class="warning"><ul>{}</ul></li></ul>', items)

    # --- permissions: curators create and edit; editors also publish, retract and delete

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(PUBLISH_PERMISSION)

    def has_change_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        if obj is not None and obj.review_state == ReviewState.PUBLISHED and not self.has_publish_permission(request):
            return False  # a published event changes only through an editor (or a retraction)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Event | None = None) -> bool:
        return self.has_publish_permission(request) and super().has_delete_permission(request, obj)

    def delete_model(self, request: HttpRequest, obj: Event) -> None:
        event_delete(event=obj, user=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Event]) -> None:
        for event in queryset:
            event_delete(event=event, user=request.user)

    # --- saving: show what needs attention

    # --- saving: through the services, as every entry point does (one history entry, participants diffed)

    def save_model(self, request, obj, form, change):
        if not getattr(request, "saves_related", False):  # a revert from the history page: no inlines
            event_patch(event=obj, changes=page_changes(obj, []), user=request.user, reason="reverted in the admin")
        # otherwise written with its participants, topics and sources in save_related

    def save_related(self, request, form, formsets, change):
        event, changes = form.instance, page_changes(form.instance, formsets)
        if change:
            event_patch(event=event, changes=changes, user=request.user)
        else:
            event_create(data=EventIn(**changes), instance=event)
        for formset in formsets:  # the service wrote the rows; the admin's change message looks for these
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for warning in event_warnings(event=event):
            self.message_user(request, warning, messages.WARNING)

    # --- review buttons on the change page

    def review_steps(self, request: HttpRequest, event: Event) -> list[ReviewStep]:
        may_publish = self.has_publish_permission(request)
        may_change = request.user.has_perm("events.change_event")
        return [
            step
            for step in STEPS.values()
            if event.review_state in step.allowed_from and (may_publish if step.publishing else may_change)
        ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["review_steps"] = [
                (step, reverse("admin:events_event_review", args=[obj.pk, step.name]))
                for step in self.review_steps(request, obj)
            ]
        return super().render_change_form(request, context, add=add, change=change, form_url=form_url, obj=obj)

    def get_urls(self):
        review = path(
            "<path:object_id>/review/<slug:step>/",
            self.admin_site.admin_view(self.review_view),
            name="events_event_review",
        )
        office = path(
            "office-held/", self.admin_site.admin_view(self.office_held_view), name="events_event_office_held"
        )
        article = path(
            "from-article/",
            self.admin_site.admin_view(lambda request: article_view(self, request)),
            name="events_event_from_article",
        )
        return [review, office, article, *super().get_urls()]

    def office_held_view(self, request: HttpRequest) -> JsonResponse:
        """The office a person held on a day, from the tenures: what the participant inline pre-fills."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        form = OfficeHeldForm(request.GET)
        if not form.is_valid():
            return JsonResponse({"errors": form.errors}, status=400)
        office = office_held_on(
            person=form.cleaned_data["person"],
            day=form.cleaned_data["day"],
            title_as_reported=form.cleaned_data["title"],
        )
        return JsonResponse({"office": {"id": office.pk, "text": str(office)} if office else None})

    def review_view(self, request: HttpRequest, object_id: str, step: str) -> HttpResponse:
        event = self.get_object(request, unquote(object_id))
        if event is None or step not in STEPS:
            raise Http404("No such event or review step.")
        if not self.has_view_permission(request, event):
            raise PermissionDenied
        review_step = STEPS[step]
        change_url = reverse("admin:events_event_change", args=[event.pk])
        form = ReviewForm(request.POST or None) if review_step.needs_reason else None
        if request.method == "POST" and (form is None or form.is_valid()):
            error = run_step(review_step, event, request, reason=form.cleaned_data["reason"] if form else "")
            if error:
                self.message_user(request, f"“{event.title}” was not {review_step.done}: {error}", messages.ERROR)
            else:
                self.message_user(request, f"“{event.title}” {review_step.done}.", messages.SUCCESS)
            return HttpResponseRedirect(change_url)
        return self._confirmation(request, review_step, [event], form, cancel_url=change_url)

    def _confirmation(self, request, step, events, form, *, cancel_url, from_action=False) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": f"{step.label}: are you sure?",
            "opts": self.opts,
            "step": step,
            "events": events,
            "form": form,
            "from_action": from_action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "cancel_url": cancel_url,
            "warnings": {e.pk: event_warnings(event=e) for e in events} if len(events) <= 20 else {},
        }
        return TemplateResponse(request, "admin/events/event/review_confirmation.html", context)

    # --- the same steps as list actions

    def _bulk(self, request: HttpRequest, queryset: QuerySet[Event], step: ReviewStep, reason: str = "") -> None:
        done, failed = 0, []
        for event in queryset:
            error = run_step(step, event, request, reason=reason)
            if error:
                failed.append(f"“{event.title}”: {error}")
            else:
                done += 1
        if done:
            self.message_user(request, f"{done} event(s) {step.done}.", messages.SUCCESS)
        for message in failed:
            self.message_user(request, f"Not {step.done}: {message}", messages.ERROR)

    @admin.action(description="Submit selected events for review", permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._bulk(request, queryset, STEPS["submit"])

    @admin.action(description="Return selected events to draft", permissions=["change"])
    def return_to_draft(self, request, queryset):
        self._bulk(request, queryset, STEPS["draft"])

    @admin.action(description="Publish selected events", permissions=["publish"])
    def publish(self, request, queryset):
        self._bulk(request, queryset, STEPS["publish"])

    @admin.action(description="Retract selected events…", permissions=["publish"])
    def retract(self, request, queryset):
        step = STEPS["retract"]
        form = ReviewForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            self._bulk(request, queryset, step, reason=form.cleaned_data["reason"])
            return None
        changelist = reverse("admin:events_event_changelist")
        return self._confirmation(request, step, list(queryset), form, cancel_url=changelist, from_action=True)
