"""factory_boy factories for the foundation models.

Unique codes and slugs come from sequences, so any number of objects can be
built in one test without clashing.
"""

import datetime
import string

import factory

from events.kinds import EventKind
from events.models import Event, Participation, ParticipationRole, Topic
from people.models import (
    Country,
    IdentifierScheme,
    Office,
    OfficeKind,
    OfficeTitle,
    Person,
    PersonIdentifier,
    PersonName,
    Tenure,
    TenureStatus,
)
from sources.models import Source

LETTERS = string.ascii_uppercase


def _letters(n: int, width: int) -> str:
    """The n-th code of ``width`` capital letters: AA, AB, … ZZ (or AAA, AAB, …)."""
    code = ""
    for _ in range(width):
        n, rest = divmod(n, 26)
        code = LETTERS[rest] + code
    return code


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country

    iso2 = factory.Sequence(lambda n: _letters(n, 2))
    iso3 = factory.Sequence(lambda n: _letters(n, 3))
    name = factory.Sequence(lambda n: f"Country {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    sort_name = factory.LazyAttribute(lambda o: o.name)
    slug = factory.Sequence(lambda n: f"person-{n}")


class PersonNameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonName

    person = factory.SubFactory(PersonFactory)
    name = factory.Sequence(lambda n: f"Other name {n}")
    language = "en"


class PersonIdentifierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonIdentifier

    person = factory.SubFactory(PersonFactory)
    scheme = IdentifierScheme.WIKIDATA
    identifier = factory.Sequence(lambda n: f"Q{n + 1}")


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    title = factory.Sequence(lambda n: f"Office {n}")
    slug = factory.Sequence(lambda n: f"office-{n}")
    country = factory.SubFactory(CountryFactory)
    kind = OfficeKind.MINISTER
    single_holder = True


class OfficeTitleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeTitle

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"Other title {n}")
    language = "en"


class TenureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tenure

    person = factory.SubFactory(PersonFactory)
    office = factory.SubFactory(OfficeFactory)
    start = datetime.date(2020, 1, 1)
    end = None
    status = TenureStatus.HOLDER
    # The copy the model keeps of office.single_holder (clean() sets it; create() does not).
    single_holder = factory.SelfAttribute("office.single_holder")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    parent = None


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    url = factory.Sequence(lambda n: f"https://news.example.org/story/{n}")
    publisher = "The Korea Herald"
    headline = factory.Sequence(lambda n: f"Headline {n}")
    published_on = datetime.date(2021, 3, 1)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    kind = EventKind.MEETING
    start_date = datetime.date(2021, 3, 1)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory)
    role = ParticipationRole.PARTICIPANT
