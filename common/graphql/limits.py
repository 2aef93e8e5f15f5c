"""What a query may cost, checked before it runs.

Depth, aliases and tokens are strawberry's own validators. Page sizes and the
node budget need the variables, so ``PageBudget`` checks them after
validation and before execution: every ``first``/``last`` is at most
``MAX_PAGE``, and the objects a query can return, estimated as the product of
the page sizes along each path and summed over all paths, stay within
``MAX_NODES``.
"""

from collections.abc import Iterator

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
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

from common.graphql.fields import DEFAULT_PAGE, MAX_PAGE

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 1000
MAX_NODES = 10_000
PAGE_ARGUMENTS = ("first", "last")


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


def estimate(selection_set, parent, multiplier: int, ctx: dict) -> int:
    """Objects the selection can return; raises ``LimitExceeded`` for a page above ``MAX_PAGE``."""
    total = 0
    for node, on in _fields(selection_set, parent, ctx["schema"], ctx["fragments"]):
        name = node.name.value
        if name.startswith("__") or not hasattr(on, "fields") or name not in on.fields:
            continue  # introspection and __typename cost nothing worth counting
        definition = on.fields[name]
        args = _arguments(node, ctx["variables"])
        size = 1
        if any(a in definition.args for a in PAGE_ARGUMENTS):
            asked = [args[a] for a in PAGE_ARGUMENTS if args.get(a) is not None]
            for value in asked:
                if not isinstance(value, int) or value < 0 or value > MAX_PAGE:
                    raise LimitExceeded(
                        "page_size",
                        f"Page size limit: {name} asks for {value} items; first and last take 0 to {MAX_PAGE}.",
                    )
            size = min(asked) if asked else (DEFAULT_PAGE if _is_connection(definition) else MAX_PAGE)
            total += multiplier * size
        elif name == "nodes" and isinstance(args.get("ids"), list):
            size = len(args["ids"])
            if size > MAX_PAGE:
                raise LimitExceeded("page_size", f"Page size limit: nodes takes at most {MAX_PAGE} ids.")
            total += multiplier * size
        child = get_named_type(definition.type)
        if node.selection_set is not None and isinstance(child, GraphQLObjectType | GraphQLInterfaceType):
            total += estimate(node.selection_set, child, multiplier * size, ctx)
    return total


class PageBudget(SchemaExtension):
    """Refuses oversized pages and queries whose estimated result exceeds ``MAX_NODES`` objects."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        if ctx.graphql_document is not None and not ctx.result:
            try:
                self.check(ctx.schema._schema, ctx.graphql_document, ctx.operation_name, ctx.variables or {})
            except LimitExceeded as error:
                ctx.result = GraphQLExecutionResult(data=None, errors=[error])
        yield

    @staticmethod
    def check(schema: GraphQLSchema, document, operation_name: str | None, variables: dict) -> None:
        fragments = {d.name.value: d for d in document.definitions if d.kind == "fragment_definition"}
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        if operation_name:
            operations = [o for o in operations if o.name and o.name.value == operation_name]
        ctx = {"schema": schema, "fragments": fragments, "variables": variables}
        for op in operations[:1]:
            root = schema.get_root_type(op.operation)
            nodes = estimate(op.selection_set, root, 1, ctx)
            if nodes > MAX_NODES:
                raise LimitExceeded(
                    "node_budget",
                    f"Node budget: this query could return {nodes:,} objects (the product of page sizes along "
                    f"each path, summed); the limit is {MAX_NODES:,}. Ask nested lists for smaller pages with first.",
                )


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
