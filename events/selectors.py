"""Read queries for events, topics and sources, shared by REST, GraphQL and the admin.

Each ``*_list`` function filters; ``*_with_details`` adds the joins and
prefetches an API needs to render a page without a query per row.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import BooleanField, Exists, Expression, Max, OuterRef, Prefetch, Q, QuerySet

from common.filters import changed_after, check_known_slugs
from events.kinds import EventKind
from events.models import Event, EventStatus, Participation, ParticipationRole, ReviewState, Topic
from events.search import event_search, topic_search
from people.models import Person
from people.selectors import known_countries
from sources.models import Source
from sources.search import source_search


@dataclass(frozen=True)
class EventFilters:
    person: str | None = None  # person slug
    countries: tuple[str, ...] = field(default_factory=tuple)  # ISO2; events involving all of them
    topic: str | None = None  # topic slug, subtopics included
    kind: str | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    updated_since: datetime | None = None
    q: str | None = None


def topic_and_descendants(slug: str) -> QuerySet[Topic]:
    """The topic with this slug and every topic below it (the hierarchy is at most three deep)."""
    return Topic.objects.filter(Q(slug=slug) | Q(parent__slug=slug) | Q(parent__parent__slug=slug))


def can_see_unpublished(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Curators and editors (who may change events) also see drafts, reviews and retractions."""
    return bool(user is not None and user.is_authenticated and user.has_perm("events.change_event"))


def visible_events(user: AbstractBaseUser | AnonymousUser | None = None) -> QuerySet[Event]:
    """The events ``user`` may read: published ones for the public, all of them for curators."""
    if can_see_unpublished(user):
        return Event.objects.all()
    return Event.objects.filter(review_state=ReviewState.PUBLISHED)


def event_list(
    *, filters: EventFilters | None = None, user: AbstractBaseUser | AnonymousUser | None = None
) -> QuerySet[Event]:
    """Events ``user`` may read, filtered. Anonymous callers (``user=None``) see published events only."""
    f = filters or EventFilters()
    check_known_slugs(person=(Person, f.person), topic=(Topic, f.topic))
    qs = visible_events(user)
    if f.person:
        qs = qs.filter(Exists(Participation.objects.filter(event=OuterRef("pk"), person__slug=f.person)))
    countries = known_countries(f.countries, field="country")
    if countries:
        qs = qs.filter(_involves_all(list(countries.values())))
    if f.topic:
        tagged = Event.topics.through.objects.filter(
            event_id=OuterRef("pk"), topic_id__in=topic_and_descendants(f.topic).values("id")
        )
        qs = qs.filter(Exists(tagged))
    if f.kind:
        qs = qs.filter(kind=f.kind)
    if f.status:
        qs = qs.filter(status=f.status)
    if f.date_from:
        qs = qs.filter(Q(start_date__gte=f.date_from) | Q(end_date__gte=f.date_from))
    if f.date_to:
        qs = qs.filter(start_date__lte=f.date_to)
    if f.updated_since:
        qs = qs.filter(changed_after(f.updated_since))
    if f.q:
        qs = qs.filter(event_search(f.q))
    return qs


class CountrySetContains(Expression):
    """``country_ids @> ARRAY[…]`` on the query's events table, under whatever alias it has (subqueries rename it).

    PostgreSQL estimates a set of three or more countries as if they were independent, so it
    expects many matches, walks every event by date and finds few (2.7 s for US, KR and JP at
    a million events). From three countries on, the GIN index is read first (``OFFSET 0``
    keeps the planner from flattening the subquery): matches of three countries are few.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, country_ids: list[int]) -> None:
        super().__init__()
        self.country_ids = country_ids

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        if len(self.country_ids) < 3:
            return f"{table}.country_ids @> %s::bigint[]", (self.country_ids,)
        by_index = "SELECT id FROM events_event WHERE country_ids @> %s::bigint[] OFFSET 0"
        return f"{table}.id IN ({by_index})", (self.country_ids,)


def _involves_all(country_ids: list[int]) -> Q | Expression:
    """Events that took place in, or had a participant from, every one of the countries.

    On PostgreSQL the database keeps each event's country set (migration events 0006), so
    this is one array test per row, or a GIN index scan when the countries are rare.
    """
    if connection.vendor == "postgresql":
        return CountrySetContains(country_ids)
    cond = Q()
    for country_id in country_ids:
        involved = Participation.objects.filter(event=OuterRef("pk"), country_id=country_id)
        cond &= Exists(involved) | Q(country_id=country_id)
    return cond


def participations_with_details() -> QuerySet[Participation]:
    return Participation.objects.select_related("person", "office", "office__country", "country", "source").order_by(
        "id"
    )


def event_with_details(qs: QuerySet[Event]) -> QuerySet[Event]:
    """Everything an event page shows, in a fixed number of queries whatever the page size."""
    return qs.select_related("country").prefetch_related(
        Prefetch("participations", queryset=participations_with_details()),
        Prefetch("topics", queryset=Topic.objects.select_related("parent")),
        Prefetch("sources", queryset=Source.objects.order_by("id")),
    )


def topic_list(*, q: str | None = None, updated_since: datetime | None = None) -> QuerySet[Topic]:
    qs = Topic.objects.select_related("parent").prefetch_related("other_names")
    if updated_since:
        qs = qs.filter(changed_after(updated_since))
    if q:
        qs = qs.filter(topic_search(q))
    return qs


def source_list(*, q: str | None = None, updated_since: datetime | None = None) -> QuerySet[Source]:
    qs = Source.objects.all()
    if q:
        qs = qs.filter(source_search(q))
    if updated_since:
        qs = qs.filter(changed_after(updated_since))
    return qs


# Who met whom: only people who took part, in events that took place and bring people together.
MET_ROLES = (ParticipationRole.HOST, ParticipationRole.GUEST, ParticipationRole.PARTICIPANT)
MET_STATUSES = (EventStatus.TOOK_PLACE,)
MET_KINDS = tuple(k for k in EventKind if k not in (EventKind.BRIEFING, EventKind.STATEMENT))


@dataclass(frozen=True)
class MeetingCount:
    """What ``meeting_pairs`` counted: the roles, event statuses and event kinds."""

    roles: tuple[str, ...] = MET_ROLES
    statuses: tuple[str, ...] = MET_STATUSES
    kinds: tuple[str, ...] = MET_KINDS

    @classmethod
    def for_filters(cls, filters: EventFilters, roles: tuple[str, ...] | None = None) -> "MeetingCount":
        """An explicit ``kind`` or ``status`` filter is what the caller asked to count; otherwise the defaults."""
        return cls(
            roles=tuple(roles) if roles else MET_ROLES,
            statuses=(filters.status,) if filters.status else MET_STATUSES,
            kinds=(filters.kind,) if filters.kind else MET_KINDS,
        )


def meeting_pairs(
    *,
    filters: EventFilters | None = None,
    user: AbstractBaseUser | AnonymousUser | None = None,
    counting: MeetingCount | None = None,
    limit: int = 100,
) -> list[dict]:
    """Pairs of named people who took part in the same events matching ``filters``, most shared events first.

    Both people must have one of ``counting.roles`` (not someone only mentioned), in an event of
    ``counting.kinds`` whose status is in ``counting.statuses`` (a scheduled meeting is not a meeting yet).
    One query: ``[{"person_a": id, "person_b": id, "events": n, "first": date, "last": date}, …]``
    with ``person_a < person_b``.
    """
    from django.db.models import Count, F, Max, Min

    counting = counting or MeetingCount()
    events = (
        event_list(filters=filters, user=user)
        .filter(status__in=counting.statuses, kind__in=counting.kinds)
        .order_by()
        .values("id")
    )
    return list(
        Participation.objects.filter(
            event_id__in=events,
            person__isnull=False,
            role__in=counting.roles,
            event__participations__person_id__gt=F("person_id"),
            event__participations__role__in=counting.roles,
        )
        .values(person_a=F("person_id"), person_b=F("event__participations__person_id"))
        .annotate(
            events=Count("event_id", distinct=True),
            first=Min("event__start_date"),
            last=Max("event__start_date"),
        )
        .order_by("-events", "-last", "person_a", "person_b")[:limit]
    )


def published_events_citing(*, source: Source) -> QuerySet[Event]:
    """Published events that rest on ``source``: listed among their sources, or cited for a participant."""
    cited = Q(sources=source) | Q(participations__source=source)
    return Event.objects.filter(cited, review_state=ReviewState.PUBLISHED).distinct().order_by("-start_date", "id")


def published_events_about(*, topic: Topic) -> QuerySet[Event]:
    """Published events filed under ``topic`` itself (not its subtopics)."""
    return Event.objects.filter(topics=topic, review_state=ReviewState.PUBLISHED).order_by("-start_date", "id")


def last_event_change() -> datetime | None:
    """When an event was last written or deleted: two index lookups. A row that left an export (deleted,
    unpublished, edited out of its filters) leaves no trace among the rows still in it, so an export's
    Last-Modified is this, for every export, and not the newest of its own rows."""
    written = Event.objects.aggregate(at=Max("updated_at"))["at"]
    recorded = Event.history.aggregate(at=Max("history_date"))["at"]  # deletions too
    return max((t for t in (written, recorded) if t is not None), default=None)


def topic_names() -> list[tuple[int, str, str, list[str]]]:
    """Every topic as (id, slug, name, other names): what the article assistant looks for in a text (two queries)."""
    topics = Topic.objects.prefetch_related("other_names").order_by("id")
    return [(t.pk, t.slug, t.name, [n.name for n in t.other_names.all()]) for t in topics]
