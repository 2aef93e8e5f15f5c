"""Errors a client may read, and everything else masked.

Validation errors (a misspelt field, a limit) and errors raised as
``PublicError`` or ``PermissionError`` keep their message; a Django
``ValidationError`` from a selector (an unknown country code) becomes its
message; a cursor or a global id that cannot be decoded (strawberry's relay
raises ValueError and GlobalIDValueError for them) is a ``BAD_CURSOR`` or
``BAD_ID`` error. Each of these carries a code in ``extensions`` and is not
logged: it is the client's mistake. Anything else is "Unexpected error." and
logged once, with its traceback. GraphQL's "Did you mean …?" hints are removed
so the schema is not probed one guess at a time (introspection stays on).
"""

import binascii
import logging
import re
import traceback

from django.core.exceptions import PermissionDenied, ValidationError
from graphql import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.relay.types import GlobalIDValueError

from common.timeouts import statement_timed_out

logger = logging.getLogger(__name__)

SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


class PublicError(Exception):
    """An error whose message is meant for the client (a bad cursor, a bad argument)."""


PUBLIC = (PublicError, PermissionError, PermissionDenied, ValidationError, GraphQLError)
BAD_CURSOR = "Invalid cursor: pass back a cursor this connection returned (an edge's cursor, or pageInfo's)."


def client_mistake(original: BaseException | None) -> tuple[str, str] | None:
    """``(code, message)`` when ``original`` comes from a value the client sent that cannot be decoded, or a
    query the database gave up on (``statement_timeout``)."""
    if original is not None and statement_timed_out(original):
        return "TIMEOUT", "The database took too long to answer this query: ask for less (smaller pages, a filter)."
    if isinstance(original, GlobalIDValueError):
        return "BAD_ID", str(original)
    if isinstance(original, ValueError | binascii.Error):
        frames = {
            (f.filename.rsplit("site-packages/", 1)[-1], f.name) for f in traceback.extract_tb(original.__traceback__)
        }
        if ("strawberry/relay/utils.py", "from_arguments") in frames:
            return "BAD_CURSOR", BAD_CURSOR
        if any(name.startswith("strawberry/relay/fields.py") for name, _ in frames):
            return "BAD_ID", "No object has this id: a global id names a type and that type's id (a number here)."
    return None


def _code(original: BaseException | None) -> str | None:
    if isinstance(original, PublicError):
        return "BAD_CURSOR" if str(original).startswith("Invalid cursor") else "BAD_ARGUMENT"
    if isinstance(original, ValidationError):
        return "INVALID"
    if isinstance(original, PermissionError | PermissionDenied):
        return "FORBIDDEN"
    return None


def _message(error: GraphQLError) -> str:
    original = error.original_error
    mistake = client_mistake(original)
    if mistake:
        return mistake[1]
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
        internal = original is not None and not isinstance(original, PUBLIC) and client_mistake(original) is None
        if internal:
            logger.error("GraphQL internal error at %s", error.path, exc_info=original)
        return internal

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        cleaned = []
        for error in super()._process_errors(errors):
            message = SUGGESTION.sub("", _message(error))
            original = error.original_error
            code = (client_mistake(original) or (None, None))[0] or _code(original)
            extensions = {"code": code, **(error.extensions or {})} if code else error.extensions
            if isinstance(original, ValidationError) and hasattr(original, "error_dict"):
                extensions = {**extensions, "fields": original.message_dict}  # like REST's error.fields
            cleaned.append(
                GraphQLError(
                    message,
                    nodes=error.nodes,
                    source=error.source,
                    positions=error.positions,
                    path=error.path,
                    extensions=extensions,
                )
            )
        return cleaned


def log_internal_only(errors: list[GraphQLError], execution_context=None) -> None:
    """The schema's ``process_errors``: strawberry logs every error with its traceback, a client's mistakes
    included; internal errors are already logged once by ``PublicErrors``, so nothing more is logged here."""
