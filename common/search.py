"""The ``q`` / ``search`` filter: one definition of what each resource searches.

A query matches a row when any of the row's text fields contains it, or any
spelling variant the data records for it (a topic's other names: searching
'denuclearization' also finds 'denuclearisation'). Related names (a person's
other names, an office's press titles) are matched through EXISTS subqueries,
so a search never duplicates rows or adds a query.

On PostgreSQL an event's title and summary are matched by full-text search
(English stemming: 'talks' finds 'talk') on a vector stored with the event, and
topics and people through id arrays stored with it (``EventSearch``); elsewhere by
substring.
"""

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import BooleanField, Exists, Expression, Model, OuterRef, Q, QuerySet


def spelling_variants(q: str) -> set[str]:
    """``q`` plus every recorded name of the topics one of whose names equals it."""
    from events.models import Topic, TopicName

    term = q.strip()
    if not term:
        return set()
    topic_ids = Topic.objects.filter(Q(name__iexact=term) | Q(other_names__name__iexact=term)).values("id")
    names = [*Topic.objects.filter(id__in=topic_ids).values_list("name", flat=True)]
    names += TopicName.objects.filter(topic_id__in=topic_ids).values_list("name", flat=True)
    # Every match is case-insensitive: one spelling per casefold, each searched once.
    return set({name.casefold(): name for name in [*names, term]}.values())


def _any_contains(fields: list[str], terms: set[str]) -> Q:
    cond = Q()
    for term in terms:
        for name in fields:
            cond |= Q(**{f"{name}__icontains": term})
    return cond


# Full-text vectors of names on PostgreSQL, each served by a GIN index over the very same expression
# (people 0004_search_fulltext). Names use the 'simple'
# configuration: no stemming, so 'Kim' is not cut down, and word order does not matter.
NAME_VECTORS = {
    "person": (("name", "sort_name", "native_name"), "simple"),
    "office": (("title", "body"), "simple"),
}


def fulltext(fields: tuple[str, ...], config: str, terms: set[str], *, prefix: str = "") -> Q:
    """A full-text match of any of ``terms`` on ``fields`` (prefixed for a related model)."""
    from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact

    vector = SearchVector(*(f"{prefix}{f}" for f in fields), config=config)
    query = None
    for term in sorted(terms):
        one = SearchQuery(term, config=config, search_type="websearch")
        query = one if query is None else query | one
    return Q(SearchVectorExact(vector, query))


def _names_match(kind: str, terms: set[str], *, prefix: str = "") -> Q:
    """Substring match on a person's or office's own name fields, or full-text on PostgreSQL as well
    (so 'Jong-kun Choi' finds 'Choi Jong-kun'); substrings keep partial names and native script working."""
    fields, config = NAME_VECTORS[kind]
    cond = _any_contains([f"{prefix}{f}" for f in fields], terms)
    if connection.vendor == "postgresql":
        cond |= fulltext(fields, config, terms, prefix=prefix)
    return cond


class EventSearch(Expression):
    """On PostgreSQL, an event matching ``terms``: one boolean test on the event row (migration events 0006).

    Its stored text vector matches (title, summary, city, venue; English stemming), or its
    topic ids overlap the matching topics', or its person ids the matching people's, or it is
    one of the events whose unnamed participants' descriptions contain a term. The matching
    ids are constants found beforehand (``matching_ids``), so PostgreSQL estimates how many
    events match: it walks events newest first and stops at a page when many do, and
    combines the columns' GIN indexes when few do.
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, terms: set[str], topic_ids=(), person_ids=(), event_ids=()) -> None:
        super().__init__()
        self.terms, self.topic_ids, self.person_ids, self.event_ids = sorted(terms), topic_ids, person_ids, event_ids

    def as_sql(self, compiler, connection):
        from django.contrib.postgres.search import SearchQuery

        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        query = None
        for term in self.terms:
            one = SearchQuery(term, config="english", search_type="websearch")
            query = one if query is None else query | one
        sql, params = compiler.compile(query.resolve_expression(compiler.query))
        parts, params = [f"{table}.search_vector @@ ({sql})"], [*params]
        for template, ids in (
            (f"{table}.topic_ids && %s::bigint[]", self.topic_ids),
            (f"{table}.person_ids && %s::bigint[]", self.person_ids),
            (f"{table}.id = ANY(%s::bigint[])", self.event_ids),
        ):
            if ids:
                parts.append(template)
                params.append(list(ids))
        return "(" + " OR ".join(parts) + ")", params


def event_text_search(terms: set[str]) -> EventSearch:
    """Events whose own text matches ``terms`` on PostgreSQL (through the stored vector only)."""
    return EventSearch(terms)


def matching_ids(*querysets: QuerySet) -> list[list[int]]:
    """The ids each ``values_list(..., flat=True)`` queryset yields, fetched together in one query."""
    from django.db import connections

    selects, params = [], []
    for qs in querysets:
        sql, more = qs.order_by().query.sql_with_params()
        selects.append(f"ARRAY({sql})")
        params.extend(more)
    with connections[querysets[0].db].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(selects), params)
        return [list(ids) for ids in cursor.fetchone()]


def _event_search_postgresql(terms: set[str], topic_match) -> EventSearch:
    from events.models import Participation
    from people.models import Person, PersonName

    topic_ids, direct, named, described = matching_ids(
        topic_match.values_list("pk", flat=True),
        Person.objects.filter(_names_match("person", terms)).values_list("pk", flat=True),
        PersonName.objects.filter(_any_contains(["name"], terms)).values_list("person_id", flat=True),
        Participation.objects.filter(person__isnull=True)
        .filter(_any_contains(["description"], terms))
        .values_list("event_id", flat=True),
    )
    return EventSearch(terms, topic_ids, sorted({*direct, *named}), described)


def _person_q(terms: set[str]) -> Q:
    from people.models import PersonName

    names = PersonName.objects.filter(person=OuterRef("pk")).filter(_any_contains(["name"], terms))
    return _names_match("person", terms) | Exists(names)


MAX_SEARCH_LENGTH = 200  # characters: a name, a title, a phrase; not a document


def check_search_text(q: str) -> None:
    """Refuse search text no real search needs, before any query runs (REST ``q`` and GraphQL ``search``)."""
    if "\x00" in q:
        raise ValidationError("The search text contains a NUL character, which no database stores.")
    if len(q) > MAX_SEARCH_LENGTH:
        raise ValidationError(
            f"The search text is {len(q):,} characters long; at most {MAX_SEARCH_LENGTH} are searched."
        )


def search_filter(model: type[Model], q: str) -> Q | Expression:
    """A Q object for ``model.objects.filter()`` that implements the search for ``q``."""
    from events.models import Event, Participation, Topic, TopicName
    from people.models import Office, OfficeTitle, Person, PersonName, Tenure
    from sources.models import Source

    check_search_text(q)
    terms = spelling_variants(q)
    if not terms:
        return Q()

    if model is Person:
        return _person_q(terms)
    if model is Office:
        titles = OfficeTitle.objects.filter(office=OuterRef("pk")).filter(_any_contains(["name"], terms))
        return _names_match("office", terms) | Exists(titles)
    if model is Tenure:
        names = PersonName.objects.filter(person=OuterRef("person_id")).filter(_any_contains(["name"], terms))
        titles = OfficeTitle.objects.filter(office=OuterRef("office_id")).filter(_any_contains(["name"], terms))
        return (
            _names_match("person", terms, prefix="person__")
            | _names_match("office", terms, prefix="office__")
            | Exists(names)
            | Exists(titles)
        )
    if model is Topic:
        names = TopicName.objects.filter(topic=OuterRef("pk")).filter(_any_contains(["name"], terms))
        return _any_contains(["name"], terms) | Exists(names)
    if model is Source:
        return _any_contains(["headline", "publisher", "agency", "byline"], terms)
    if model is Event:
        topic_match = Topic.objects.filter(_any_contains(["name"], terms) | Q(other_names__name__in=terms))
        if connection.vendor == "postgresql":
            return _event_search_postgresql(terms, topic_match)
        tagged = Event.topics.through.objects.filter(event_id=OuterRef("pk"), topic_id__in=topic_match.values("id"))
        people = Participation.objects.filter(event=OuterRef("pk")).filter(
            _any_contains(["person__name", "person__native_name", "description"], terms)
        )
        return _any_contains(["title", "summary", "city", "venue"], terms) | Exists(tagged) | Exists(people)
    raise TypeError(f"No search defined for {model.__name__}")
