"""The changes feed: what was created, updated or deleted since a moment, so a client can mirror the data.

It lives in ``project/`` because it assembles every app's resources (people and events alike); the apps and
``common/`` know nothing of it.

Built from the django-simple-history tables every model keeps: one aggregate
query per resource, whatever the number of changes. Deletions come back as
tombstones (``"change": "deleted"``, no URL). A changed tenure also lists its
person and office as updated, since their representations embed it. For anonymous clients an event
that left the public (retracted, or back to draft) is a tombstone too, carrying only what was public
(its slug when last published, the moment it left); an event never published does not appear at all.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.db.models import Case, Exists, F, IntegerField, Max, Model, OuterRef, Subquery, When
from django.db.models.functions import Coalesce
from django.urls import reverse
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
from events.models import Event, ReviewState, Topic
from events.selectors import can_see_unpublished, visible_events
from people.models import Country, Office, Person, Tenure
from sources.models import Source


@dataclass(frozen=True)
class Resource:
    name: str  # as in /api/v1/<name>/
    model: type[Model]
    key: str  # the detail URL's lookup field
    route: str  # URL name

    @property
    def url_kwarg(self) -> str:
        return "pk" if self.key == "id" else self.key


RESOURCES = [
    Resource("countries", Country, "iso2", "api:country-detail"),
    Resource("people", Person, "slug", "api:person-detail"),
    Resource("offices", Office, "slug", "api:office-detail"),
    Resource("tenures", Tenure, "id", "api:tenure-detail"),
    Resource("topics", Topic, "slug", "api:topic-detail"),
    Resource("sources", Source, "id", "api:source-detail"),
    Resource("events", Event, "slug", "api:event-detail"),
]


def changes_between(
    *, since: datetime, until: datetime, user=None, limit: int | None = None
) -> tuple[list[dict], datetime, bool]:
    """Every object changed in (since, until], once, with its last change; oldest first.

    With ``limit``, at most about that many (one database read of ``limit + 1`` rows per
    resource); ``until`` then moves back to the last change returned, and the third value
    says there is more: ask again from the returned ``until``.
    """
    changes: list[dict] = []
    tenure_rows: dict[int, dict] = {}
    for resource in RESOURCES:
        history = resource.model.history.model
        latest = history.objects.filter(id=OuterRef("id")).order_by("-history_date", "-history_id")
        current = resource.model.objects.all()
        if resource.model is Event:
            current = visible_events(user)
        rows = (
            history.objects.filter(history_date__gt=since, history_date__lte=until)
            .values("id")
            .annotate(
                last=Max("history_date"),
                created=Max(Case(When(history_type="+", then=1), default=0, output_field=IntegerField())),
            )
            .annotate(
                key=Subquery(latest.values(resource.key)[:1]),
                exists=Exists(current.filter(pk=OuterRef("id"))),
            )
            .order_by()
        )
        if resource.model is Event and not can_see_unpublished(user):
            rows = _as_the_public_saw_them(rows, history).filter(at__gt=since, at__lte=until)
        else:
            rows = rows.annotate(at=F("last"))
        if resource.model is Tenure:  # whose representation (person.tenures, office.holders) changed with it
            rows = rows.annotate(
                person_id=Subquery(latest.values("person_id")[:1]), office_id=Subquery(latest.values("office_id")[:1])
            )
        if limit:
            rows = rows.order_by("at", "id")[: limit + 1]
        for row in rows:
            if resource.model is Tenure:
                tenure_rows[row["id"]] = row
            if not row["exists"]:
                change, url = "deleted", None
                row["key"] = row.get("public_key", row["key"])  # for the public: the slug it was published under
            else:
                change = "created" if row["created"] else "updated"
                url = reverse(resource.route, kwargs={resource.url_kwarg: row["key"]})
            changes.append(
                {
                    "resource": resource.name,
                    "id": row["id"],
                    "key": str(row["key"]),
                    "change": change,
                    "at": row["at"],
                    "url": url,
                }
            )
    changes.sort(key=lambda c: (c["at"], c["resource"], c["id"]))
    more = bool(limit) and len(changes) > limit
    if more:
        until = changes[limit - 1]["at"]
        if changes[limit]["at"] == until:  # changes at the same instant straddle the cut: leave them all for next time
            until -= timedelta(microseconds=1)
        changes = [c for c in changes if c["at"] <= until]
    embedding: dict[tuple[str, int], datetime] = {}
    for change in changes:
        if change["resource"] == "tenures":
            row = tenure_rows[change["id"]]
            for key in (("people", row["person_id"]), ("offices", row["office_id"])):
                embedding[key] = max(row["at"], embedding.get(key, row["at"]))
    changes += _embedding_changes(changes, embedding)
    changes.sort(key=lambda c: (c["at"], c["resource"], c["id"]))
    return changes, until, more


def _as_the_public_saw_them(rows, history):
    """Event rows for a client who sees only published events: an event never published is left out, and
    one that left the public is a tombstone carrying what was public: its slug when it was last published,
    and the moment it left (retracted, returned to draft or deleted), not the time of a later unpublished edit.
    """
    public = history.objects.filter(id=OuterRef("id"), review_state=ReviewState.PUBLISHED)
    last_public = public.order_by("-history_date", "-history_id")
    rows = rows.annotate(
        public_at=Subquery(last_public.values("history_date")[:1]),
        public_key=Subquery(last_public.values("slug")[:1]),
    ).filter(public_at__isnull=False)
    left = history.objects.filter(id=OuterRef("id"), history_date__gt=OuterRef("public_at"))
    rows = rows.annotate(left_at=Subquery(left.order_by("history_date", "history_id").values("history_date")[:1]))
    return rows.annotate(at=Case(When(exists=True, then=F("last")), default=Coalesce(F("left_at"), F("public_at"))))


def _embedding_changes(changes: list[dict], embedding: dict[tuple[str, int], datetime]) -> list[dict]:
    """People and offices whose embedded tenures changed, as updates (two queries at most)."""
    listed = {(c["resource"], c["id"]) for c in changes}
    wanted = {key: at for key, at in embedding.items() if key not in listed}
    extra = []
    for resource in RESOURCES:
        ids = [pk for (name, pk) in wanted if name == resource.name]
        if not ids:
            continue
        for pk, key in resource.model.objects.filter(pk__in=ids).values_list("pk", resource.key):
            url = reverse(resource.route, kwargs={resource.url_kwarg: key})
            extra.append(
                {
                    "resource": resource.name,
                    "id": pk,
                    "key": str(key),
                    "change": "updated",
                    "at": wanted[(resource.name, pk)],
                    "url": url,
                }
            )
    return extra


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
        summary="What changed since a moment (for incremental mirroring)",
        description="Pass the previous answer's `until` as the next `since`. Each object appears once, with "
        "its latest change; `deleted` entries are tombstones.",
        parameters=[
            OpenApiParameter("since", OpenApiTypes.DATETIME, required=True, description="ISO 8601 date-time."),
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
                    "until": serializers.DateTimeField(help_text="Use as the next since."),
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
        changes, until, more = changes_between(since=since, until=timezone.now(), user=request.user, limit=int(limit))
        for change in changes:
            if change["url"]:
                change["url"] = request.build_absolute_uri(change["url"])
        next_url = None
        if more:
            query = urlencode({"since": until.isoformat().replace("+00:00", "Z"), "limit": limit})
            next_url = request.build_absolute_uri(f"{request.path}?{query}")
        return Response({"since": since, "until": until, "next": next_url, "changes": changes})
