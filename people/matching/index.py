"""The name index: people, offices, tenures and countries read once into memory, their names in one automaton."""

from collections import defaultdict
from datetime import date

from common.phrases import PhraseMatcher
from people.choices import TenureStatus
from people.country_words import adjectives, capitals
from people.matching.find import Matches, find_mentions
from people.matching.refs import CountryRef, OfficeRef, PersonRef, TenureRef
from people.matching.titles import GENERIC_TITLES
from people.models import Country, CountryName, Office, OfficeTitle, Person, PersonName, Tenure


def surname_of(name: str, sort_name: str) -> str:
    """The family name: before the comma of the sort name ("Choi, Jong-kun"), else the name's last word."""
    if "," in sort_name:
        return sort_name.split(",", 1)[0].strip()
    return name.split()[-1] if name.split() else ""


def given_first(sort_name: str) -> str:
    """ "Biegun, Stephen" -> "Stephen Biegun"; "" when the sort name has no comma."""
    if "," not in sort_name:
        return ""
    family, given = (part.strip() for part in sort_name.split(",", 1))
    return f"{given} {family}" if given and family else ""


# Payloads in the automaton: ("person", id) for a full name, ("surname", id), ("office", id),
# ("title", phrase) for a title the database has no office for, ("country", iso2, how).


class NameIndex:
    """Everything the matcher needs, in memory: build once per run (``NameIndex.build()``), then ``find()``."""

    def __init__(
        self,
        people: list[PersonRef],
        person_names: dict[int, list[str]],
        offices: list[OfficeRef],
        tenures: list[TenureRef],
        countries: list[CountryRef],
        country_names: dict[int, list[str]],
    ) -> None:
        self.people = {p.id: p for p in people}
        self.offices = {o.id: o for o in offices}
        self.countries = {c.iso2: c for c in countries}
        self._tenures_by_person: dict[int, list[TenureRef]] = defaultdict(list)
        self._tenures_by_office: dict[int, list[TenureRef]] = defaultdict(list)
        for tenure in tenures:
            self._tenures_by_person[tenure.person_id].append(tenure)
            self._tenures_by_office[tenure.office_id].append(tenure)
        self.people_by_surname: dict[str, list[int]] = defaultdict(list)
        self.matcher = PhraseMatcher()
        for person in people:
            self.matcher.add_all([person.name, *person_names.get(person.id, ())], ("person", person.id))
            if person.surname:
                self.matcher.add(person.surname, ("surname", person.id))
                self.people_by_surname[person.surname.casefold()].append(person.id)
        for office in offices:
            for title in office.titles:
                self.matcher.add(title, ("office", office.id), exact_case=_is_code(title))
        for title in GENERIC_TITLES:
            self.matcher.add(title, ("title", title))
        for country in countries:
            names = [country.name, *country_names.get(country.id, ())]
            for name in names:
                self.matcher.add(name, ("country", country.iso2, "name"), exact_case=_is_code(name))
            for adjective in adjectives(country.iso2):
                self.matcher.add(adjective, ("country", country.iso2, "adjective"), exact_case=_is_code(adjective))
            self.matcher.add_all(capitals(country.iso2), ("country", country.iso2, "capital"))
        self.matcher.build()

    @classmethod
    def build(cls) -> "NameIndex":
        """Read the people, offices, tenures and countries (seven queries, whatever their number)."""
        countries = list(Country.objects.values_list("id", "iso2", "name"))
        iso2_of = {cid: iso2 for cid, iso2, _ in countries}
        country_names: dict[int, list[str]] = defaultdict(list)
        for country_id, name in CountryName.objects.values_list("country_id", "name"):
            country_names[country_id].append(name)
        people, person_names = [], defaultdict(list)
        rows = Person.objects.values_list("id", "name", "slug", "sort_name", "nationality_id", "native_name")
        for pid, name, slug, sort_name, nationality, native in rows:
            people.append(PersonRef(pid, name, slug, surname_of(name, sort_name), iso2_of.get(nationality)))
            person_names[pid].extend(n for n in (native, given_first(sort_name)) if n)
        for pid, name in PersonName.objects.values_list("person_id", "name"):
            person_names[pid].append(name)
        press_titles: dict[int, list[str]] = defaultdict(list)
        for office_id, name in OfficeTitle.objects.values_list("office_id", "name"):
            press_titles[office_id].append(name)
        offices = [
            OfficeRef(oid, title, slug, iso2_of.get(country_id), (title, *press_titles.get(oid, ())))
            for oid, title, slug, country_id in Office.objects.values_list("id", "title", "slug", "country_id")
        ]
        tenures = [
            TenureRef(*row)
            for row in Tenure.objects.values_list("person_id", "office_id", "start", "end", "end_precision", "status")
        ]
        return cls(people, person_names, offices, tenures, [CountryRef(*c) for c in countries], country_names)

    def find(self, text: str, *, on: date | None = None, country: str | None = None) -> Matches:
        """Every mention of a person, title and country in ``text``; offices and bare titles resolved through the
        tenures on the day ``on``; ``country`` (ISO2) is where a title with no country of its own is assumed to be."""
        return find_mentions(self, text, on=on, country=country)

    # --- tenures, in memory

    def offices_held(self, person_id: int, day: date) -> list[OfficeRef]:
        """Offices held (as holder or acting) on ``day``, most recently started first."""
        held = [
            t
            for t in self._tenures_by_person.get(person_id, ())
            if t.status != TenureStatus.DESIGNATE and t.covers(day)
        ]
        held.sort(key=lambda t: t.start, reverse=True)
        return [self.offices[t.office_id] for t in held]

    def office_held(self, person_id: int, day: date, title_as_reported: str = "") -> OfficeRef | None:
        """The office held on ``day``; when several, the one whose titles the reported title names (the rule of
        ``people.selectors.office_held_on``); None when none, or several and the title does not tell."""
        offices = self.offices_held(person_id, day)
        if len(offices) <= 1:
            return offices[0] if offices else None
        wanted = title_as_reported.strip().casefold()
        scores: dict[int, int] = {}
        for office in offices if wanted else ():
            for title in (t.casefold() for t in office.titles):
                score = 10_000 if title == wanted else len(title) if title in wanted else 0
                score = score or (len(wanted) if wanted in title else 0)
                if score:
                    scores[office.id] = max(scores.get(office.id, 0), score)
        if not scores:
            return None
        best = max(scores.values())
        winners = [oid for oid, score in scores.items() if score == best]
        return self.offices[winners[0]] if len(winners) == 1 else None

    def holders(self, office_id: int, day: date, *, acting: bool = False) -> list[PersonRef]:
        """Who held the office on ``day``: the holders, or with ``acting`` the acting holders first."""
        covering = [t for t in self._tenures_by_office.get(office_id, ()) if t.covers(day)]
        order = [TenureStatus.ACTING, TenureStatus.HOLDER] if acting else [TenureStatus.HOLDER, TenureStatus.ACTING]
        for status in order:
            found = [self.people[t.person_id] for t in covering if t.status == status]
            if found:
                return found
        return []


def _is_code(phrase: str) -> bool:
    """Short capitals ("US", "ROK", "DPRK", "NIS"): matched only as written."""
    letters = phrase.replace(".", "")
    return len(letters) <= 4 and letters.isalpha() and letters.isupper()
