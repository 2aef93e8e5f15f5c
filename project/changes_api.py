"""GET /api/v1/changes/: the changes feed over HTTP (what it lists and how: project/changes.py)."""

from datetime import timedelta
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import exceptions, serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.docs import ERROR_RESPONSES
from common.filters import checked_moment
from project.changes import RESOURCES, Position, changes_between

ChangeSerializer = inline_serializer(
    name="Change",
    many=True,
    fields={
        "resource": serializers.ChoiceField(choices=[r.name for r in RESOURCES]),
        "id": serializers.IntegerField(),
        "key": serializers.CharField(help_text="The detail URL's key: slug, ISO2 code or id."),
        "change": serializers.ChoiceField(choices=["created", "updated", "deleted"]),
        "at": serializers.DateTimeField(help_text="When the last change happened."),
        "url": serializers.CharField(allow_null=True, help_text="Null for a tombstone."),
    },
)


DEFAULT_LIMIT = 1000
MAX_LIMIT = 10000


class ChangesView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="changes_list",  # not drf-spectacular's changes_retrieve: it is a list
        summary="What changed since a moment (for incremental mirroring)",
        description="Pass the previous answer's `until` as the next `since`. Each object appears once, with "
        "its latest change; `deleted` entries are tombstones.",
        parameters=[
            OpenApiParameter("since", OpenApiTypes.DATETIME, required=True, description="ISO 8601 date-time."),
            OpenApiParameter(
                "after",
                OpenApiTypes.STR,
                description="Set by `next` links: the resource:id a cut answer ended at, so the rest of the "
                "changes made at that same instant follow.",
            ),
            OpenApiParameter(
                "limit",
                OpenApiTypes.INT,
                description=f"At most about this many changes (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}); "
                "when there are more, `next` asks for the rest.",
            ),
        ],
        responses={
            200: inline_serializer(
                name="Changes",
                fields={
                    "since": serializers.DateTimeField(),
                    "until": serializers.DateTimeField(
                        help_text="Every change up to here is in the answer: the next since, once `next` is null."
                    ),
                    "next": serializers.URLField(allow_null=True, help_text="The rest, when limit cut the answer."),
                    "changes": ChangeSerializer,
                },
            ),
            **ERROR_RESPONSES,
        },
    )
    def get(self, request, *args, **kwargs):
        raw = request.query_params.get("since", "")
        try:
            parsed = parse_datetime(raw) if raw else None
        except ValueError:
            parsed = None
        if parsed is not None and parsed.tzinfo is not None:
            checked_moment(parsed, field="since")  # an impossible offset is a 400 naming since, not a shifted moment
        try:
            since = serializers.DateTimeField().to_internal_value(raw) if raw else None
        except exceptions.ValidationError as exc:
            raise exceptions.ValidationError({"since": exc.detail}) from exc
        if since is None:
            raise exceptions.ValidationError({"since": ["Required: an ISO 8601 date-time, e.g. 2026-11-28T00:00:00Z."]})
        limit = request.query_params.get("limit", str(DEFAULT_LIMIT))
        if not limit.isdigit() or not 1 <= int(limit) <= MAX_LIMIT:
            raise exceptions.ValidationError({"limit": [f"A whole number from 1 to {MAX_LIMIT}."]})
        after = _position(request.query_params.get("after"))
        changes, until, more = changes_between(
            since=since, until=timezone.now(), user=request.user, limit=int(limit), after=after
        )
        next_url = None
        if more:  # the rest starts after the last change returned, even among changes at the same instant
            last = max((c for c in changes if c["at"] == until), key=lambda c: (c["resource"], c["id"]))
            position = f"{last['resource']}:{last['id']}"
            query = urlencode({"since": until.isoformat().replace("+00:00", "Z"), "after": position, "limit": limit})
            next_url = request.build_absolute_uri(f"{request.path}?{query}")
            until -= timedelta(microseconds=1)  # every change up to here is in this answer (more may share `at`)
        for change in changes:
            if change["url"]:
                change["url"] = request.build_absolute_uri(change["url"])
        return Response({"since": since, "until": until, "next": next_url, "changes": changes})


def _position(raw: str | None) -> Position | None:
    """``after=events:123`` (from a ``next`` link): the resource and id a cut page ended at."""
    if raw is None:
        return None
    name, _, pk = raw.partition(":")
    if name not in {r.name for r in RESOURCES} or not pk.isdigit() or len(pk) > 18:
        raise exceptions.ValidationError(
            {"after": ["Where a page ended, as in a next link: resource:id, e.g. events:42."]}
        )
    return name, int(pk)
