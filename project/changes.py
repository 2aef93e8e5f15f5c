"""The changes feed: what was created, updated or deleted since a moment, so a client can mirror the data.

It lives in ``project/`` because it assembles every app's resources (people and events alike); the apps and
``common/`` know nothing of it.

Built on ``updated_at``, the column ``updated_since`` filters on and every write sets (the services,
the admin, imports, ``loaddata`` and the synthetic data generator alike), so the feed and
``updated_since`` agree; deletions come from the django-simple-history tables every model keeps and
come back as tombstones (``"change": "deleted"``, no URL). Two queries per resource, whatever the number
of changes. A changed tenure also lists its
person and office as updated, since their representations embed it. For anonymous clients an event
that left the public (retracted, or back to draft) is a tombstone too, carrying only what was public
(its slug when last published, the moment it left); an event never published does not appear at all.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.db.models import Exists, F, Max, Model, OuterRef, Q, Subquery
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


Position = tuple[str, int]  # (resource name, id): where a page cut among changes made at the same instant


def changes_between(
    *, since: datetime, until: datetime, user=None, limit: int | None = None, after: Position | None = None
) -> tuple[list[dict], datetime, bool]:
    """Every object changed in (since, until], once, with its last change; ordered by (time, resource, id).

    With ``after``, changes made exactly at ``since`` count too when they come after that position (the
    rest of a page cut there). With ``limit``, at most that many (plus people and offices whose tenures
    changed; one read of ``limit + 1`` rows per resource and kind); ``until`` is then the last change
    returned, and the third value says there is more: ask again from there, after its position.
    """
    changes: list[dict] = []
    tenure_rows: dict[int, dict] = {}
    for resource in RESOURCES:
        window = _window(resource, since, until, after)
        for row in [*_live(resource, window, since, user, limit), *_gone(resource, window, user, limit)]:
            if resource.model is Tenure:
                tenure_rows[row["id"]] = row
            url = (
                reverse(resource.route, kwargs={resource.url_kwarg: row["key"]}) if row["change"] != "deleted" else None
            )
            changes.append(
                {
                    "resource": resource.name,
                    "id": row["id"],
                    "key": str(row["key"]),
                    "change": row["change"],
                    "at": row["at"],
                    "url": url,
                }
            )
    changes.sort(key=lambda c: (c["at"], c["resource"], c["id"]))
    more = bool(limit) and len(changes) > limit
    if more:
        changes = changes[:limit]  # a cut among changes at one instant is fine: the next page starts after it
        until = changes[-1]["at"]
    embedding: dict[tuple[str, int], datetime] = {}
    for change in changes:
        if change["resource"] == "tenures":
            row = tenure_rows[change["id"]]
            for key in (("people", row["person_id"]), ("offices", row["office_id"])):
                embedding[key] = max(row["at"], embedding.get(key, row["at"]))
    changes += _embedding_changes(changes, embedding)
    changes.sort(key=lambda c: (c["at"], c["resource"], c["id"]))
    return changes, until, more


def _window(resource: Resource, since: datetime, until: datetime, after: Position | None) -> Callable[[str], Q]:
    """The condition on a moment field (``updated_at``, a tombstone's ``at``) for the window: after
    ``since`` (or at it, past ``after``), up to ``until``."""

    def condition(field: str) -> Q:
        later = Q(**{f"{field}__gt": since})
        if after is not None and resource.name > after[0]:
            later |= Q(**{field: since})
        elif after is not None and resource.name == after[0]:
            later |= Q(**{field: since, "id__gt": after[1]})
        return later & Q(**{f"{field}__lte": until})

    return condition


def _live(resource: Resource, window, since: datetime, user, limit: int | None) -> list[dict]:
    """Objects the client may see whose ``updated_at`` falls in the window: the column ``updated_since``
    filters on, which every write (services, admin, imports, ``loaddata``, the generator) sets."""
    current = visible_events(user) if resource.model is Event else resource.model.objects.all()
    extra = ("person_id", "office_id") if resource.model is Tenure else ()
    rows = (
        current.filter(window("updated_at"))
        .order_by("updated_at", "id")
        .values("id", "created_at", "updated_at", *extra, key=F(resource.key))
    )
    if limit:
        rows = rows[: limit + 1]
    return [
        row | {"at": row["updated_at"], "change": "created" if row["created_at"] > since else "updated"} for row in rows
    ]


def _gone(resource: Resource, window, user, limit: int | None) -> list[dict]:
    """Tombstones: objects deleted in the window (their history's last entry says so), and for a client who
    sees only published events, events that left the public in it."""
    history = resource.model.history.model
    latest = history.objects.filter(id=OuterRef("id")).order_by("-history_date", "-history_id")
    current = visible_events(user) if resource.model is Event else resource.model.objects.all()
    rows = (
        history.objects.exclude(Exists(current.filter(pk=OuterRef("id"))))
        .values("id")
        .annotate(last=Max("history_date"), key=Subquery(latest.values(resource.key)[:1]))
        .order_by()
    )
    if resource.model is Event and not can_see_unpublished(user):
        rows = _as_the_public_saw_them(rows, history)
    else:
        rows = rows.filter(Exists(history.objects.filter(id=OuterRef("id"), history_type="-"))).annotate(at=F("last"))
    if resource.model is Tenure:
        rows = rows.annotate(
            person_id=Subquery(latest.values("person_id")[:1]), office_id=Subquery(latest.values("office_id")[:1])
        )
    rows = rows.filter(window("at")).order_by("at", "id")
    if limit:
        rows = rows[: limit + 1]
    return [row | {"change": "deleted"} for row in rows]


def _as_the_public_saw_them(rows, history):
    """Event rows for a client who sees only published events and not this one now: an event never
    published is left out, and one that left the public is a tombstone carrying what was public: its slug
    when it was last published, and the moment it left (retracted, returned to draft or deleted), not the
    time of a later unpublished edit.
    """
    public = history.objects.filter(id=OuterRef("id"), review_state=ReviewState.PUBLISHED)
    last_public = public.order_by("-history_date", "-history_id")
    rows = rows.annotate(
        public_at=Subquery(last_public.values("history_date")[:1]),
        key_when_public=Subquery(last_public.values("slug")[:1]),
    ).filter(public_at__isnull=False)
    left = history.objects.filter(id=OuterRef("id"), history_date__gt=OuterRef("public_at"))
    rows = rows.annotate(left_at=Subquery(left.order_by("history_date", "history_id").values("history_date")[:1]))
    return rows.annotate(at=Coalesce(F("left_at"), F("public_at")), key=F("key_when_public"))


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
