"""Compiled reads: a query over model-backed types answered from rows, without per-field resolvers.

strawberry runs a resolver, an extension hook and a type check for every field of every
object; a page of 50 events with participants is some 8,000 such steps, most of the
request's time. ``CompiledReads`` answers such queries from the root: the selection
becomes a ``common.projection.Shape`` (see ``common.graphql.shapes``), read with one
query per list, and the response is built as plain dicts.

It takes a query only when it knows every field in it: root fields whose resolver
returns a queryset (a keyset connection or one object), plain model fields and model
properties, relations, capped lists with ``first``, ``id`` and ``__typename``. The
resolvers, the types' ``get_queryset`` (who may see what) and the keyset cursors are the
very ones strawberry uses. Anything else, and any error, falls back to strawberry's
executor, which then gives the canonical answer or error; tests compare both paths.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from django.db.models import QuerySet
from graphql import ExecutionResult, GraphQLObjectType, OperationDefinitionNode, get_named_type
from graphql.execution.values import get_argument_values, get_variable_values
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema_converter import get_arguments
from strawberry.types.graphql import OperationType
from strawberry_django.fields.field import StrawberryDjangoConnectionExtension, StrawberryDjangoField
from strawberry_django.queryset import run_type_get_queryset

from common.graphql.keyset import KeysetConnection, keyset_key_fields, keyset_page
from common.graphql.shapes import BACKREF, Request, Unsupported, collect, merged, object_shape
from common.projection import build, paths_of

logger = logging.getLogger(__name__)
CONNECTION_ARGS = ("before", "after", "first", "last")


class CompiledReads(SchemaExtension):
    """Answers the queries it can compile before strawberry's executor runs (which then does nothing)."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        if not ctx.result and ctx.graphql_document is not None and ctx.operation_type == OperationType.QUERY:
            try:
                data = run(ctx.schema, ctx.graphql_document, ctx.operation_name, ctx.variables or {}, ctx.context)
            except Unsupported as why:
                logger.debug("GraphQL query not compiled: %s", why)
            except Exception:  # any error: strawberry's executor answers it canonically
                logger.debug("Compiled read failed; falling back", exc_info=True)
            else:
                ctx.result = ExecutionResult(data=data)
        yield


def run(schema, document, operation_name: str | None, variables: dict, context: Any) -> dict:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1:
        raise Unsupported("operation")
    operation = operations[0]
    gql_schema = schema._schema
    coerced = get_variable_values(gql_schema, operation.variable_definitions or (), variables)
    if isinstance(coerced, list):
        raise Unsupported("variables")
    fragments = {d.name.value: d for d in document.definitions if d.kind == "fragment_definition"}
    req = Request(schema, fragments, coerced, SimpleNamespace(context=context, schema=schema))
    root = gql_schema.query_type
    data: dict[str, Any] = {}
    for key, nodes in collect(req, operation.selection_set, root).items():
        data[key] = _root_field(req, root, nodes)
    return data


def _root_field(req: Request, root: GraphQLObjectType, nodes) -> Any:
    name = nodes[0].name.value
    if name == "__typename":
        return root.name
    definition = root.fields[name]
    field = definition.extensions.get(BACKREF)
    if not isinstance(field, StrawberryDjangoField) or field.base_resolver is None or field.permission_classes:
        raise Unsupported(name)
    if len(nodes) > 1:
        raise Unsupported("a root field selected twice")
    raw = get_argument_values(definition, nodes[0], req.variables)
    target = get_named_type(definition.type)
    extensions = [type(e) for e in field.extensions]
    if extensions == [StrawberryDjangoConnectionExtension]:
        connection = target.extensions[BACKREF].origin
        if not issubclass(connection, KeysetConnection):
            raise Unsupported(f"{name}: not a keyset connection")
        paging = {k: raw.pop(k, None) for k in CONNECTION_ARGS}
        return _connection(req, field, raw, paging, target, nodes[0])
    if extensions or not isinstance(target, GraphQLObjectType):
        raise Unsupported(name)
    qs = _resolve(req, field, raw, target)
    rows = build(object_shape(req, merged(nodes), target), list(qs[:1].values(*_paths(req, nodes, target))))
    return rows[0] if rows else None


def _resolve(req: Request, field, raw: dict, node_type: GraphQLObjectType) -> QuerySet:
    """The root field's own resolver, then the node type's ``get_queryset``, as strawberry-django runs them."""
    args, kwargs = get_arguments(
        field=field,
        source=None,
        info=req.info,
        kwargs=raw,
        config=req.schema.config,
        scalar_registry=req.schema.schema_converter.scalar_registry,
    )
    qs = field.base_resolver(*args, **kwargs)
    if not isinstance(qs, QuerySet):
        raise Unsupported("the resolver returned no queryset")
    return run_type_get_queryset(qs, node_type.extensions[BACKREF].origin, req.info)


def _paths(req: Request, nodes, target) -> list[str]:
    return paths_of(object_shape(req, merged(nodes), target))


def _connection(req: Request, field, raw: dict, paging: dict, connection: GraphQLObjectType, node) -> dict:
    edge_type = get_named_type(connection.fields["edges"].type)
    node_type = get_named_type(edge_type.fields["node"].type)
    qs = _resolve(req, field, raw, node_type)
    selected = collect(req, node.selection_set, connection)

    edge_keys: list[tuple[str, list]] = []
    shape = None
    for key, nodes in selected.items():
        if nodes[0].name.value == "edges":
            edge_fields = collect(req, merged(nodes), edge_type)
            node_nodes = [n for ns in edge_fields.values() for n in ns if n.name.value == "node"]
            if node_nodes:
                shape = object_shape(req, merged(node_nodes), node_type)
            edge_keys.append((key, list(edge_fields.items())))
    key_fields = keyset_key_fields(qs)
    values = qs.values(*(paths_of(shape) if shape else ["pk"]), *key_fields)
    rows, cursors, page_info = keyset_page(values, **paging)
    built = build(shape, rows) if shape else [None] * len(rows)

    out: dict[str, Any] = {}
    for key, nodes in selected.items():
        name = nodes[0].name.value
        if name == "__typename":
            out[key] = connection.name
        elif name == "totalCount":
            out[key] = qs.order_by().count()
        elif name == "pageInfo":
            out[key] = _page_info(req, nodes, connection, page_info)
        elif name == "edges":
            edge_fields = dict(edge_keys)[key]
            out[key] = [_edge(edge_fields, edge_type, cursor, obj) for cursor, obj in zip(cursors, built, strict=True)]
        else:
            raise Unsupported(f"{connection.name}.{name}")
    return out


def _edge(edge_fields, edge_type, cursor: str, obj: dict | None) -> dict:
    edge: dict[str, Any] = {}
    for key, nodes in edge_fields:
        name = nodes[0].name.value
        if name == "node":
            edge[key] = obj
        elif name == "cursor":
            edge[key] = cursor
        elif name == "__typename":
            edge[key] = edge_type.name
        else:
            raise Unsupported(f"edge field {name}")
    return edge


def _page_info(req: Request, nodes, connection, page_info) -> dict:
    info_type = get_named_type(connection.fields["pageInfo"].type)
    values = {
        "hasNextPage": page_info.has_next_page,
        "hasPreviousPage": page_info.has_previous_page,
        "startCursor": page_info.start_cursor,
        "endCursor": page_info.end_cursor,
        "__typename": info_type.name,
    }
    out = {}
    for key, field_nodes in collect(req, merged(nodes), info_type).items():
        name = field_nodes[0].name.value
        if name not in values:
            raise Unsupported(f"PageInfo.{name}")
        out[key] = values[name]
    return out
