"""The example queries of docs/graphql.md: each ```graphql block that follows an ``<!-- example -->`` line."""

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "graphql.md"
EXAMPLE = re.compile(r"<!-- example -->\s*```graphql\n(.*?)```", re.DOTALL)


def doc_examples() -> dict[str, str]:
    """Operation name → query text."""
    examples = {}
    for query in EXAMPLE.findall(DOC.read_text(encoding="utf-8")):
        name = re.match(r"\s*query\s+(\w+)", query).group(1)
        examples[name] = query
    return examples
