"""A read-only serializer as a ``common.projection.Shape``: the REST lists' fast path.

The serializers stay the one definition of each representation (and of the OpenAPI
schema); this module reads their declared fields and builds the same output from
``values()`` rows, converting each value with the serializer field's own
``to_representation``. Related lists come in the order and with the filters of the
selector's ``Prefetch`` querysets, so the selectors still say which rows a list holds.

Supported: model fields and paths through foreign keys (``source="country.iso2"``),
nested serializers (one or many), slug and primary-key related fields, identity links
(``HyperlinkedIdentityField``) and model properties whose columns the serializer names
in ``Meta.property_columns``. Anything else raises ``Unsupported`` when the shape is
derived, and the view serializes as usual.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from functools import lru_cache
from urllib.parse import quote

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignObjectRel, ManyToManyField, Model, Prefetch, QuerySet
from django.urls import NoReverseMatch
from django.utils import timezone as djtz
from rest_framework import ISO_8601, relations, serializers
from rest_framework.reverse import reverse
from rest_framework.settings import api_settings

from common.projection import Column, Computed, Many, One, Shape

PLACEHOLDER = "00000000PK00000000"
ZERO = timedelta(0)


class Unsupported(Exception):
    pass


def serializer_shape(serializer_class: type[serializers.Serializer], queryset: QuerySet, request) -> Shape:
    """The shape of ``serializer_class`` for rows of ``queryset``, links built for ``request``.

    A shape depends on the serializer, the model, the order of each prefetched list and the
    address links start with; it is derived once for each and kept.
    """
    prefetches = {p.prefetch_to: p.queryset for p in queryset._prefetch_related_lookups if isinstance(p, Prefetch)}
    ordering = tuple((path, tuple(qs.query.order_by), bool(qs.query.where)) for path, qs in prefetches.items())
    key = (serializer_class, queryset.model, request.build_absolute_uri("/"), ordering)
    shape = _shapes.get(key)
    if shape is None:
        shape = _shape(_template(serializer_class), queryset.model, "", prefetches, _Links(request))
        with _lock:
            if len(_shapes) >= MAX_SHAPES:
                _shapes.clear()  # many host names: start again rather than grow without bound
            _shapes[key] = shape
    return shape


MAX_SHAPES = 256
_shapes: dict[tuple, Shape] = {}
_lock = threading.Lock()
_templates: dict[type, serializers.Serializer] = {}


def _template(serializer_class: type[serializers.Serializer]) -> serializers.Serializer:
    """One instance per serializer class, whose fields (DRF builds them anew per instance) are read, never run
    against a request."""
    if serializer_class not in _templates:
        _templates[serializer_class] = serializer_class()
    return _templates[serializer_class]


class _Links:
    """API links by string substitution in one reversed template per view name: ``reverse()`` once, not per row."""

    def __init__(self, request) -> None:
        self.request, self.templates = request, {}

    def builder(self, field: relations.HyperlinkedIdentityField) -> Callable[[object], str]:
        name, kwarg, request = field.view_name, field.lookup_url_kwarg, self.request
        if (name, kwarg) not in self.templates:
            try:
                url = reverse(name, kwargs={kwarg: PLACEHOLDER}, request=request)
                self.templates[name, kwarg] = url.split(PLACEHOLDER)
            except NoReverseMatch:  # the URL pattern refuses the placeholder (e.g. two letters only)
                self.templates[name, kwarg] = None
        template = self.templates[name, kwarg]
        if template is None:
            return lambda value: reverse(name, kwargs={kwarg: value}, request=request)
        return Link(*template)


@dataclass(frozen=True)
class Link:
    """An API link: ``head``, the lookup value percent-encoded, ``tail`` (``common.api.shapes_sql`` builds it in
    SQL from the same two parts)."""

    head: str
    tail: str

    def __call__(self, value) -> str:
        return f"{self.head}{quote(str(value), safe=URL_SAFE)}{self.tail}"


URL_SAFE = "-_.~"  # with letters and digits, what a link carries unencoded


def _shape(serializer, model: type[Model], prefix: str, prefetches: dict, links: _Links) -> Shape:
    meta = getattr(serializer, "Meta", None)
    property_columns = getattr(meta, "property_columns", {})
    outputs = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        outputs.append((name, _output(field, model, prefix, prefetches, links, property_columns)))
    return Shape(model=model, fields=tuple(outputs))


def _output(field, model, prefix, prefetches, links, property_columns):
    if isinstance(field, relations.HyperlinkedIdentityField):
        return Computed((field.lookup_field,), links.builder(field))
    if field.source == "*":
        raise Unsupported(field.field_name)
    attrs = field.source_attrs
    if isinstance(field, serializers.ListSerializer | relations.ManyRelatedField):
        return _many(field, model, prefix, prefetches, links)
    model_field = _model_field(model, attrs[0])
    if isinstance(field, serializers.BaseSerializer):
        if len(attrs) != 1 or model_field is None or not model_field.many_to_one:
            raise Unsupported(field.field_name)
        related = model_field.related_model
        return One(attrs[0], _shape(field, related, f"{prefix}{attrs[0]}__", prefetches, links))
    if isinstance(field, relations.SlugRelatedField):
        return Column("__".join([*attrs, field.slug_field]), None)
    if isinstance(field, relations.PrimaryKeyRelatedField):
        if len(attrs) != 1 or model_field is None or not model_field.many_to_one:
            raise Unsupported(field.field_name)
        return Column(model_field.attname, None)
    if isinstance(field, relations.RelatedField | serializers.SerializerMethodField):
        raise Unsupported(field.field_name)
    if len(attrs) == 1 and model_field is None:
        columns = property_columns.get(attrs[0])
        if columns is None:
            raise Unsupported(f"{model.__name__}.{attrs[0]}: name its columns in Meta.property_columns")
        return Computed(tuple(columns), _property(model, attrs[0], tuple(columns), _converter(field)))
    _check_path(model, attrs)
    return Column("__".join(attrs), _converter(field))


def _many(field, model, prefix, prefetches, links) -> Many:
    attrs = field.source_attrs
    model_field = _model_field(model, attrs[0]) if len(attrs) == 1 else None
    if model_field is None or not (model_field.one_to_many or model_field.many_to_many):
        raise Unsupported(field.field_name)
    related = model_field.related_model
    base = prefetches.get(f"{prefix}{attrs[0]}")
    if base is not None and base.query.where:
        raise Unsupported(f"{field.field_name}: a filtered prefetch")  # only its order is carried over
    order = tuple(base.query.order_by) if base is not None and base.query.order_by else ()
    if isinstance(field, relations.ManyRelatedField):
        child = field.child_relation
        if not isinstance(child, relations.PrimaryKeyRelatedField):
            raise Unsupported(field.field_name)
        shape = Shape(model=related, fields=(("pk", Column("pk")),))
        return Many(shape=shape, link=_link(model_field), order=order, flat="pk")
    shape = _shape(field.child, related, "", _below(prefetches, f"{prefix}{attrs[0]}"), links)
    return Many(shape=shape, link=_link(model_field), order=order)


def _below(prefetches: dict, path: str) -> dict:
    """The prefetches under ``path``, renamed relative to it (``participations__person`` → ``person``)."""
    start = f"{path}__"
    return {k[len(start) :]: v for k, v in prefetches.items() if k.startswith(start)}


def _model_field(model: type[Model], name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _check_path(model: type[Model], attrs: list[str]) -> None:
    """Every step but the last is a foreign key, the last a concrete field: a path ``values()`` can read."""
    for i, name in enumerate(attrs):
        field = _model_field(model, name)
        if field is None or (i < len(attrs) - 1 and not field.many_to_one) or field.many_to_many or field.one_to_many:
            raise Unsupported(".".join(attrs))
        if i < len(attrs) - 1:
            model = field.related_model


def _link(model_field) -> str:
    if isinstance(model_field, ForeignObjectRel):
        return model_field.field.name
    if isinstance(model_field, ManyToManyField):
        return model_field.related_query_name()
    raise Unsupported(str(model_field))


def _property(model, name: str, columns: tuple[str, ...], convert):
    @lru_cache(maxsize=1024)  # a property of these columns alone: the same columns give the same value
    def value(*values):
        result = getattr(model(**dict(zip(columns, values, strict=True))), name)
        return result if result is None or convert is None else convert(result)

    field = _model_field(model, columns[0]) if len(columns) == 1 else None
    if field is not None and field.choices:  # a property of one choice: its value for each choice, as a table
        return ByChoice(value, {choice: value(choice) for choice, _ in field.flatchoices})
    return value


@dataclass(frozen=True, eq=False)  # hashed by identity, as the function it stands for
class ByChoice:
    """A function of one column with choices, and its value for each choice (``shapes_sql`` writes a CASE)."""

    fn: Callable
    table: dict

    def __call__(self, value):
        return self.fn(value)


# Fields whose to_representation returns a database value of the right type unchanged.
UNCHANGED = (
    serializers.CharField,
    serializers.ChoiceField,
    serializers.SlugField,
    serializers.URLField,
    serializers.EmailField,
    serializers.IntegerField,
    serializers.BooleanField,
)


def _converter(field) -> Callable | None:
    """``field.to_representation``, or something faster that gives the same output."""
    kind = type(field)
    if kind in UNCHANGED:
        return None
    if kind is serializers.BigIntegerField and not getattr(
        field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING
    ):
        return None
    if kind is serializers.DateField and _iso(getattr(field, "format", api_settings.DATE_FORMAT)):
        return date.isoformat
    if (
        kind is serializers.DateTimeField
        and _iso(getattr(field, "format", api_settings.DATETIME_FORMAT))
        and not hasattr(field, "timezone")
        and djtz.get_current_timezone_name() == "UTC"
    ):
        return _utc_isoformat
    return field.to_representation


def _iso(output_format) -> bool:
    return isinstance(output_format, str) and output_format.lower() == ISO_8601


def _utc_isoformat(value) -> str:
    """DRF's ISO 8601 for an aware UTC date-time (from the database), "Z" for the offset."""
    if value.utcoffset() != ZERO:
        value = value.astimezone(UTC)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
