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
from datetime import datetime

from django.db.models import Exists, F, Max, Model, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse

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
