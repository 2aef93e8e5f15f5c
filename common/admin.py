"""What every curation admin shares: history, fast changelists, import/export, merging duplicates."""

import json
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from simple_history.admin import SimpleHistoryAdmin

from common.history import record


def estimated_table_rows(model: type[Model], using: str = "default") -> int | None:
    """PostgreSQL's own estimate of a table's rows (pg_class.reltuples), or None elsewhere or before ANALYZE."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table])
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] >= 0 else None


def estimated_query_rows(qs: QuerySet) -> int:
    """PostgreSQL's planner estimate of the rows ``qs`` returns (EXPLAIN, nothing is run)."""
    sql, params = qs.order_by().query.sql_with_params()
    with connections[qs.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """A paginator that never runs COUNT(*) over a huge table.

    On a table PostgreSQL estimates at ``huge`` rows or more, an unfiltered list
    takes the planner's estimate of the table (pg_class.reltuples). A filtered
    one counts exactly up to ``cap`` rows, and beyond that takes the planner's
    estimate of the filtered query. Smaller tables, and SQLite, count exactly.
    """

    huge = 100_000
    cap = 10_000

    @cached_property
    def count(self) -> int:
        qs = self.object_list
        if not isinstance(qs, QuerySet):
            return super().count
        estimate = estimated_table_rows(qs.model, qs.db)
        if estimate is None or estimate < self.huge:
            return super().count
        if not qs.query.where:
            return estimate
        counted = qs.order_by()[: self.cap].count()
        return counted if counted < self.cap else max(counted, estimated_query_rows(qs))


class FastChangelistMixin:
    """Changelists that stay fast on big tables: no full count, no COUNT(*) of a huge table."""

    paginator = EstimatedCountPaginator
    show_full_result_count = False

    def changelist_view(self, request: HttpRequest, extra_context=None):
        # No database stores a NUL character: a filter holding one is a client's mistake, not a 500.
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values):
            return HttpResponseBadRequest("A filter or search holds a NUL character (%00): remove it and try again.")
        return super().changelist_view(request, extra_context)


class HistoryAdmin(FastChangelistMixin, SimpleHistoryAdmin):
    """Every change recorded with who and when; the History page shows versions and reverts to one.

    One version per save of the page, taken after its many-to-many lists are written (an event's topics
    and sources, a tenure's sources): simple-history would record the row before them, so reverting to
    that version would drop what the curator had just added.
    """

    def changeform_view(self, request, *args, **kwargs):
        request.saves_related = True  # the add and change pages call save_related; a revert does not
        return super().changeform_view(request, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        if getattr(request, "saves_related", False):
            obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if hasattr(form.instance, "skip_history_when_saving"):
            del form.instance.skip_history_when_saving
            record(form.instance, created=not change)


EXCHANGE_FORMATS = [base_formats.CSV, base_formats.XLSX, base_formats.JSON]


class ImportExportHistoryAdmin(ImportExportModelAdmin, HistoryAdmin):
    """History, plus CSV/XLSX/JSON import (with a dry-run preview) and export."""

    formats = EXCHANGE_FORMATS

    def has_import_permission(self, request: HttpRequest) -> bool:
        # An import adds and changes rows, so it takes both permissions.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)


# --- merging duplicates ---------------------------------------------------------------------


class RecordChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Model) -> str:
        slug = getattr(obj, "slug", "")
        return f"{obj} — {slug} (#{obj.pk})" if slug else f"{obj} (#{obj.pk})"


class MergeForm(forms.Form):
    survivor = RecordChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The record to keep; the others are folded into it and deleted.",
    )

    def __init__(self, *args: Any, queryset: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = queryset


def merge_action(service: Callable[..., Model], *, noun: str) -> Callable:
    """An admin action that merges the selected records into the one the user picks as survivor.

    The action takes the model's delete permission (the duplicates are deleted)
    and shows a confirmation page first; ``service(survivor=, duplicates=)``
    does the work in one transaction.
    """

    @admin.action(description=f"Merge selected {noun} into one…", permissions=["delete"])
    def merge(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        records = list(queryset)
        if len(records) < 2:
            modeladmin.message_user(request, f"Select at least two {noun} to merge.", messages.WARNING)
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, queryset=queryset)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            duplicates = [r for r in records if r.pk != survivor.pk]
            try:
                service(survivor=survivor, duplicates=duplicates)
            except ValidationError as exc:
                modeladmin.message_user(request, "Nothing merged: " + " ".join(exc.messages), messages.ERROR)
                return None
            names = ", ".join(str(d) for d in duplicates)
            modeladmin.message_user(request, f"Merged {names} into {survivor}.", messages.SUCCESS)
            return None
        context = {
            **modeladmin.admin_site.each_context(request),
            "title": f"Merge {noun}",
            "opts": modeladmin.model._meta,
            "form": form,
            "records": records,
            "action_name": "merge",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "noun": noun,
        }
        return TemplateResponse(request, "admin/merge_confirmation.html", context)

    return merge
