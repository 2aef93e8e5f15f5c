"""``generate_synthetic_data``: plan a dataset for a seed, build its rows and write them in one transaction."""

import logging
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db import connections, transaction
from django.utils import timezone
from django.utils.text import slugify

from events.synthetic.event_rows import EVENT_TABLES, EventRowMaker
from events.synthetic.names import fold_diacritics
from events.synthetic.namespace import refuse_taken_seed, slug_prefix
from events.synthetic.plan import DAY, EARLIEST_ORD, LAST_ORD, Sizes, assign_holders, plan_offices, plan_people
from events.synthetic.vocabulary import COUNTRIES, TOPIC_TREE
from events.synthetic.writers import BIG_TABLES, TABLES, Row, RowWriter
from people.models import Country

logger = logging.getLogger(__name__)

DEFAULT_CHUNK_SIZE = 50_000

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SyntheticResult:
    seed: int
    sizes: Sizes
    method: str  # "copy" (PostgreSQL) or "insert"
    rows: dict[str, int]  # table name → rows written
    countries_reused: int


class _Generator:
    """One run: allocates primary keys, plans with one ``random.Random(seed)`` and hands rows to the writer."""

    def __init__(self, *, seed: int, sizes: Sizes, writer: RowWriter, stamp: object, progress: Progress | None) -> None:
        self.seed, self.sizes, self.writer, self.stamp = seed, sizes, writer, stamp
        self.progress = progress or (lambda stage, done, total: None)
        self.rng = random.Random(seed)  # noqa: S311 - reproducible sample data, not secrets
        self.prefix = slug_prefix(seed=seed)
        self.ids = writer.next_ids()
        self.iso = {o: date.fromordinal(o).isoformat() for o in range(EARLIEST_ORD, LAST_ORD + 400)}
        self.countries = COUNTRIES[: sizes.countries]
        self.countries_reused = 0

    def _take_ids(self, key: str, n: int = 1) -> int:
        """Reserve ``n`` consecutive primary keys of a table; returns the first."""
        first = self.ids[key]
        self.ids[key] += n
        return first

    def run(self, *, chunk_size: int) -> None:
        self._write_countries()
        self._write_people_and_offices()
        self._write_topics()
        self._write_events(chunk_size=chunk_size)

    # -- countries, people, offices, tenures

    def _write_countries(self) -> None:
        st = self.stamp
        countries = Country.objects.using(self.writer.connection.alias)
        existing = dict(countries.filter(iso2__in=[c.iso2 for c in self.countries]).values_list("iso2", "id"))
        rows: list[Row] = []
        names: list[Row] = []
        self.country_ids: list[int] = []
        for spec in self.countries:
            country_id = existing.get(spec.iso2)
            if country_id is None:
                country_id = self._take_ids("country")
                rows.append((country_id, st, st, spec.iso2, spec.iso3, spec.name))
                for other in spec.other_names:
                    names.append((self._take_ids("country_name"), st, st, other, "en", "", country_id))
            self.country_ids.append(country_id)
        self.countries_reused = len(existing)
        self.writer.write("country", rows)
        self.writer.write("country_name", names)
        logger.info("Countries: %d reused, %d created", len(existing), len(rows))

    def _write_people_and_offices(self) -> None:
        self.people = plan_people(rng=self.rng, countries=self.countries, count=self.sizes.people)
        person_base = self._take_ids("person", len(self.people))
        self.person_ids = range(person_base, person_base + len(self.people))
        self.offices = plan_offices(
            rng=self.rng,
            countries=self.countries,
            count=self.sizes.offices,
            first_id=self._take_ids("office", self.sizes.offices),
        )
        holders = assign_holders(
            rng=self.rng, offices=self.offices, people=len(self.people), countries=len(self.countries)
        )
        self._write_people_offices_tenures(holders)

    def _write_people_offices_tenures(self, holders: dict[int, list[list[int]]]) -> None:
        st, people, offices, n_countries = self.stamp, self.people, self.offices, len(self.countries)
        # Rows: people, their other names, offices, other titles, tenures.
        latest: dict[int, tuple[int, str]] = {}  # person → their last tenure's start and office
        tenure_rows: list[Row] = []
        for office in offices:
            for seat, persons in zip(office.seats, holders[office.id], strict=True):
                for (start, precision, end, status), person in zip(seat, persons, strict=True):
                    tenure_rows.append(
                        (
                            self._take_ids("tenure"),
                            *(st, st, self.person_ids[person], office.id, self.iso[start], precision),
                            *(None if end is None else self.iso[end], DAY, status, office.single_holder, ""),
                        )
                    )
                    if start >= latest.get(person, (0, ""))[0]:
                        latest[person] = (start, office.titles[1] if len(office.titles) > 1 else office.titles[0])
        person_rows: list[Row] = []
        name_rows: list[Row] = []
        for i, p in enumerate(people):
            spec = self.countries[i % n_countries]
            description = latest[i][1] if i in latest else f"{spec.demonym} diplomat"
            slug = f"{self.prefix}{slugify(fold_diacritics(p.name))}-{i}"
            person_id = self.person_ids[i]
            person_rows.append(
                (
                    person_id,
                    st,
                    st,
                    p.name,
                    p.sort_name,
                    p.native_name,
                    slug,
                    self.country_ids[i % n_countries],
                    description,
                )
            )
            for name, language, note in p.other_names:
                name_rows.append((self._take_ids("person_name"), st, st, name, language, note, person_id))
        office_rows: list[Row] = []
        title_rows: list[Row] = []
        for k, o in enumerate(offices):
            spec = self.countries[o.country]
            slug = f"{self.prefix}{spec.iso2.lower()}-{slugify(fold_diacritics(o.titles[0]))}-{k}"[:200]
            description = f"Synthetic office (seed {self.seed})."
            office_rows.append(
                (
                    o.id,
                    st,
                    st,
                    o.titles[0],
                    slug,
                    self.country_ids[o.country],
                    o.body,
                    o.kind,
                    o.single_holder,
                    description,
                )
            )
            for title in o.titles[1:]:
                title_rows.append((self._take_ids("office_title"), st, st, title, "en", "press usage", o.id))
        for key, rows in (
            ("person", person_rows),
            ("person_name", name_rows),
            ("office", office_rows),
            ("office_title", title_rows),
            ("tenure", tenure_rows),
        ):
            self.writer.write(key, rows)
        logger.info("People %d, offices %d, tenures %d", len(person_rows), len(office_rows), len(tenure_rows))

    # -- topics

    def _write_topics(self) -> None:
        st = self.stamp
        rows: list[Row] = []
        names: list[Row] = []
        self.topic_names: dict[int, str] = {}
        self.leaf_topics: list[int] = []
        self.area_topics: list[int] = []

        def add(name: str, others: tuple[str, ...], parent: int | None) -> int:
            topic_id = self._take_ids("topic")
            rows.append((topic_id, st, st, name, f"{self.prefix}{slugify(name)}", parent, ""))
            for other in others:
                names.append((self._take_ids("topic_name"), st, st, other, "en", "other spelling", topic_id))
            self.topic_names[topic_id] = name
            return topic_id

        for area, area_others, subjects in TOPIC_TREE:
            area_id = add(area, area_others, None)
            self.area_topics.append(area_id)
            for subject, subject_others in subjects:
                self.leaf_topics.append(add(subject, subject_others, area_id))
        self.writer.write("topic", rows)
        self.writer.write("topic_name", names)

    # -- events, their participants, topics and sources

    def _write_events(self, *, chunk_size: int) -> None:
        total = self.sizes.events
        maker = EventRowMaker(
            rng=self.rng,
            seed=self.seed,
            stamp=self.stamp,
            ids=self.ids,
            iso=self.iso,
            countries=self.countries,
            country_ids=self.country_ids,
            people=self.people,
            person_ids=self.person_ids,
            offices=self.offices,
            topic_names=self.topic_names,
            leaf_topics=self.leaf_topics,
            area_topics=self.area_topics,
            event_base=self._take_ids("event", total),
            source_base=self._take_ids("source", self.sizes.sources),
        )
        # Rows are made in blocks of a fixed size (so the chunk size cannot change them)
        # and written once a chunk's worth has piled up.
        pending: dict[str, list[Row]] = {key: [] for key in EVENT_TABLES}
        piled = 0
        for start, stop, block in maker.blocks(total):
            for key, rows in zip(EVENT_TABLES, block, strict=True):
                pending[key] += rows
            piled += stop - start
            if piled >= chunk_size or stop == total:
                for key in EVENT_TABLES:
                    self.writer.write(key, pending[key])
                    pending[key] = []
                piled = 0
                self.progress("events", stop, total)
                logger.debug("Events %d/%d", stop, total)


def generate_synthetic_data(
    *,
    events: int,
    seed: int,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    using: str = "default",
    progress: Progress | None = None,
) -> SyntheticResult:
    """Write a synthetic dataset of ``events`` events for ``seed`` in one transaction.

    Raises ``SyntheticDataExists`` when the seed's rows are already there.
    ``progress(stage, done, total)`` is called after each chunk of events.
    """
    if events < 1:
        raise ValueError("events must be at least 1")
    if seed < 0:
        raise ValueError("seed must not be negative")
    connection = connections[using]
    for table in TABLES.values():
        table.unlisted(connection)  # fail before any work if a model gained a required field
    sizes = Sizes.for_events(events)
    stamp = connection.ops.adapt_datetimefield_value(timezone.now())
    with transaction.atomic(using=using):
        writer = RowWriter(connection)
        writer.lock()
        refuse_taken_seed(seed=seed, using=using)
        generator = _Generator(seed=seed, sizes=sizes, writer=writer, stamp=stamp, progress=progress)
        logger.info(
            "Seed %d: %d events, %d people, %d offices in %d countries (%s)",
            *(seed, sizes.events, sizes.people, sizes.offices, sizes.countries, writer.method),
        )
        with writer.foreign_keys_checked_once(BIG_TABLES):
            generator.run(chunk_size=chunk_size)
        writer.finish()
    rows = {TABLES[key].name: count for key, count in writer.rows.items()}
    return SyntheticResult(seed, sizes, writer.method, rows, generator.countries_reused)
