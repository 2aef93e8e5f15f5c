"""How sources are searched (REST ``q``, GraphQL ``search``)."""

from django.db.models import Q

from common.search import any_contains, search_terms


def source_search(q: str) -> Q:
    terms = search_terms(q)
    return any_contains(["headline", "publisher", "agency", "byline"], terms) if terms else Q()
