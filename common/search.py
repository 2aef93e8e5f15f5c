"""The ``q`` / ``search`` filter: one definition of what each resource searches.

A query matches a row when any of the row's text fields contains it, or any
spelling variant the data records for it (a topic's other names: searching
'denuclearization' also finds 'denuclearisation'). Related names (a person's
other names, an office's press titles) are matched through EXISTS subqueries,
so a search never duplicates rows or adds a query.

On PostgreSQL an event's title and summary are matched by full-text search
(English stemming: 'talks' finds 'talk'), served by a GIN index; elsewhere by
substring.
"""

from django.db import connection
from django.db.models import BooleanField, Exists, F, Func, Model, OuterRef, Q


def spelling_variants(q: str) -> set[str]:
    """``q`` plus every recorded name of the topics one of whose names equals it."""
    from events.models import Topic, TopicName

    term = q.strip()
    if not term:
        return set()
    topic_ids = Topic.objects.filter(Q(name__iexact=term) | Q(other_names__name__iexact=term)).values("id")
    names = set(Topic.objects.filter(id__in=topic_ids).values_list("name", flat=True))
    names |= set(TopicName.objects.filter(topic_id__in=topic_ids).values_list("name", flat=True))
    return {term, *names}


def _any_contains(fields: list[str], terms: set[str]) -> Q:
    cond = Q()
    for term in terms:
        for name in fields:
            cond |= Q(**{f"{name}__icontains": term})
    return cond


# Full-text vectors on PostgreSQL, each served by a GIN index over the very same expression
# (events 0005_search_event_fulltext, people 0004_search_fulltext). Names use the 'simple'
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


def event_fulltext(terms: set[str]) -> Q:
    """PostgreSQL full-text match of any term on title, summary, city and venue; uses the GIN index of
    migration events 0005_search_event_fulltext (the same SearchVector expression)."""
    from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact

    vector = SearchVector("title", "summary", "city", "venue", config="english")
    query = None
    for term in sorted(terms):
        one = SearchQuery(term, config="english", search_type="websearch")
        query = one if query is None else query | one
    return Q(SearchVectorExact(vector, query))


def _event_search_postgresql(terms: set[str], topic_match) -> Q:
    """Events matching ``terms``: one set of ids from the full-text index, the topics and the participants.

    Each branch is index-friendly at a million events: the GIN index for the
    event's own text, the topic link table, participations by matching person
    (people are few), and unnamed participants through the person IS NULL index.
    """
    from events.models import Event, Participation
    from people.models import Person

    people = Person.objects.filter(_person_q(terms))
    # order_by(): no branch may drag in its model's default ordering (and the join it needs).
    ids = (
        Event.objects.filter(event_fulltext(terms))
        .order_by()
        .values("pk")
        .union(
            Event.topics.through.objects.filter(topic_id__in=topic_match.values("id")).order_by().values("event_id"),
            # = ANY(ARRAY(…)): the few matching people are found first, then their participations by index
            # (an IN (subquery) lets the planner scan every participation instead).
            Participation.objects.filter(_equals_any("person_id", people.order_by().values("pk")))
            .order_by()
            .values("event_id"),
            Participation.objects.filter(person__isnull=True)
            .filter(_any_contains(["description"], terms))
            .order_by()
            .values("event_id"),
        )
    )
    return Q(pk__in=ids)


class _EqualsAny(Func):
    """``column = ANY(ARRAY(subquery))``: PostgreSQL runs the subquery once, then probes the column's index."""

    arg_joiner = " = ANY("
    template = "%(expressions)s)"
    output_field = BooleanField()


def _equals_any(column: str, subquery) -> _EqualsAny:
    from django.contrib.postgres.expressions import ArraySubquery

    return _EqualsAny(F(column), ArraySubquery(subquery))


def _person_q(terms: set[str]) -> Q:
    from people.models import PersonName

    names = PersonName.objects.filter(person=OuterRef("pk")).filter(_any_contains(["name"], terms))
    return _names_match("person", terms) | Exists(names)


def search_filter(model: type[Model], q: str) -> Q:
    """A Q object for ``model.objects.filter()`` that implements the search for ``q``."""
    from events.models import Event, Participation, Source, Topic, TopicName
    from people.models import Office, OfficeTitle, Person, PersonName, Tenure

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
