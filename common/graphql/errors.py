"""Errors a client may read, and everything else masked.

Validation errors (a misspelt field, a limit) and errors raised as
``PublicError`` or ``PermissionError`` keep their message; a Django
``ValidationError`` from a selector (an unknown country code) becomes its
message; anything else is "Unexpected error." with the details in the log.
GraphQL's "Did you mean …?" hints are removed so the schema is not probed
one guess at a time (introspection stays on for honest clients).
"""

import logging
import re

from django.core.exceptions import PermissionDenied, ValidationError
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

logger = logging.getLogger(__name__)

SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class PublicError(Exception):
    """An error whose message is meant for the client (a bad cursor, a bad argument)."""


PUBLIC = (PublicError, PermissionError, PermissionDenied, ValidationError, GraphQLError)


def _message(error: GraphQLError) -> str:
    original = error.original_error
    if isinstance(original, ValidationError):
        if hasattr(original, "error_dict"):
            return " ".join(f"{k}: {' '.join(v)}" for k, v in original.message_dict.items())
        return " ".join(original.messages)
    return error.message


class PublicErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=self.is_internal)

    @staticmethod
    def is_internal(error: GraphQLError) -> bool:
        original = error.original_error
        internal = original is not None and not isinstance(original, PUBLIC)
        if internal:
            logger.error("GraphQL internal error at %s", error.path, exc_info=original)
        return internal

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        cleaned = []
        for error in super()._process_errors(errors):
            message = SUGGESTION.sub("", _message(error))
            cleaned.append(
                GraphQLError(
                    message,
                    nodes=error.nodes,
                    source=error.source,
                    positions=error.positions,
                    path=error.path,
                    extensions=error.extensions,
                )
            )
        return cleaned
