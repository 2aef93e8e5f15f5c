"""From a GraphQL selection to a ``common.projection.Shape``: what the compiled read path fetches and builds.

The shape is derived from the strawberry-django types themselves (each field's model
attribute, relation, list cap and the type's ``get_queryset``), so the compiled path
answers exactly what strawberry's executor would, and anything it does not know
(a custom resolver, an argument besides ``first``, a permission, an interface) raises
``Unsupported``: the query then runs through strawberry as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignObjectRel, ManyToManyField, Model
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLIncludeDirective,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSkipDirective,
    InlineFragmentNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import get_argument_values
from strawberry.relay import to_base64
from strawberry_django.fields.field import StrawberryDjangoField

from common.graphql.fields import MAX_PAGE, CappedListField
from common.projection import Column, Computed, Const, Many, One, Shape

BACKREF = "strawberry-definition"


class Unsupported(Exception):
    """The compiled path cannot answer this selection; strawberry's executor will."""


@dataclass
class Request:
    """What compiling one operation needs: the schema, fragments, variables and the caller's context."""

    schema: Any  # strawberry.Schema
    fragments: dict[str, FragmentDefinitionNode]
    variables: Any  # graphql-core VariableValues
    info: Any  # a stand-in for strawberry's Info: ``.context`` and ``.schema``


def collect(req: Request, selection_set: SelectionSetNode, on: GraphQLObjectType) -> dict[str, list[FieldNode]]:
    """The fields selected on ``on`` by response key, through fragments, honouring @skip and @include."""
    fields: dict[str, list[FieldNode]] = {}
    _collect(req, selection_set, on, fields, set())
    return fields


def _collect(req: Request, selection_set, on, fields: dict, visited: set) -> None:
    for sel in selection_set.selections:
        if not _included(req, sel):
            continue
        if isinstance(sel, FieldNode):
            fields.setdefault(sel.alias.value if sel.alias else sel.name.value, []).append(sel)
        elif isinstance(sel, InlineFragmentNode):
            if _matches(sel.type_condition, on):
                _collect(req, sel.selection_set, on, fields, visited)
        elif isinstance(sel, FragmentSpreadNode):
            name = sel.name.value
            if getattr(sel, "arguments", None):
                raise Unsupported("fragment arguments")
            fragment = req.fragments.get(name)
            if fragment is None or name in visited:
                continue
            visited.add(name)
            if _matches(fragment.type_condition, on):
                _collect(req, fragment.selection_set, on, fields, visited)


def _included(req: Request, node) -> bool:
    for directive in node.directives or ():
        name = directive.name.value
        if name == "skip":
            if get_argument_values(GraphQLSkipDirective, directive, req.variables)["if"]:
                return False
        elif name == "include":
            if not get_argument_values(GraphQLIncludeDirective, directive, req.variables)["if"]:
                return False
        else:
            raise Unsupported(f"directive @{name}")
    return True


def _matches(condition, on: GraphQLObjectType) -> bool:
    if condition is None:
        return True
    name = condition.name.value
    return name == on.name or any(i.name == name for i in on.interfaces)


def merged(nodes: list[FieldNode]) -> SelectionSetNode | None:
    """One selection set for a response key selected several times (``a { x } a { y }``)."""
    sets = [n.selection_set for n in nodes if n.selection_set is not None]
    if not sets:
        return None
    if len(sets) == 1:
        return sets[0]
    return SelectionSetNode(selections=tuple(s for ss in sets for s in ss.selections))


def object_shape(req: Request, selection_set: SelectionSetNode, on: GraphQLObjectType) -> Shape:
    """The shape of one model-backed object type for this selection."""
    strawberry_type = on.extensions.get(BACKREF)
    model = getattr(getattr(strawberry_type, "origin", None), "__strawberry_django_definition__", None)
    if model is None:
        raise Unsupported(f"{on.name} is not a Django type")
    model = model.model
    outputs = []
    for key, nodes in collect(req, selection_set, on).items():
        outputs.append((key, _output(req, model, on, nodes)))
    return Shape(model=model, fields=tuple(outputs))


def _output(req: Request, model: type[Model], on: GraphQLObjectType, nodes: list[FieldNode]):
    name = nodes[0].name.value
    if name == "__typename":
        return Const(on.name)
    definition = on.fields.get(name)
    if definition is None:
        raise Unsupported(name)
    field = definition.extensions.get(BACKREF)
    if name == "id" and getattr(field, "python_name", None) == "_id":
        type_name = on.name
        return Computed(("pk",), lambda pk: to_base64(type_name, pk))
    if not isinstance(field, StrawberryDjangoField) or field.permission_classes or field.extensions:
        raise Unsupported(f"{on.name}.{name}")
    if field.base_resolver is not None:
        raise Unsupported(f"{on.name}.{name} has a resolver")
    args = get_argument_values(definition, nodes[0], req.variables)
    if len(nodes) > 1 and any(get_argument_values(definition, n, req.variables) != args for n in nodes[1:]):
        raise Unsupported("one response key with different arguments")
    target = get_named_type(definition.type)
    try:
        model_field = model._meta.get_field(field.django_name)
    except FieldDoesNotExist:
        model_field = None
    if model_field is None or not model_field.is_relation:
        if args or not isinstance(target, GraphQLScalarType | GraphQLEnumType):
            raise Unsupported(f"{on.name}.{name}")
        return _scalar(model, field, model_field, target)
    selection = merged(nodes)
    if selection is None or not isinstance(target, GraphQLObjectType):
        raise Unsupported(f"{on.name}.{name}")
    child = object_shape(req, selection, target)
    if not _is_list(definition.type):
        if args or hasattr(target.extensions[BACKREF].origin, "get_queryset"):
            raise Unsupported(f"{on.name}.{name}: a related object with its own visibility rule")
        return One(field.django_name, child)
    if not isinstance(field, CappedListField) or set(args) - {"first"}:
        raise Unsupported(f"{on.name}.{name} arguments")
    first = args.get("first")
    if first is not None and not 0 <= first <= MAX_PAGE:
        raise Unsupported("page size out of range")  # strawberry's path phrases the error
    origin = target.extensions[BACKREF].origin
    return Many(
        shape=child,
        link=_link(model_field),
        limit=MAX_PAGE if first is None else first,
        base=_visible(req, origin, child.model),
        key=(origin, _user_key(req)),
    )


def _scalar(model, field, model_field, target) -> Column | Computed:
    convert = _converter(target)
    if model_field is not None:
        return Column(model_field.attname, convert)
    only = tuple(field.store.only or ())  # a model property: the columns its optimiser hint names
    if not only or not isinstance(getattr(model, field.django_name, None), property):
        raise Unsupported(f"{model.__name__}.{field.django_name}")
    attribute = field.django_name

    def computed(*values):
        value = getattr(model(**dict(zip(only, values, strict=True))), attribute)
        return value if convert is None or value is None else convert(value)

    return Computed(only, computed)


def _converter(target) -> Callable[[Any], Any] | None:
    if isinstance(target, GraphQLEnumType):
        names = {v.value.value if hasattr(v.value, "value") else v.value: n for n, v in target.values.items()}
        return names.__getitem__
    if target.name in ("Date", "DateTime", "Time"):
        return _isoformat
    if target.name == "ID":
        return str
    return None


def _isoformat(value) -> str:
    return value.isoformat()


def _is_list(gql_type) -> bool:
    while isinstance(gql_type, GraphQLNonNull):
        gql_type = gql_type.of_type
    return isinstance(gql_type, GraphQLList)


def _link(model_field) -> str:
    """The lookup from the related model back to this one."""
    if isinstance(model_field, ForeignObjectRel):
        return model_field.field.name
    if isinstance(model_field, ManyToManyField):
        return model_field.related_query_name()
    raise Unsupported(f"relation {model_field}")


def _user_key(req: Request) -> Any:
    """Who is asking, as far as a type's ``get_queryset`` may care: it decides by the user alone."""
    user = getattr(getattr(req.info.context, "request", None), "user", None)
    return getattr(user, "pk", None)


def _visible(req: Request, origin, model: type[Model]) -> Callable | None:
    get_queryset = getattr(origin, "get_queryset", None)
    if get_queryset is None:
        return None
    return lambda: get_queryset(model._default_manager.all(), req.info)
