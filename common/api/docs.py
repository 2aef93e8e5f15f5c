"""OpenAPI pieces shared by every view: the error body, the If-Match header, auth notes."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers

ErrorSerializer = inline_serializer(
    name="Error",
    fields={
        "error": inline_serializer(
            name="ErrorDetail",
            fields={
                "status": serializers.IntegerField(help_text="The HTTP status code, repeated."),
                "code": serializers.CharField(
                    help_text="Machine-readable: invalid, not_found, not_authenticated, permission_denied, "
                    "precondition_failed, conflict, throttled, method_not_allowed, parse_error, server_error."
                ),
                "message": serializers.CharField(help_text="For humans."),
                "fields": serializers.DictField(
                    child=serializers.ListField(child=serializers.CharField()),
                    required=False,
                    help_text="On 400 only: messages keyed by parameter name or path into the request body "
                    "(participants[0].person).",
                ),
            },
        )
    },
)


def _error(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=ErrorSerializer, description=description)


ERROR_RESPONSES = {
    400: _error("A malformed query parameter (bad date, unknown country code, unknown ordering)."),
    404: _error("No such resource (or an event that is not published and you are not a curator)."),
    429: _error("Too many requests from an anonymous client; retry after the Retry-After header's seconds."),
}

WRITE_ERROR_RESPONSES = {
    400: _error("Validation failed; `fields` maps each path in the request body to its messages."),
    401: _error("Not authenticated: send `Authorization: Token <key>` or a session cookie (with CSRF token)."),
    403: _error("Authenticated but without the model permission (add/change/delete) this write needs."),
    404: _error("No such resource."),
    409: _error("A concurrent write took the same slug (or another unique value) first. Nothing changed."),
    412: _error("If-Match named an ETag that is no longer current: re-read, re-apply, retry. Nothing changed."),
}


def if_match_parameter() -> OpenApiParameter:
    return OpenApiParameter(
        name="If-Match",
        type=OpenApiTypes.STR,
        location=OpenApiParameter.HEADER,
        required=False,
        description="The ETag you last read; the write is refused with 412 if the resource changed since.",
    )
