"""Glue between django-filter FilterSets and the selectors that do the filtering.

A FilterSet here declares and validates the query parameters (and so
documents them in OpenAPI); the selector builds the queryset from the cleaned
values. A bad value answers 400 with the parameter's name.
"""

from django import forms
from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from common.api.reads import ProjectedListMixin
from common.filters import checked_moment, errors_named


class MultipleValueField(forms.Field):
    widget = forms.SelectMultiple

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(v).strip() for v in values if str(v).strip()]


class MultipleValueFilter(filters.Filter):
    """A parameter that may repeat: ``country=US&country=KR``."""

    field_class = MultipleValueField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schema = {"type": "array", "items": {"type": "string"}, "description": kwargs.get("help_text", "")}
        extend_schema_field(schema)(self)  # documented as a repeatable parameter, with its help text


class MomentField(IsoDateTimeField):
    """An ISO 8601 date-time, in UTC; offsets and moments no database can store are refused."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return checked_moment(moment, field="value")
        except DjangoValidationError as exc:
            raise forms.ValidationError(exc.message_dict["value"]) from None


class UpdatedSinceFilter(filters.IsoDateTimeFilter):
    """ISO 8601 date-time; rows changed strictly after it."""

    field_class = MomentField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_messages", {"invalid": "Enter an ISO 8601 date-time, e.g. 2026-11-28T00:00:00Z."})
        super().__init__(*args, **kwargs)


class DayFilter(filters.DateFilter):
    """A YYYY-MM-DD day, with an error that says so."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_messages", {"invalid": "Enter a valid date as YYYY-MM-DD."})
        super().__init__(*args, **kwargs)


class SelectorFilterSet(filters.FilterSet):
    """Declares and validates parameters; ``selector_kwargs()`` hands the cleaned values to a selector.

    The selector refuses slugs and codes that name nothing (``common.filters.check_known_slugs``,
    ``people.selectors.known_countries``), so REST and GraphQL give the same error for the same
    mistake. ``aliases`` maps a parameter to the older one it stands beside (``search`` for ``q``,
    docs/vocabulary.md): either may be given, the selector gets the older name, and its errors name
    the parameter the client sent (``error_names()``).
    """

    aliases: dict[str, str] = {}

    def is_valid(self) -> bool:
        valid = super().is_valid()
        for name in self.filters:
            if name not in self.data:
                continue
            values = [str(v) for v in self.data.getlist(name)]
            if not any(v.strip() for v in values):
                self.form.add_error(name, "Empty: give a value, or leave the parameter out.")
            elif any("\ufffd" in v for v in values):  # what Django makes of bytes that are not UTF-8
                self.form.add_error(name, "Not valid UTF-8: percent-encode the text as UTF-8.")
        if not valid or self.form.errors:
            return False
        for new, old in self.aliases.items():
            if new in self.data and old in self.data:
                self.form.add_error(new, f"Give {new} or {old} ({new} is the newer name), not both.")
        return not self.form.errors

    def selector_kwargs(self) -> dict:
        kwargs = {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", [])}
        for new, old in self.aliases.items():
            if new in kwargs:
                kwargs[old] = kwargs.pop(new)
        return kwargs

    def error_names(self) -> dict[str, str]:
        """Selector argument -> the parameter this request used for it (``{"q": "search"}``)."""
        return {old: new for new, old in self.aliases.items() if new in self.data}

    def filter_queryset(self, queryset):
        return queryset  # the selector has already filtered


class SelectorFilterBackend(filters.DjangoFilterBackend):
    """Validates the view's FilterSet; the filtering itself happens in the view's selector call."""

    def filter_queryset(self, request, queryset, view):
        return queryset


class SelectorFiltersMixin(ProjectedListMixin):
    """``self.filter_kwargs()``: the validated list filters, as keyword arguments for the selector.

    Views implement ``build_queryset()`` by calling a selector with them; lists are read as rows
    (``common.api.reads``).
    """

    filter_backends = [SelectorFilterBackend]
    filterset_class: type[SelectorFilterSet]

    def build_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        """``build_queryset()`` once per request (permission checks call get_queryset too)."""
        if getattr(self, "_built_queryset", None) is None:
            filterset = self.validated_filterset()
            with errors_named(filterset.error_names() if filterset else {}):
                self._built_queryset = self.build_queryset()
        return self._built_queryset.all()

    def validated_filterset(self) -> SelectorFilterSet | None:
        """The list's FilterSet, validated (400 naming the parameter otherwise); None on other actions."""
        if getattr(self, "action", None) != "list":
            return None
        if getattr(self, "_validated_filterset", None) is not None:
            return self._validated_filterset
        params = self.request.query_params
        if not any(name in params for name in self.filterset_class.base_filters):
            return None  # nothing to validate: the unfiltered list (no form built)
        filterset = self.filterset_class(params, request=self.request)
        if not filterset.is_valid():
            raise exceptions.ValidationError(filterset.errors)
        self._validated_filterset = filterset
        return filterset

    def filter_kwargs(self) -> dict:
        filterset = self.validated_filterset()
        return filterset.selector_kwargs() if filterset else {}


class SlugOrIdLookupMixin:
    """Detail URLs take a slug or a numeric id: /people/choi-jong-kun/ or /people/11/."""

    lookup_field = "slug"
    lookup_value_regex = r"[-\w]+"

    def get_object(self):
        value = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        if value.isdigit():
            self.kwargs = {**self.kwargs, "pk": value}
            self.lookup_field, self.lookup_url_kwarg = "pk", "pk"
        return super().get_object()
