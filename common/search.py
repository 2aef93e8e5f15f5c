"""What every resource's search (REST ``q``, GraphQL ``search``) is built from; each app builds its own.

A query matches a row when any of the row's text fields contains it, or any spelling variant the data
records for it (a topic's other names: searching 'denuclearization' also finds 'denuclearisation'; the
events app registers that expansion, ``register_spelling_variants``). Related names are matched through
EXISTS subqueries, so a search never duplicates rows or adds a query. On PostgreSQL names and event text
are also matched by full-text search (``fulltext``), each over an expression a GIN index serves.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

SpellingVariants = Callable[[str], list[str]]
_variant_finders: list[SpellingVariants] = []


def register_spelling_variants(finder: SpellingVariants) -> None:
    """Add ``finder(term) -> other spellings of term`` to every search (called from an app's ``ready()``)."""
    if finder not in _variant_finders:
        _variant_finders.append(finder)


def search_terms(q: str) -> set[str]:
    """The terms a search for ``q`` looks for: ``q`` and its recorded spelling variants, one per casefold.

    Refuses search text no real search needs (``check_search_text``); empty text gives no terms.
    """
    check_search_text(q)
    term = q.strip()
    if not term:
        return set()
    names = [name for finder in _variant_finders for name in finder(term)]
    return set({name.casefold(): name for name in [*names, term]}.values())


def any_contains(fields: list[str], terms: set[str]) -> Q:
    """Any of ``fields`` contains any of ``terms`` (case-insensitive substring)."""
    cond = Q()
    for term in terms:
        for name in fields:
            cond |= Q(**{f"{name}__icontains": term})
    return cond


def fulltext(fields: tuple[str, ...], config: str, terms: set[str], *, prefix: str = "") -> Q:
    """A full-text match (PostgreSQL) of any of ``terms`` on ``fields`` (prefixed for a related model)."""
    from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact

    vector = SearchVector(*(f"{prefix}{f}" for f in fields), config=config)
    query = None
    for term in sorted(terms):
        one = SearchQuery(term, config=config, search_type="websearch")
        query = one if query is None else query | one
    return Q(SearchVectorExact(vector, query))


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


MAX_SEARCH_LENGTH = 200  # characters: a name, a title, a phrase; not a document


def check_search_text(q: str) -> None:
    """Refuse search text no real search needs, before any query runs (REST ``q`` and GraphQL ``search``)."""
    if "\x00" in q:
        raise ValidationError("The search text contains a NUL character, which no database stores.")
    if len(q) > MAX_SEARCH_LENGTH:
        raise ValidationError(
            f"The search text is {len(q):,} characters long; at most {MAX_SEARCH_LENGTH} are searched."
        )
