"""Query parameters of the people, offices, tenures and countries lists (filtering happens in people.selectors)."""

from django_filters import rest_framework as filters

from common.api.filters import DayFilter, SelectorFilterSet, UpdatedSinceFilter
from people.models import Country, Office, Person, Tenure

Q_HELP = "Full-text search over {what}; finds the spelling variants the data records."
COUNTRY_HELP = "ISO 3166-1 alpha-2 code, e.g. KR. An unknown code answers 400."
UPDATED_HELP = "ISO 8601 date-time: only rows changed after it (for incremental sync)."


DEPRECATED_Q = "Deprecated: the older name of search (docs/vocabulary.md); give one of them, not both."


class CountryFilterSet(SelectorFilterSet):
    aliases = {"search": "q"}

    search = filters.CharFilter(help_text="A country whose name contains it, or whose ISO2 or ISO3 code it is.")
    q = filters.CharFilter(help_text=DEPRECATED_Q)
    updated_since = UpdatedSinceFilter(help_text=UPDATED_HELP)

    class Meta:
        model = Country
        fields: list[str] = []


class PersonFilterSet(SelectorFilterSet):
    aliases = {"search": "q"}

    q = filters.CharFilter(help_text=DEPRECATED_Q)
    search = filters.CharFilter(
        help_text=Q_HELP.format(what="every name form (other names and native script included)")
    )
    country = filters.CharFilter(help_text="Nationality. " + COUNTRY_HELP)
    office = filters.CharFilter(help_text="Slug of an office the person held at any time.")
    updated_since = UpdatedSinceFilter(help_text=UPDATED_HELP)

    class Meta:
        model = Person
        fields: list[str] = []


class OfficeFilterSet(SelectorFilterSet):
    aliases = {"search": "q"}

    q = filters.CharFilter(help_text=DEPRECATED_Q)
    search = filters.CharFilter(
        help_text=Q_HELP.format(what="the official title, the body and the press's other titles")
    )
    country = filters.CharFilter(help_text=COUNTRY_HELP)
    updated_since = UpdatedSinceFilter(help_text=UPDATED_HELP)

    class Meta:
        model = Office
        fields: list[str] = []


class TenureFilterSet(SelectorFilterSet):
    aliases = {"search": "q"}

    office = filters.CharFilter(help_text="Office slug.")
    person = filters.CharFilter(help_text="Person slug.")
    country = filters.CharFilter(help_text="Country of the office. " + COUNTRY_HELP)
    search = filters.CharFilter(help_text=Q_HELP.format(what="office title forms and person names"))
    q = filters.CharFilter(help_text=DEPRECATED_Q)
    on = DayFilter(help_text="YYYY-MM-DD: tenures in force that day (who held which office).")
    updated_since = UpdatedSinceFilter(help_text=UPDATED_HELP)

    class Meta:
        model = Tenure
        fields: list[str] = []
