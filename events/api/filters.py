"""Query parameters of the events, topics and sources lists (filtering happens in events.selectors)."""

from django_filters import rest_framework as filters

from common.api.filters import DayFilter, MultipleValueFilter, SelectorFilterSet, UpdatedSinceFilter
from events.kinds import EventKind
from events.models import Event, EventStatus, Topic
from events.selectors import EventFilters
from sources.models import Source

UPDATED_HELP = "ISO 8601 date-time: only rows changed after it (for incremental sync)."


DEPRECATED_Q = "Deprecated: the older name of search (docs/vocabulary.md); give one of them, not both."


class EventFilterSet(SelectorFilterSet):
    aliases = {"search": "q", "countries": "country"}

    person = filters.CharFilter(help_text="Slug of a person who took part.")
    countries = MultipleValueFilter(
        help_text="ISO 3166-1 alpha-2 codes of countries involved (a participant represented each, or the event "
        "took place there): events involving all of them. Repeat it or separate codes with commas: "
        "countries=US,KR is the bilateral timeline. An unknown code answers 400."
    )
    country = MultipleValueFilter(
        help_text="Deprecated: use countries (the same filter). ISO 3166-1 alpha-2 code of a country involved; "
        "repeat for events involving all of them (country=US&country=KR). An unknown code answers 400."
    )
    topic = filters.CharFilter(help_text="Topic slug; subtopics included.")
    kind = filters.ChoiceFilter(choices=EventKind.choices)
    status = filters.ChoiceFilter(choices=EventStatus.choices)
    date_from = DayFilter(help_text="YYYY-MM-DD: events still going on or starting on or after it.")
    date_to = DayFilter(help_text="YYYY-MM-DD: events starting on or before it.")
    updated_since = UpdatedSinceFilter(help_text=UPDATED_HELP)
    q = filters.CharFilter(help_text=DEPRECATED_Q)
    search = filters.CharFilter(
        help_text="Full-text search over title, summary, place, participants and topics; finds the spelling "
        "variants the data records (denuclearization finds denuclearisation)."
    )

    class Meta:
        model = Event
        fields: list[str] = []

    def event_filters(self) -> EventFilters:
        kwargs = self.selector_kwargs()
        countries = tuple(code for value in kwargs.pop("country", ()) for code in value.split(",") if code.strip())
        return EventFilters(countries=countries, **kwargs)


class TopicFilterSet(SelectorFilterSet):
    aliases = {"search": "q"}

    q = filters.CharFilter(help_text=DEPRECATED_Q)
    search = filters.CharFilter(help_text="Search over topic names and their spelling variants.")
    updated_since = UpdatedSinceFilter(help_text=UPDATED_HELP)

    class Meta:
        model = Topic
        fields: list[str] = []


class SourceFilterSet(SelectorFilterSet):
    aliases = {"search": "q"}

    q = filters.CharFilter(help_text=DEPRECATED_Q)
    search = filters.CharFilter(help_text="Search over headline, publisher, agency and byline.")
    updated_since = UpdatedSinceFilter(help_text=UPDATED_HELP)

    class Meta:
        model = Source
        fields: list[str] = []
