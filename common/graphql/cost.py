"""The static side of a query's cost: what it may return and how much root work it asks, read from the document
before anything runs, and what a response really holds, counted after.

``estimate`` multiplies, along each path, what each list can hold: its ``first`` when given, else the bound its
writes enforce (``capped_list(bound=)``, e.g. an event's ``MAX_PARTICIPANTS``), else a connection's default page,
else ``LIST_ESTIMATE``; it sums over all paths. ``root_work`` weighs the root fields. ``common.graphql.limits``
applies the limits to these figures.
"""

from collections.abc import Iterator

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    InlineFragmentNode,
    SelectionSetNode,
    Undefined,
    get_named_type,
    value_from_ast_untyped,
)

from common.graphql.fields import DEFAULT_PAGE, LIST_BOUND, MAX_PAGE

# A nested list without first, nor a bound its writes enforce (a person's tenures or participations, a country's
# events), is estimated at this many items. It may hold up to MAX_PAGE; MAX_OBJECTS catches an estimate gone wrong.
LIST_ESTIMATE = 20
PAGE_ARGUMENTS = ("first", "last")
# Root fields each scan a table; some scan far more than others. A query's root work is the sum of its root
# fields' weights: a text search weighs by the table it reads (at a million events, a search of every event's text
# and names takes about a second, of 500,000 sources about half of that, of 50,000 people a sixth), a network 5,
# anything else 1. 15 plain root fields (the alias limit) pass, and so does a search box asking events, people,
# offices, topics and countries at once (10 + 2 + 1 + 1 + 1); two event searches do not.
SEARCH_WORK = {"events": 10, "sources": 5, "people": 2}  # by root field; other searches read small tables: 1
NETWORK_WORK = 5
BACKREF = "strawberry-definition"  # where strawberry keeps a GraphQL field's own definition


class LimitExceeded(GraphQLError):
    def __init__(self, limit: str, message: str) -> None:
        super().__init__(message, extensions={"code": "LIMIT_EXCEEDED", "limit": limit})


def _arguments(node: FieldNode, variables: dict) -> dict:
    values = {arg.name.value: value_from_ast_untyped(arg.value, variables) for arg in node.arguments or ()}
    return {name: value for name, value in values.items() if value is not Undefined and value is not None}


def selected_fields(
    selection_set: SelectionSetNode | None, parent: GraphQLObjectType | GraphQLInterfaceType, schema, fragments
) -> Iterator[tuple[FieldNode, GraphQLObjectType | GraphQLInterfaceType]]:
    """The fields selected on ``parent``, through fragments and inline fragments (with their type)."""
    for sel in selection_set.selections if selection_set else ():
        if isinstance(sel, FieldNode):
            yield sel, parent
        elif isinstance(sel, InlineFragmentNode):
            on = schema.get_type(sel.type_condition.name.value) if sel.type_condition else parent
            yield from selected_fields(sel.selection_set, on, schema, fragments)
        elif isinstance(sel, FragmentSpreadNode) and sel.name.value in fragments:
            frag = fragments[sel.name.value]
            yield from selected_fields(
                frag.selection_set, schema.get_type(frag.type_condition.name.value), schema, fragments
            )


def _is_connection(definition) -> bool:
    named = get_named_type(definition.type)
    return isinstance(named, GraphQLObjectType) and "edges" in named.fields and "pageInfo" in named.fields


def _is_list(definition) -> bool:
    kind = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
    return isinstance(kind, GraphQLList)


def _bound(definition) -> int | None:
    """The most items the list field can hold, declared with ``capped_list(bound=)``."""
    metadata = getattr(definition.extensions.get(BACKREF), "metadata", None) or {}
    return metadata.get(LIST_BOUND)


def _page(name: str, definition, args: dict, ctx: dict) -> int | None:
    """The smaller of first/last when given; an out-of-range one is remembered as the query's refusal."""
    asked = [args[a] for a in PAGE_ARGUMENTS if a in definition.args and args.get(a) is not None]
    for value in asked:
        if not isinstance(value, int) or value < 0 or value > MAX_PAGE:
            ctx.setdefault(
                "refusal",
                LimitExceeded(
                    "page_size", f"Page size limit: {name} asks for {value} items; first and last take 0 to {MAX_PAGE}."
                ),
            )
            return MAX_PAGE if not isinstance(value, int) or value < 0 else value
    return min(asked) if asked else None


def estimate(selection_set, parent, multiplier: int, ctx: dict, path: str = "", inner: int | None = None) -> int:
    """List items the selection can return, for ``multiplier`` parents.

    A list of objects counts, per parent: its ``first``/``last``, else its bound, else ``inner`` (the page of
    the connection or object above: a connection's ``edges``, the ``network``'s lists), else ``LIST_ESTIMATE``
    if it takes ``first``, else nothing (a value list such as ``otherNames``, counted with its parent).
    A connection's page (``first``, else ``DEFAULT_PAGE``) counts at its ``edges``. Each path's count is kept in
    ``ctx["paths"]`` so a refusal can name the costliest.
    """
    total = 0
    for node, on in selected_fields(selection_set, parent, ctx["schema"], ctx["fragments"]):
        name = node.name.value
        if name.startswith("__") or not hasattr(on, "fields") or name not in on.fields:
            continue  # introspection and __typename cost nothing worth counting
        definition = on.fields[name]
        args = _arguments(node, ctx["variables"])
        child = get_named_type(definition.type)
        if not isinstance(child, GraphQLObjectType | GraphQLInterfaceType):
            _page(name, definition, args, ctx)  # a list of scalars costs nothing, but its first is still checked
            continue
        where = f"{path}.{node.alias.value if node.alias else name}".lstrip(".")
        page = _page(name, definition, args, ctx)
        if name == "nodes" and isinstance(args.get("ids"), list):
            page = len(args["ids"])
            if page > MAX_PAGE:
                ctx.setdefault(
                    "refusal", LimitExceeded("page_size", f"Page size limit: nodes takes at most {MAX_PAGE} ids.")
                )
        below, items = multiplier, 0
        if _is_connection(definition):
            next_inner = page if page is not None else DEFAULT_PAGE
        elif _is_list(definition):
            # a list without page arguments (other names, identifiers, a payload's errors) is part of its parent
            fallback = LIST_ESTIMATE if any(a in definition.args for a in PAGE_ARGUMENTS) else 0
            items = next(n for n in (page, _bound(definition), inner, fallback) if n is not None)
            below, next_inner = multiplier * max(items, 1), None
            ctx["paths"][where] = ctx["paths"].get(where, 0) + multiplier * items
        else:  # one object; a first on it (the network's) bounds the lists inside: at most 2 × first people
            next_inner = 2 * page if page is not None else None
        total += multiplier * items
        if node.selection_set is not None:
            total += estimate(node.selection_set, child, below, ctx, where, next_inner)
    return total


def root_work(selection_set, root, ctx: dict) -> int:
    """The weights of the operation's root fields (``SEARCH_WORK``, ``NETWORK_WORK``, else 1)."""
    work = 0
    for node, on in selected_fields(selection_set, root, ctx["schema"], ctx["fragments"]):
        if node.name.value.startswith("__") or node.name.value not in getattr(on, "fields", {}):
            continue
        filters = _arguments(node, ctx["variables"]).get("filters")
        name = node.name.value
        searched = SEARCH_WORK.get("events" if name == "network" else name, 1)  # a network searches events
        weight = NETWORK_WORK if name == "network" else 0
        if isinstance(filters, dict) and filters.get("search"):
            weight += searched
        work += max(weight, 1)
    return work


def returned_objects(data, skipped: frozenset[str] = frozenset()) -> int:
    """List items in a response's ``data`` (objects inside lists: an edge, a participant, a topic), the unit
    ``estimate`` counts; top-level keys in ``skipped`` (introspection) are not counted."""
    count = 0
    stack = [value for key, value in data.items() if key not in skipped] if isinstance(data, dict) else []
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(v for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    count += 1
                    stack.append(item)
                elif isinstance(item, list):
                    stack.append(item)
    return count
