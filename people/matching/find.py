"""From the automaton's hits to mentions: people (known, ambiguous or unknown), titles, countries.

``index`` is a ``people.matching.index.NameIndex`` (not imported here: the index imports this module).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from common.phrases import Hit
from people.matching.refs import OfficeRef, PersonRef
from people.matching.titles import DETERMINERS, QUALIFIERS, name_after, sentence_start, suffix_after, word_before


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    iso2: str
    how: str  # "name" (incl. other names and codes), "adjective", "capital"


@dataclass(frozen=True)
class TitleMention:
    start: int
    end: int
    text: str  # as written, with an adjacent country word and a qualifier: "South Korean Foreign Minister"
    offices: tuple[OfficeRef, ...]  # the offices these words can name, narrowed by the country when one is said
    country: str | None  # ISO2 the title names ("South Korean ..."), or the one country of its offices
    qualifier: str = ""  # "acting", "former", "elect", "designate", "new", ...

    @property
    def office(self) -> OfficeRef | None:
        return self.offices[0] if len(self.offices) == 1 else None


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    text: str  # the name as written; for a person named only by a title, the title
    person: PersonRef | None  # None: unknown to the database, or ambiguous (see candidates)
    how: str  # "name", "surname", "title" (a bare title resolved through the tenures), "unknown"
    title: TitleMention | None = None
    office: OfficeRef | None = None  # the office held on the day (tenures), when a day was given
    country: str | None = None  # ISO2: of the office, else of the title, else the nationality
    candidates: tuple[PersonRef, ...] = ()  # people it may be, when it cannot tell
    note: str = ""  # why: "surname only, after the full mention at 312", "held the office on 2020-12-09"

    @property
    def known(self) -> bool:
        return self.person is not None


@dataclass
class Matches:
    people: list[PersonMention] = field(default_factory=list)
    countries: list[CountryMention] = field(default_factory=list)
    titles: list[TitleMention] = field(default_factory=list)

    def known(self) -> list[PersonMention]:
        return [m for m in self.people if m.person is not None]

    def unresolved(self) -> list[PersonMention]:
        """Mentions of people the database does not know (or cannot tell apart): candidates for new records."""
        return [m for m in self.people if m.person is None]


def _kinds(hit: Hit, kind: str) -> list:
    return [p[1:] if len(p) > 2 else p[1] for p in hit.payloads if p[0] == kind]


_APPOSITION = re.compile(r"^,\s+(?:[\w.’'-]+\s+){0,4}$")
_POSSESSIVE = re.compile(r"^['’]s\s+$")


class _Reader:
    """One pass over the hits of one text, in order."""

    def __init__(self, index, text: str, on: date | None, context_country: str | None) -> None:
        self.index, self.text, self.on, self.context_country = index, text, on, context_country
        self.hits = index.matcher.find(text)
        self.out = Matches()
        self.full_mentions: dict[int, int] = {}  # person id -> where first named in full
        self.used: set[int] = set()  # hits taken as part of another mention
        self.possessor = False  # the title being read follows a possessive ("Moon Jae-in’s new adviser")
        self.last_office: dict[int, OfficeRef] = {}  # the office a person's last mention resolved to

    def gap(self, start: int, end: int) -> str:
        return self.text[start:end]

    def run(self) -> Matches:
        for i, hit in enumerate(self.hits):
            if i in self.used:
                continue
            if _kinds(hit, "person"):
                self.full_name(hit)
            elif _kinds(hit, "office") or _kinds(hit, "title"):
                self.title(i, hit)
            elif not (_kinds(hit, "surname") and self.surname(hit)) and _kinds(hit, "country"):
                iso2, how = _kinds(hit, "country")[0]
                self.out.countries.append(CountryMention(hit.start, hit.end, hit.text, iso2, how))
        self.out.people.sort(key=lambda m: m.start)
        return self.out

    # --- people named in full, or by surname

    def full_name(self, hit: Hit, title: TitleMention | None = None) -> None:
        ids = _kinds(hit, "person")
        people = [self.index.people[pid] for pid in ids]
        for person in people:
            self.full_mentions.setdefault(person.id, hit.start)
        if len(people) == 1:
            self.add_person(hit.start, hit.end, people[0], "name", title)
        else:
            names = ", ".join(p.slug for p in people)
            self.add_unresolved(hit.start, hit.end, title, candidates=tuple(people), note=f"the name of {names}")

    def surname(self, hit: Hit, title: TitleMention | None = None) -> bool:
        """A surname alone: the person named in full earlier; with a title, the holder of that surname."""
        if not hit.text[:1].isupper() or self.in_longer_name(hit):
            return False
        ids = _kinds(hit, "surname")
        earlier = [pid for pid in ids if self.full_mentions.get(pid, hit.start) < hit.start]
        if title is not None and self.on and title.offices:
            holders = {p.id for o in title.offices for p in self.index.holders(o.id, self.on)}
            in_office = [pid for pid in ids if pid in holders]
            if len(in_office) == 1:
                self.add_person(hit.start, hit.end, self.index.people[in_office[0]], "surname", title, "holder")
                return True
        if len(earlier) == 1:
            note = f"surname only, after the full mention at {self.full_mentions[earlier[0]]}"
            self.add_person(hit.start, hit.end, self.index.people[earlier[0]], "surname", title, note)
            return True
        if len(earlier) > 1:
            people = tuple(self.index.people[pid] for pid in earlier)
            self.add_unresolved(hit.start, hit.end, title, candidates=people, note="surname shared by several")
            return True
        if not earlier and len(ids) == 1 and self.on and self.index.offices_held(ids[0], self.on):
            note = f"surname only: the one person of this surname, in office on {self.on}"
            self.add_person(hit.start, hit.end, self.index.people[ids[0]], "surname", title, note)
            return True
        return False

    def in_longer_name(self, hit: Hit) -> bool:
        """ "Kim" in "Kim Yo Jong" (a name the index does not hold) is not a mention of another Kim."""
        after = re.match(r"[ \t]+([^\s,.;:()]+)", self.text[hit.end : hit.end + 40])
        if after and after.group(1)[:1].isupper() and not self.hit_at(hit.end + after.start(1)):
            return True
        before = re.search(r"([^\s,.;:()\"“]+)[ \t]+$", self.text[max(0, hit.start - 40) : hit.start])
        if before and before.group(1)[:1].isupper():
            begins = hit.start - len(before.group(0))
            return not self.hit_at(begins, covering=True) and sentence_start(self.text, hit.start) < begins
        return False

    def hit_at(self, pos: int, *, covering: bool = False, kind: str = "") -> bool:
        return any(
            (h.start == pos or (covering and h.start <= pos < h.end)) and (not kind or _kinds(h, kind))
            for h in self.hits
        )

    # --- titles: with a name after them, in apposition to one, or alone

    def title(self, i: int, hit: Hit) -> None:
        title = self.title_mention(i, hit)
        self.out.titles.append(title)
        nxt = self.hits[i + 1] if i + 1 < len(self.hits) else None
        if nxt is not None and not self.gap(title.end, nxt.start).strip():
            if _kinds(nxt, "person"):
                self.used.add(i + 1)
                self.full_name(nxt, title)
                return
            if _kinds(nxt, "surname") and self.surname(nxt, title):
                self.used.add(i + 1)
                return
        span = name_after(self.text, title.end)
        if span and span[0] - title.end <= 2 and not self.hit_at(span[0], kind="person"):
            self.add_unresolved(span[0], span[1], title, note="not in the database")
            return
        previous = self.out.people[-1] if self.out.people else None
        if previous and previous.title is None and _APPOSITION.match(self.gap(previous.end, title.start)):
            self.out.people[-1] = self.with_title(previous, title)
            return
        self.bare_title(title)

    def title_mention(self, i: int, hit: Hit) -> TitleMention:
        start, end, country = hit.start, hit.end, None
        self.possessor = bool(re.search(r"\w['’]s\s+(?:new\s+)?$", self.text[max(0, hit.start - 50) : hit.start]))
        prev = self.hits[i - 1] if i > 0 else None
        if prev is not None and _kinds(prev, "country") and i - 1 not in self.used:
            iso2, how = _kinds(prev, "country")[0]
            between = self.gap(prev.end, hit.start)
            if (not between.strip() and how != "capital") or _POSSESSIVE.match(between):
                country = iso2
            if not between.strip() and how != "capital":
                start = prev.start
        qualifier = QUALIFIERS.get(word_before(self.text, start), "")
        if qualifier:
            start = _word_start_before(self.text, start)
        suffix, end = suffix_after(self.text, end)
        offices = tuple(self.index.offices[oid] for oid in _kinds(hit, "office"))
        if country:
            offices = tuple(o for o in offices if o.country == country)  # "Japanese Foreign Minister": not Korea's
        if country is None and offices and len({o.country for o in offices}) == 1:
            country = offices[0].country
        return TitleMention(start, end, self.text[start:end], offices, country, suffix or qualifier)

    def bare_title(self, title: TitleMention) -> None:
        """ "the foreign minister", "South Korea's chief nuclear negotiator": the holder that day, if one."""
        if self.on is None or title.qualifier in ("former", "elect", "designate", "outgoing", "incoming"):
            return
        said = self.possessor or self.country_before(title)
        if word_before(self.text, title.start) not in DETERMINERS and not said:
            return
        offices = title.offices
        if len(offices) > 1:
            country = self.sentence_country(title.start) or self.context_country
            offices = tuple(o for o in offices if o.country == country)
        if len(offices) != 1:
            return
        holders = self.index.holders(offices[0].id, self.on, acting=title.qualifier == "acting")
        if len(holders) == 1:
            self.add_person(title.start, title.end, holders[0], "title", title, f"held the office on {self.on}")

    def country_before(self, title: TitleMention) -> bool:
        """A country word right before the title: "South Korean foreign minister", "Seoul's top nuclear envoy"."""
        return any(c.end <= title.start and not self.gap(c.end, title.start).strip(" '’s") for c in self.out.countries)

    def sentence_country(self, pos: int) -> str | None:
        begins = sentence_start(self.text, pos)
        found = [c.iso2 for c in self.out.countries if begins <= c.start < pos]
        return found[-1] if found else None

    # --- building mentions

    def add_person(self, start, end, person: PersonRef, how: str, title=None, note: str = "") -> None:
        office = self.index.office_held(person.id, self.on, title.text if title else "") if self.on else None
        if office is None and title is None and self.on:
            office = self.last_office.get(person.id)  # "Biegun" carries the title his full mention had
        if office is not None:
            self.last_office[person.id] = office
        country = (office and office.country) or (title and title.country) or person.nationality
        self.out.people.append(
            PersonMention(start, end, self.text[start:end], person, how, title, office, country, note=note)
        )

    def add_unresolved(self, start, end, title, *, candidates=(), note: str = "") -> None:
        country = (title.country if title else None) or self.sentence_country(start) or self.context_country
        office = title.office if title and title.qualifier not in ("former", "elect", "designate") else None
        self.out.people.append(
            PersonMention(start, end, self.text[start:end], None, "unknown", title, office, country, candidates, note)
        )

    def with_title(self, mention: PersonMention, title: TitleMention) -> PersonMention:
        if mention.person is None:
            return PersonMention(**{**mention.__dict__, "title": title})
        office = self.index.office_held(mention.person.id, self.on, title.text) if self.on else None
        return PersonMention(**{**mention.__dict__, "title": title, "office": office or mention.office})


def _word_start_before(text: str, pos: int) -> int:
    match = re.search(r"[\w’']+[ \t-]*$", text[max(0, pos - 40) : pos])
    return pos - len(match.group(0)) if match else pos


def find_mentions(index, text: str, *, on: date | None = None, country: str | None = None) -> Matches:
    return _Reader(index, text, on, country).run()
