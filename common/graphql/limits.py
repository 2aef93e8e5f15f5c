"""What a query may cost: estimated before it runs, counted after, reported in ``extensions.cost``.

Depth, aliases and tokens are strawberry's own validators. Page sizes and the
node budget need the variables, so ``PageBudget`` checks them after
validation and before execution: every ``first``/``last`` is at most
``MAX_PAGE``, and the list items a query can return stay within ``MAX_NODES``.
The estimate multiplies, along each path, what each list can hold: its
``first`` when given, else the bound its writes enforce (``capped_list(bound=)``,
e.g. an event's ``MAX_PARTICIPANTS``), else a connection's default page, else
``LIST_ESTIMATE``; it sums over all paths.

After execution (compiled or by strawberry) it counts the list items the
response really holds: a query refuses above ``MAX_OBJECTS`` (an estimate that
proved wrong), and every answer reports ``{"estimated", "actual", "limit"}``.
``too_large`` is the answer for a body above ``MAX_RESPONSE_BYTES``.
"""

from collections.abc import Iterator

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    get_named_type,
    value_from_ast_untyped,
)
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types.graphql import OperationType

from common.graphql.fields import DEFAULT_PAGE, LIST_BOUND, MAX_PAGE

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 1000
MAX_NODES = 10_000  # list items a query may ask for, estimated before it runs
MAX_OBJECTS = 20_000  # list items a response may hold, counted after the query ran
MAX_RESPONSE_BYTES = 5 * 1024 * 1024  # the serialized body
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
MAX_WORK = 15
BACKREF = "strawberry-definition"  # where strawberry keeps a GraphQL field's own definition


class LimitExceeded(GraphQLError):
    def __init__(self, limit: str, message: str) -> None:
        super().__init__(message, extensions={"code": "LIMIT_EXCEEDED", "limit": limit})


def _arguments(node: FieldNode, variables: dict) -> dict:
    values = {arg.name.value: value_from_ast_untyped(arg.value, variables) for arg in node.arguments or ()}
    return {name: value for name, value in values.items() if value is not Undefined and value is not None}


def _fields(
    selection_set: SelectionSetNode | None, parent: GraphQLObjectType | GraphQLInterfaceType, schema, fragments
) -> Iterator[tuple[FieldNode, GraphQLObjectType | GraphQLInterfaceType]]:
    """The fields selected on ``parent``, through fragments and inline fragments (with their type)."""
    for sel in selection_set.selections if selection_set else ():
        if isinstance(sel, FieldNode):
            yield sel, parent
        elif isinstance(sel, InlineFragmentNode):
            on = schema.get_type(sel.type_condition.name.value) if sel.type_condition else parent
            yield from _fields(sel.selection_set, on, schema, fragments)
        elif isinstance(sel, FragmentSpreadNode) and sel.name.value in fragments:
            frag = fragments[sel.name.value]
            yield from _fields(frag.selection_set, schema.get_type(frag.type_condition.name.value), schema, fragments)


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
    for node, on in _fields(selection_set, parent, ctx["schema"], ctx["fragments"]):
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
    for node, on in _fields(selection_set, root, ctx["schema"], ctx["fragments"]):
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


def too_large(body: dict, size: int) -> dict:
    """What answers instead of a body of ``size`` bytes above ``MAX_RESPONSE_BYTES`` (its cost report kept)."""
    error = LimitExceeded(
        "response_size",
        f"Response size limit: the answer is {size / 1_048_576:.1f} MB; the limit is "
        f"{MAX_RESPONSE_BYTES / 1_048_576:.0f} MB. Ask for smaller pages or fewer fields, and page with after.",
    )
    extensions = body.get("extensions") if isinstance(body, dict) else None
    return {"data": None, "errors": [error.formatted], **({"extensions": extensions} if extensions else {})}


class PageBudget(SchemaExtension):
    """Refuses oversized pages and queries whose estimate exceeds ``MAX_NODES`` list items (before they run) or
    whose answer holds more than ``MAX_OBJECTS`` (after), and reports both figures in ``extensions.cost``."""

    def __init__(self) -> None:
        self.cost: dict | None = None

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        self.cost = None
        skipped: frozenset[str] = frozenset()
        if ctx.graphql_document is not None and not ctx.result:
            try:
                estimated, work, skipped = self.check(
                    ctx.schema._schema, ctx.graphql_document, ctx.operation_name, ctx.variables or {}
                )
            except LimitExceeded as error:
                ctx.result = GraphQLExecutionResult(data=None, errors=[error])
                estimated, work = getattr(error, "estimated", None), getattr(error, "work", None)
            self.cost = {"estimated": estimated, "actual": 0, "limit": MAX_NODES, "work": work, "workLimit": MAX_WORK}
        yield
        if self.cost is None or ctx.result is None or not isinstance(ctx.result.data, dict):
            return
        actual = returned_objects(ctx.result.data, skipped)
        self.cost["actual"] = actual
        if actual > MAX_OBJECTS and ctx.operation_type == OperationType.QUERY:  # a mutation's write is done
            ctx.result = GraphQLExecutionResult(
                data=None,
                errors=[
                    LimitExceeded(
                        "objects",
                        f"Object limit: this answer holds {actual:,} objects in lists (the estimate was "
                        f"{self.cost['estimated']:,}); the limit is {MAX_OBJECTS:,}. Ask nested lists for what you "
                        "show with first.",
                    )
                ],
            )

    def get_results(self) -> dict:
        return {"cost": self.cost} if self.cost is not None else {}

    @staticmethod
    def check(
        schema: GraphQLSchema, document, operation_name: str | None, variables: dict
    ) -> tuple[int, int, frozenset[str]]:
        """The operation's estimate, its root work and its introspection fields' response keys (not counted);
        raises ``LimitExceeded`` (with ``.estimated`` and ``.work``) for a page above ``MAX_PAGE``, an estimate
        above ``MAX_NODES`` or root work above ``MAX_WORK``."""
        fragments = {d.name.value: d for d in document.definitions if d.kind == "fragment_definition"}
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        if operation_name:
            operations = [o for o in operations if o.name and o.name.value == operation_name]
        ctx: dict = {"schema": schema, "fragments": fragments, "variables": variables, "paths": {}}
        nodes, work, skipped = 0, 0, frozenset()
        for op in operations[:1]:
            root = schema.get_root_type(op.operation)
            nodes = estimate(op.selection_set, root, 1, ctx)
            work = root_work(op.selection_set, root, ctx)
            skipped = frozenset(
                (n.alias or n.name).value
                for n, _ in _fields(op.selection_set, root, schema, fragments)
                if n.name.value in ("__schema", "__type")
            )
        refusal = ctx.get("refusal")
        if refusal is None and nodes > MAX_NODES:
            costliest, count = max(ctx["paths"].items(), key=lambda item: item[1])
            refusal = LimitExceeded(
                "node_budget",
                f"Node budget: this query could return {nodes:,} objects in lists (each list's first, or the most it "
                f"can hold, multiplied along each path and summed); the limit is {MAX_NODES:,}. The largest part is "
                f"{costliest} ({count:,}): ask it, or a list above it, for fewer items with first.",
            )
        if refusal is None and work > MAX_WORK:
            refusal = LimitExceeded(
                "root_work",
                f"Root work limit: this query's root fields weigh {work} (an events search {SEARCH_WORK['events']}, "
                f"sources {SEARCH_WORK['sources']}, people {SEARCH_WORK['people']}, a network {NETWORK_WORK}, any "
                f"other 1); the limit is {MAX_WORK}. Send one events search per query, or split it.",
            )
        if refusal is not None:
            refusal.estimated, refusal.work = nodes, work
            raise refusal
        return nodes, work, skipped


# The depth and alias rules are made once, not per request, so that a document's validation
# (rules included) is cached by ``ValidationCache``: a query a frontend sends again is neither
# parsed nor validated again.
STATIC_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
]
CACHED_DOCUMENTS = 512  # distinct query texts kept parsed and validated, per process


class StaticLimitRules(AddValidationRules):
    def __init__(self) -> None:
        super().__init__(STATIC_RULES)


def limit_extensions() -> list:
    return [
        StaticLimitRules,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=CACHED_DOCUMENTS),
        lambda: ValidationCache(maxsize=CACHED_DOCUMENTS),
        PageBudget,
    ]
