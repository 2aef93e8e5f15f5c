"""Rows for the events: dates, kinds, participants who held their offices that day, topics and sources.

Events are made in blocks of ``EVENT_BLOCK``, whatever the chunk size they are
written in, so the rows depend on the seed and the number of events only.
"""

import random
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date

from events.kinds import EventKind
from events.models import EventStatus
from events.synthetic.event_mix import (
    BYLINE_REGIONS,
    EXTRA_OFFICES,
    KIND_OFFICES,
    KIND_WEIGHTS,
    MULTI_DAY,
    REMOTE,
    RETRACTED,
    RETRACTION_REASON,
    REVIEW_WEIGHTS,
    ROLES,
    TITLES,
    WIRES,
    topic_phrase,
    weighted_table,
)
from events.synthetic.name_regions import NAME_REGIONS
from events.synthetic.names import SyntheticName
from events.synthetic.namespace import URL_ROOT, slug_prefix
from events.synthetic.offices import office_templates
from events.synthetic.plan import DAY, FIRST_ORD, LAST_ORD, MONTH, YEAR, PlannedOffice
from events.synthetic.vocabulary import AGENCIES, PUBLISHERS, CountrySpec
from events.synthetic.writers import Row
from people.models import OfficeKind

EVENT_BLOCK = 10_000  # events made at a time: dates sorted and sources shared within a block; even
EVENT_TABLES = ("source", "event", "participation", "event_topic", "event_source")  # in the order written
SCHEDULED_FROM = date(2025, 9, 1).toordinal()  # announced, not yet reported as held
_TOOK_PLACE, _CANCELLED, _POSTPONED = (
    s.value for s in (EventStatus.TOOK_PLACE, EventStatus.CANCELLED, EventStatus.POSTPONED)
)


class EventRowMaker:
    """Makes the rows of a run's events, block by block, drawing from the run's random generator."""

    def __init__(
        self,
        *,
        rng: random.Random,
        seed: int,
        stamp: object,
        ids: dict[str, int],
        iso: dict[int, str],
        countries: tuple[CountrySpec, ...],
        country_ids: list[int],
        people: list[SyntheticName],
        person_ids: range,
        offices: list[PlannedOffice],
        topic_names: dict[int, str],
        leaf_topics: list[int],
        area_topics: list[int],
        event_base: int,
        source_base: int,
    ) -> None:
        self.rng, self.seed, self.stamp, self.ids, self.iso = rng, seed, stamp, ids, iso
        self.prefix = slug_prefix(seed=seed)
        self.countries, self.country_ids = countries, country_ids
        self.people, self.person_ids, self.offices = people, person_ids, offices
        self.topic_names, self.leaf_topics, self.area_topics = topic_names, leaf_topics, area_topics
        self.event_base, self.source_base = event_base, source_base
        n_countries = len(countries)
        self.offices_by_kind: list[dict[str, list[int]]] = [{} for _ in range(n_countries)]
        self.offices_of: list[list[int]] = [[] for _ in range(n_countries)]
        for k, office in enumerate(offices):
            self.offices_by_kind[office.country].setdefault(office.kind, []).append(k)
            self.offices_of[office.country].append(k)
        # More news about the first countries of the list, as in a real collection.
        self.country_table = [c for c in range(n_countries) for _ in range(1 + 24 // (c + 2))]
        self.kind_table = weighted_table(KIND_WEIGHTS)
        self.review_table = weighted_table(REVIEW_WEIGHTS)
        self.kind_offices = {
            kind: (weighted_table(host), weighted_table(guest)) for kind, (host, guest) in KIND_OFFICES.items()
        }
        self.extra_table = weighted_table(EXTRA_OFFICES)
        self.any_table = weighted_table(dict.fromkeys(OfficeKind.values, 1))
        self.press_title = [o.titles[1] if len(o.titles) > 1 else o.titles[0] for o in offices]
        self.ministry = [f"{office_templates(country=c)[1].body} ({c.name})" for c in countries]
        self.topic_phrase = {tid: topic_phrase(name) for tid, name in topic_names.items()}
        self.month_start = [date.fromordinal(o).replace(day=1).toordinal() for o in range(FIRST_ORD, LAST_ORD + 1)]
        self.year_start = [date(date.fromordinal(o).year, 1, 1).toordinal() for o in range(FIRST_ORD, LAST_ORD + 1)]

    def blocks(self, total: int) -> Iterator[tuple[int, int, tuple[list[Row], ...]]]:
        """Events ``start`` to ``stop`` for each block of ``EVENT_BLOCK``, with their rows in ``EVENT_TABLES`` order."""
        for start in range(0, total, EVENT_BLOCK):
            stop = min(total, start + EVENT_BLOCK)
            yield start, stop, self._block(start, stop)

    def _holder(self, country: int, kinds: list[str], day: int, taken: list[int]) -> tuple[int, int] | None:
        """An office of ``country`` of one of ``kinds`` and who held it on ``day``, not one of ``taken``."""
        rnd = self.rng.random
        for _ in range(6):
            candidates = self.offices_by_kind[country].get(kinds[int(rnd() * len(kinds))]) or self.offices_of[country]
            k = candidates[int(rnd() * len(candidates))]
            chains = self.offices[k].chains
            starts, ends, persons = chains[0] if len(chains) == 1 else chains[int(rnd() * len(chains))]
            i = bisect_right(starts, day) - 1
            if i >= 0 and ends[i] >= day and persons[i] not in taken:
                taken.append(persons[i])
                return k, persons[i]
        return None

    def _block(self, start: int, stop: int) -> tuple[list[Row], ...]:
        """Rows for events ``start`` to ``stop`` in the order of ``EVENT_TABLES``; ``start`` is even."""
        rnd, st, iso, prefix = self.rng.random, self.stamp, self.iso, self.prefix
        offices, people, person_ids, countries, country_ids = (
            self.offices,
            self.people,
            self.person_ids,
            self.countries,
            self.country_ids,
        )
        n = stop - start
        span = LAST_ORD - FIRST_ORD + 1
        days: list[tuple[int, str]] = []
        for _ in range(n):
            day = FIRST_ORD + int(span * rnd() ** 0.6)  # more events in recent years
            r = rnd()
            if r < 0.93:
                days.append((day, DAY))
            elif r < 0.98:
                days.append((self.month_start[day - FIRST_ORD], MONTH))
            else:
                days.append((self.year_start[day - FIRST_ORD], YEAR))
        days.sort()

        first_source, stop_source = start // 2, (stop + 1) // 2
        ids = self.ids
        participation_id, event_topic_id, event_source_id = (
            ids["participation"],
            ids["event_topic"],
            ids["event_source"],
        )
        events: list[Row] = []
        participations: list[Row] = []
        event_topics: list[Row] = []
        event_sources: list[Row] = []
        host_countries: list[int] = []
        titles: list[str] = []
        country_table, kind_table, review_table = self.country_table, self.kind_table, self.review_table
        for g, (day, precision) in zip(range(start, stop), days, strict=True):
            event_id = self.event_base + g
            kind = kind_table[int(rnd() * len(kind_table))]
            host_kinds, guest_kinds = self.kind_offices[kind]
            host = guest = country_table[int(rnd() * len(country_table))]
            while guest == host:
                guest = country_table[int(rnd() * len(country_table))]
            wanted = 2 + (rnd() >= 0.55) + (rnd() >= 0.7)  # 2, 3 or 4 participants
            taken: list[int] = []
            chosen = [self._holder(host, host_kinds, day, taken), self._holder(guest, guest_kinds, day, taken)]
            for _ in range(wanted - 2):
                chosen.append(self._holder(host if rnd() < 0.5 else guest, self.extra_table, day, taken))
            found = [c for c in chosen if c is not None]
            for _ in range(100):
                if len(found) >= 2:
                    break
                extra = self._holder(int(rnd() * len(countries)), self.any_table, day, taken)
                if extra is not None:
                    found.append(extra)
            else:
                raise RuntimeError(f"No two distinct office holders on {iso[day]}: too few people for the offices.")

            topics: list[int] = []
            for _ in range(1 + (rnd() >= 0.5) + (rnd() >= 0.7)):  # 1 to 3 topics, mostly subjects
                pool = self.leaf_topics if rnd() < 0.85 else self.area_topics
                topic = pool[int(rnd() * len(pool))]
                if topic not in topics:
                    topics.append(topic)
            source_id = self.source_base + g // 2
            sources = [source_id]
            if rnd() < 0.35:
                other = g // 2 + (1 if g % 2 else -1)
                if first_source <= other < stop_source:
                    sources.append(self.source_base + other)

            (hk, hp), (gk, gp) = found[0], found[1]
            ho, go = offices[hk], offices[gk]
            title = TITLES[kind].format(
                ht=self.press_title[hk],
                hn=people[hp].name,
                gt=self.press_title[gk],
                gn=people[gp].name,
                hc=countries[ho.country].name,
                gc=countries[go.country].name,
                topic=self.topic_phrase[topics[0]],
            )
            who = "; ".join(
                f"{people[p].name} ({offices[k].titles[0]}, {countries[offices[k].country].name})" for k, p in found
            )
            summary = f"{title}. With {who}. Topics: {', '.join(self.topic_names[t] for t in topics)}."
            end = None
            if precision == DAY and kind in MULTI_DAY and rnd() < 0.4:
                end = iso[day + 1 + int(rnd() * 3)]
            if day >= SCHEDULED_FROM and rnd() < 0.5:
                status = EventStatus.SCHEDULED.value
            else:
                r = rnd()
                status = _CANCELLED if r < 0.03 else _POSTPONED if r < 0.06 else _TOOK_PLACE
            remote = kind in REMOTE
            review = review_table[int(rnd() * len(review_table))]
            events.append(
                (
                    *(event_id, st, st, title[:300], f"{prefix}e{g}", kind, iso[day], precision, end, DAY, status),
                    "" if kind == EventKind.VIDEO_CALL else countries[ho.country].capital,
                    country_ids[ho.country],
                    "" if remote else ho.body,
                    summary,
                    review,
                    RETRACTION_REASON if review == RETRACTED else "",
                )
            )
            for role, (k, p) in zip(ROLES, found, strict=False):
                office = offices[k]
                reported = office.titles[int(rnd() * len(office.titles))]
                participations.append(
                    (
                        *(participation_id, st, st, event_id, role, person_ids[p], "", ""),
                        *(country_ids[office.country], reported, office.id, source_id, ""),
                    )
                )
                participation_id += 1
            for topic in topics:
                event_topics.append((event_topic_id, event_id, topic))
                event_topic_id += 1
            for source in sources:
                event_sources.append((event_source_id, event_id, source))
                event_source_id += 1
            host_countries.append(ho.country)
            titles.append(title[:500])
        ids["participation"], ids["event_topic"], ids["event_source"] = (
            participation_id,
            event_topic_id,
            event_source_id,
        )

        sources_rows: list[Row] = []
        for j in range(first_source, stop_source):
            a = 2 * j - start  # the source reports events 2j and 2j+1, close in date
            b = min(a + 1, n - 1)
            published = days[b][0] + int(rnd() * 3)
            if rnd() < 0.2:
                publisher, agency = self.ministry[host_countries[a]], ""
            else:
                publisher = PUBLISHERS[int(rnd() * len(PUBLISHERS))]
                agency = AGENCIES[int(rnd() * len(AGENCIES))] if rnd() < 0.25 and publisher not in WIRES else ""
            byline = "" if rnd() < 0.25 else self._byline()
            url = f"{URL_ROOT}/{self.seed}/{iso[published][:4]}/{j}"
            sources_rows.append(
                (self.source_base + j, st, st, url, publisher, agency, titles[a], byline, iso[published], DAY, "en")
            )
        return sources_rows, events, participations, event_topics, event_sources

    def _byline(self) -> str:
        rnd = self.rng.random

        def one() -> str:
            region = NAME_REGIONS[BYLINE_REGIONS[int(rnd() * len(BYLINE_REGIONS))]]
            given = region.givens[int(rnd() * len(region.givens))].latin
            return f"{given} {region.families[int(rnd() * len(region.families))].latin}"

        return f"{one()} and {one()}" if rnd() < 0.15 else one()
