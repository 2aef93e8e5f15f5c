"""What a run makes, before any row is built: sizes, people's names, offices and their chains of tenures.

Every choice is drawn from the run's one ``random.Random(seed)``, in a fixed
order, so the same seed plans the same dataset.
"""

import random
from dataclasses import dataclass
from datetime import date

from common.models import DatePrecision
from events.synthetic.name_regions import NAME_REGIONS
from events.synthetic.names import SyntheticName, make_person_name
from events.synthetic.offices import OfficeTemplate, office_templates
from events.synthetic.vocabulary import COUNTRIES, CountrySpec
from people.models import OfficeKind, TenureStatus

FIRST_DAY = date(1990, 1, 1)  # events fall between these days; tenure chains start before
LAST_DAY = date(2025, 12, 31)
ACTING_RATE = 0.08  # share of handovers with an acting holder in between
YEAR_2000 = date(2000, 1, 1).toordinal()
FIRST_ORD, LAST_ORD = FIRST_DAY.toordinal(), LAST_DAY.toordinal()
EARLIEST_ORD = FIRST_ORD - 6 * 366  # tenure chains start up to six years before the first event
DAY, MONTH, YEAR = DatePrecision.DAY.value, DatePrecision.MONTH.value, DatePrecision.YEAR.value
HOLDER, ACTING = TenureStatus.HOLDER.value, TenureStatus.ACTING.value
NEVER = LAST_ORD + 100_000  # the end of a tenure that has not ended

PlannedTenure = tuple[int, str, int | None, str]  # (start, start precision, end or None, status), as ordinals


@dataclass(frozen=True)
class Sizes:
    """How much of everything a run makes for a number of events."""

    events: int
    people: int
    offices: int
    countries: int
    sources: int

    @classmethod
    def for_events(cls, events: int) -> "Sizes":
        offices = max(10, events // 200)
        return cls(
            events=events,
            people=max(20, events // 20),
            offices=offices,
            countries=min(len(COUNTRIES), max(3, offices // 5)),
            sources=(events + 1) // 2,
        )


@dataclass
class PlannedOffice:
    id: int
    country: int  # index into the run's countries
    titles: tuple[str, ...]  # the official title first
    body: str
    kind: str
    single_holder: bool
    # per seat: the tenures in order of start
    seats: list[list[PlannedTenure]]
    # per seat, filled once people are assigned: starts, ends (NEVER when open), person indexes
    chains: list[tuple[list[int], list[int], list[int]]]


def plan_people(*, rng: random.Random, countries: tuple[CountrySpec, ...], count: int) -> list[SyntheticName]:
    """``count`` names, dealt round the countries in turn: person ``i`` belongs to country ``i % len(countries)``."""
    return [make_person_name(rng=rng, region=NAME_REGIONS[countries[i % len(countries)].region]) for i in range(count)]


def plan_offices(
    *, rng: random.Random, countries: tuple[CountrySpec, ...], count: int, first_id: int
) -> list[PlannedOffice]:
    """Offices dealt round the countries, most prominent first, each with its chains of tenures."""
    n_countries = len(countries)
    templates = [office_templates(country=c) for c in countries]
    offices: list[PlannedOffice] = []
    for k in range(count):
        c, index = k % n_countries, k // n_countries
        if index < len(templates[c]):
            t = templates[c][index]
        else:
            n = index - len(templates[c]) + 1
            t = OfficeTemplate(
                f"Senior Counsellor {n}",
                OfficeKind.OFFICIAL,
                "Ministry of Foreign Affairs",
                (f"{countries[c].demonym} diplomat",),
            )
        others = tuple(dict.fromkeys(x for x in t.other_titles if x != t.title))
        seats = [tenure_chain(rng=rng, term_days=t.term_days, single_holder=t.single_holder) for _ in range(t.seats)]
        offices.append(PlannedOffice(first_id + k, c, (t.title, *others), t.body, t.kind, t.single_holder, seats, []))
    return offices


def _first_of_month_from(ordinal: int) -> int:
    day = date.fromordinal(ordinal)
    if day.day == 1:
        return ordinal
    return (date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)).toordinal()


def _first_of_year_from(ordinal: int) -> int:
    day = date.fromordinal(ordinal)
    return ordinal if (day.month, day.day) == (1, 1) else date(day.year + 1, 1, 1).toordinal()


def tenure_chain(*, rng: random.Random, term_days: tuple[int, int], single_holder: bool) -> list[PlannedTenure]:
    """Consecutive holders from before 1990 to today, with the odd acting holder in between."""
    rnd, randint = rng.random, rng.randint
    lo, hi = term_days
    start, precision = FIRST_ORD - randint(0, 6 * 365), DAY
    if rnd() < 0.2:  # the first records are vague
        start, precision = date(date.fromordinal(start).year, 1, 1).toordinal(), YEAR
    chain: list[PlannedTenure] = []
    while True:
        end = start + randint(lo, hi) - 1
        if end >= LAST_ORD:
            chain.append((start, precision, None, HOLDER))
            return chain
        acting = single_holder and rnd() < ACTING_RATE
        following = end + 1 + (randint(20, 240) if acting else 0)
        following_precision = DAY
        if following < YEAR_2000:
            r = rnd()
            if r < 0.10:
                following, following_precision = _first_of_month_from(following), MONTH
            elif r < 0.13:
                following, following_precision = _first_of_year_from(following), YEAR
        if not acting:
            end = following - 1
        chain.append((start, precision, end, HOLDER))
        if acting:
            if following > LAST_ORD:
                chain.append((end + 1, DAY, None, ACTING))
                return chain
            overlap = randint(1, 14) if rnd() < 0.3 else 0  # acting until a few days into the new term
            chain.append((end + 1, DAY, following - 1 + overlap, ACTING))
        start, precision = following, following_precision


def assign_holders(
    *, rng: random.Random, offices: list[PlannedOffice], people: int, countries: int
) -> dict[int, list[list[int]]]:
    """Give every tenure a holder of the office's country, nobody holding two offices at once if avoidable.

    Returns, by office id, the person indexes of each seat's tenures, and fills each office's ``chains``.
    """
    rnd = rng.random
    pools: list[list[int]] = [list(range(c, people, countries)) for c in range(countries)]
    free_from = [0] * people
    holders = {o.id: [[-1] * len(seat) for seat in o.seats] for o in offices}
    slots: list[list[tuple[int, int, int, int]]] = [[] for _ in range(countries)]
    for k, office in enumerate(offices):
        for s, seat in enumerate(office.seats):
            slots[office.country] += [(start, k, s, i) for i, (start, *_rest) in enumerate(seat)]
    for country, country_slots in enumerate(slots):
        pool = pools[country]
        for start, k, s, i in sorted(country_slots):
            end = offices[k].seats[s][i][2]
            person = -1
            for _ in range(8):
                candidate = pool[int(rnd() * len(pool))]
                if free_from[candidate] <= start:
                    person = candidate
                    break
            else:
                person = next((p for p in pool if free_from[p] <= start), pool[int(rnd() * len(pool))])
            free_from[person] = max(free_from[person], NEVER if end is None else end + 1)
            holders[offices[k].id][s][i] = person
    for office in offices:
        for seat, persons in zip(office.seats, holders[office.id], strict=True):
            starts = [start for start, *_ in seat]
            ends = [NEVER if end is None else end for _, _, end, _ in seat]
            office.chains.append((starts, ends, persons))
    return holders
