"""How events and topics are searched, and the topic spellings every search expands to.

On PostgreSQL an event's title and summary are matched by full-text search (English stemming: 'talks'
finds 'talk') on a vector stored with the event, and topics and people through id arrays stored with it
(``EventSearch``, migration events 0006); elsewhere by substring.
"""

from django.db import connection
from django.db.models import BooleanField, Exists, Expression, OuterRef, Q

from common.search import any_contains, matching_ids, search_terms
from events.models import Event, Participation, Topic, TopicName
from people.search import people_named


def topic_spellings(term: str) -> list[str]:
    """Every recorded name of the topics one of whose names equals ``term`` (registered in ``EventsConfig``)."""
    topic_ids = Topic.objects.filter(Q(name__iexact=term) | Q(other_names__name__iexact=term)).values("id")
    names = [*Topic.objects.filter(id__in=topic_ids).values_list("name", flat=True)]
    return [*names, *TopicName.objects.filter(topic_id__in=topic_ids).values_list("name", flat=True)]


def topic_search(q: str) -> Q:
    terms = search_terms(q)
    if not terms:
        return Q()
    names = TopicName.objects.filter(topic=OuterRef("pk")).filter(any_contains(["name"], terms))
    return any_contains(["name"], terms) | Exists(names)


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


def event_search(q: str) -> Q | EventSearch:
    """Events whose text, topics (any spelling), participants' names or unnamed participants match ``q``."""
    terms = search_terms(q)
    if not terms:
        return Q()
    topic_match = Topic.objects.filter(any_contains(["name"], terms) | Q(other_names__name__in=terms))
    if connection.vendor == "postgresql":
        topic_ids, direct, named, described = matching_ids(
            topic_match.values_list("pk", flat=True),
            *people_named(terms),
            Participation.objects.filter(person__isnull=True)
            .filter(any_contains(["description"], terms))
            .values_list("event_id", flat=True),
        )
        return EventSearch(terms, topic_ids, sorted({*direct, *named}), described)
    tagged = Event.topics.through.objects.filter(event_id=OuterRef("pk"), topic_id__in=topic_match.values("id"))
    people = Participation.objects.filter(event=OuterRef("pk")).filter(
        any_contains(["person__name", "person__native_name", "description"], terms)
    )
    return any_contains(["title", "summary", "city", "venue"], terms) | Exists(tagged) | Exists(people)
