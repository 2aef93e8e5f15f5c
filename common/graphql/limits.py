"""What a query may cost: estimated before it runs, counted after, reported in ``extensions.cost``.

Depth, aliases and tokens are strawberry's own validators. Page sizes and the
node budget need the variables, so ``PageBudget`` checks them after
validation and before execution: every ``first``/``last`` is at most
``MAX_PAGE``, the list items a query can return stay within ``MAX_NODES``
and its root work within ``MAX_WORK`` (the figures: ``common.graphql.cost``).

After execution (compiled or by strawberry) it counts the list items the
response really holds: a query refuses above ``MAX_OBJECTS`` (an estimate that
proved wrong), and every answer reports ``{"estimated", "actual", "limit"}``.
``too_large`` is the answer for a body above ``MAX_RESPONSE_BYTES``.
"""

from collections.abc import Iterator

from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import GraphQLSchema, OperationDefinitionNode
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

from common.graphql.cost import (
    NETWORK_WORK,
    SEARCH_WORK,
    LimitExceeded,
    estimate,
    returned_objects,
    root_work,
    selected_fields,
)

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 1000
MAX_NODES = 10_000  # list items a query may ask for, estimated before it runs
MAX_OBJECTS = 20_000  # list items a response may hold, counted after the query ran
MAX_RESPONSE_BYTES = 5 * 1024 * 1024  # the serialized body
MAX_WORK = 15  # root work a query may ask (common.graphql.cost.root_work)


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
                for n, _ in selected_fields(op.selection_set, root, schema, fragments)
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
