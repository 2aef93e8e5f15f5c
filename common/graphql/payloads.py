"""What every mutation shares: permission checks, typed field errors, global-id lookups.

A service's ``ValidationError`` (keyed ``start_date`` or ``participants[2]``)
becomes ``FieldError``s whose ``path`` names the input field the client sent
(``["input", "participants", "2"]``), so a form can put each message beside
its field. Mutations answer ``errors: []`` on success.
"""

import re
from collections.abc import Iterable

import strawberry
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from strawberry import relay
from strawberry.permission import BasePermission
from strawberry.utils.str_converters import to_camel_case


@strawberry.type(description="Why an input was refused, and which input field it concerns.")
class FieldError:
    field: str = strawberry.field(description="The path as one string, e.g. 'input.participants.0.person'.")
    path: list[str] = strawberry.field(description="The path as a list, e.g. ['input', 'participants', '0'].")
    messages: list[str]
    code: str = strawberry.field(
        default="invalid",
        description="invalid: the input is wrong; conflict: the record changed since you read it (nothing was "
        "written; reload and reapply); forbidden: you may not make this change.",
    )


def needs(*perms: str) -> type[BasePermission]:
    """A permission class: a signed-in user holding every one of ``perms``."""

    class HasPerms(BasePermission):
        message = "Sign in with an account that may change data."

        def has_permission(self, source, info: strawberry.Info, **kwargs) -> bool:
            user = getattr(info.context.request, "user", None)
            if user is None or not user.is_authenticated:
                self.message = "Authentication required: sign in to change data."
                return False
            missing = [p for p in perms if not user.has_perm(p)]
            if missing:
                self.message = f"Permission denied: this needs {', '.join(missing)}."
                return False
            return True

    HasPerms.__name__ = f"Needs_{'_'.join(p.replace('.', '_') for p in perms)}"
    return HasPerms


def _path(key: str, prefix: list[str]) -> list[str]:
    if key == NON_FIELD_ERRORS:
        return prefix
    parts = [p for p in re.split(r"[.\[\]]+", key) if p]
    return [*prefix, *(p if p.isdigit() else to_camel_case(p) for p in parts)]


def field_errors(exc: ValidationError, prefix: Iterable[str] = ("input",)) -> list[FieldError]:
    prefix = list(prefix)
    if not hasattr(exc, "error_dict"):
        return [FieldError(field=".".join(prefix), path=prefix, messages=exc.messages)]
    errors = []
    for key, messages in exc.message_dict.items():
        path = _path(key, prefix)
        errors.append(FieldError(field=".".join(path), path=path, messages=list(messages)))
    return errors


class Lookup:
    """Resolves global ids to model rows for one input, collecting errors by path instead of failing at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def error(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)

    def one(self, gid: relay.GlobalID | None, model: type[Model], type_name: str, key: str) -> Model | None:
        """The row ``gid`` names, or None (with an error under ``key`` when it names none)."""
        if gid is None:
            return None
        found = self._fetch([(key, gid)], model, type_name)
        return found[0] if found else None

    def many(self, gids: list[relay.GlobalID], model: type[Model], type_name: str, key: str) -> list[Model]:
        """The rows ``gids`` name, in order; errors go under ``key[index]``."""
        return self._fetch([(f"{key}[{i}]", gid) for i, gid in enumerate(gids)], model, type_name)

    def _fetch(self, wanted: list[tuple[str, relay.GlobalID]], model: type[Model], type_name: str) -> list[Model]:
        ids = []
        for where, gid in wanted:
            if gid.type_name != type_name or not gid.node_id.isdigit():
                self.error(where, f"Not the id of a {type_name}.")
            else:
                ids.append((where, int(gid.node_id)))
        rows = model._default_manager.in_bulk([pk for _, pk in ids])  # one query for the whole list
        for where, pk in ids:
            if pk not in rows:
                self.error(where, f"No {type_name} has this id.")
        return [rows[pk] for _, pk in ids if pk in rows]

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
