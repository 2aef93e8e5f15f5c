"""One error body for every 4xx and 5xx answer of the REST API.

    {"error": {"status": 400, "code": "invalid", "message": "...", "fields": {"country": ["..."]}}}

``fields`` appears only on validation errors; its keys are paths into the
request (``participants[0].person``) or the query parameter's name.
Django's ``ValidationError`` (raised by selectors and services) becomes a 400
like DRF's own.
"""

import logging
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from common.timeouts import statement_timed_out

logger = logging.getLogger(__name__)


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The resource has changed since you read it (If-Match does not match its ETag)."
    default_code = "precondition_failed"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The write conflicts with data saved meanwhile (e.g. the same slug); re-read and retry."
    default_code = "conflict"


def _django_detail(exc: DjangoValidationError) -> Any:
    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if key == NON_FIELD_ERRORS else key): [str(m) for m in DjangoValidationError(errs)]
            for key, errs in exc.error_dict.items()
        }
    return {"non_field_errors": [str(m) for m in exc.messages]}


def flatten_fields(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """``{"participants": [{}, {"person": ["x"]}]}`` -> ``{"participants[1].person": ["x"]}``."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            if isinstance(key, int) or str(key).isdigit():  # DRF keys a list's errors by index
                path = f"{prefix}[{key}]"
            else:
                path = f"{prefix}.{key}" if prefix else str(key)
            out.update(flatten_fields(value, path))
    elif isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        for index, item in enumerate(detail):
            if item:
                out.update(flatten_fields(item, f"{prefix}[{index}]"))
    elif isinstance(detail, list):
        out.setdefault(prefix or "non_field_errors", []).extend(str(item) for item in detail)
    else:
        out.setdefault(prefix or "non_field_errors", []).append(str(detail))
    return out


def error_body(status_code: int, code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict:
    error: dict[str, Any] = {"status": status_code, "code": code, "message": message}
    if fields is not None:
        error["fields"] = fields
    return {"error": error}


class TimedOut(exceptions.APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "The database took too long to answer this request (DB_STATEMENT_TIMEOUT): narrow it, or retry."
    default_code = "timeout"


def api_exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=_django_detail(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, IntegrityError):  # a concurrent write won a uniqueness race that validation had passed
        logger.warning("Integrity error in the REST API: %s", exc)
        exc = Conflict()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(detail=str(exc) or None)  # services say which permission is missing
    elif statement_timed_out(exc):
        logger.warning("A REST request ran into the statement timeout: %s", context["request"].get_full_path())
        exc = TimedOut()

    response = exception_handler(exc, context)
    if response is None:
        logger.exception("Unhandled error in the REST API", exc_info=exc)
        return Response(
            error_body(500, "server_error", "Something went wrong on our side; it has been logged."),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )

    if isinstance(exc, exceptions.ValidationError):
        fields = flatten_fields(exc.detail)
        names = ", ".join(sorted(fields))
        response.data = error_body(response.status_code, "invalid", f"Invalid input: {names}.", fields)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
        response.data = error_body(response.status_code, code if isinstance(code, str) else "error", str(detail))
    return response


@csrf_exempt  # nothing here to protect: a POST to an unknown path is a 404, not the HTML CSRF page
def not_found(request, *args, **kwargs) -> JsonResponse:
    """Unknown URLs under /api/ answer in the same shape (not Django's HTML page), whatever the method."""
    return JsonResponse(error_body(404, "not_found", f"No API resource at {request.path}."), status=404)
