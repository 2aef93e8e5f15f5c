"""How people, offices and tenures are searched (REST ``q``, GraphQL ``search``)."""

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from common.search import any_contains, fulltext, search_terms
from people.models import OfficeTitle, Person, PersonName

# Full-text vectors of names on PostgreSQL, each served by a GIN index over the very same expression
# (people 0004_search_fulltext). Names use the 'simple'
# configuration: no stemming, so 'Kim' is not cut down, and word order does not matter.
NAME_VECTORS = {
    "person": (("name", "sort_name", "native_name"), "simple"),
    "office": (("title", "body"), "simple"),
}


def names_match(kind: str, terms: set[str], *, prefix: str = "") -> Q:
    """Substring match on a person's or office's own name fields, or full-text on PostgreSQL as well
    (so 'Jong-kun Choi' finds 'Choi Jong-kun'); substrings keep partial names and native script working."""
    fields, config = NAME_VECTORS[kind]
    cond = any_contains([f"{prefix}{f}" for f in fields], terms)
    if connection.vendor == "postgresql":
        cond |= fulltext(fields, config, terms, prefix=prefix)
    return cond


def person_search(q: str) -> Q:
    terms = search_terms(q)
    if not terms:
        return Q()
    names = PersonName.objects.filter(person=OuterRef("pk")).filter(any_contains(["name"], terms))
    return names_match("person", terms) | Exists(names)


def office_search(q: str) -> Q:
    terms = search_terms(q)
    if not terms:
        return Q()
    titles = OfficeTitle.objects.filter(office=OuterRef("pk")).filter(any_contains(["name"], terms))
    return names_match("office", terms) | Exists(titles)


def tenure_search(q: str) -> Q:
    """A tenure whose holder or office matches, by any of their names."""
    terms = search_terms(q)
    if not terms:
        return Q()
    names = PersonName.objects.filter(person=OuterRef("person_id")).filter(any_contains(["name"], terms))
    titles = OfficeTitle.objects.filter(office=OuterRef("office_id")).filter(any_contains(["name"], terms))
    return (
        names_match("person", terms, prefix="person__")
        | names_match("office", terms, prefix="office__")
        | Exists(names)
        | Exists(titles)
    )


def people_named(terms: set[str]) -> tuple[QuerySet, QuerySet]:
    """Ids of the people whose own names match ``terms``, and of those with a matching other name
    (two flat ``values_list`` querysets, for ``common.search.matching_ids``)."""
    return (
        Person.objects.filter(names_match("person", terms)).values_list("pk", flat=True),
        PersonName.objects.filter(any_contains(["name"], terms)).values_list("person_id", flat=True),
    )
