"""Candidate events: one per sentence that says something happened (or will), with who, when, where.

A sentence with an event verb ("met", "will hold talks", "arrived") and people in it makes a candidate.
"A met B, C and D" makes one meeting per person after the verb, "A and B held talks" one event. A sentence
with the verb but no name ("the two ministers held talks") takes the people of the sentence before it. With no
date of its own an event takes the date of the event before it that took place (for one that took place), else
the month of publication; with no place, the place of the event before it, else the dateline's city.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date

from common.models import DatePrecision
from events.ingest.dates import FoundDate, find_dates
from events.ingest.text import Article, Sentence
from events.ingest.wording import event_kind, event_status, main_clause
from events.kinds import EventKind
from events.models import EventStatus, ParticipationRole
from people.matching import CountryMention, PersonMention

CITY_NAMES = {"Washington": "Washington, D.C."}  # the name the data records a capital under, where longer
_INHERIT_PEOPLE = re.compile(
    r"\b(?:the two|both|they|their|the allies|the two sides|top diplomats|counterparts)\b", re.I
)
_DESCRIBED = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Tt]heir)\s+((?:(?:senior|top|high-ranking|presidential|government|[A-Z][\w.]*)\s+){0,3}"
    r"(?:official|delegation|envoy|diplomat|spokesperson|spokesman|negotiators?))\b",
)
_VENUE = re.compile(r"\bat the ((?:[A-Z][\w.'’-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’-]*){0,4})")
_MENTION_ONLY_AFTER = re.compile(
    r"^(?:['’]s\s+(?!visit|trip|talks|meeting|arrival)|-\w|\s+(?:administration|government|aides?|camp|team|"
    r"officials|allies|ally|said|says|told)\b)"
)
_MENTION_ONLY_BEFORE = re.compile(r"(?:\b(?:under|by|against|defeated|of|said|says|according to)\s+(?:\w+\s+){0,3}|-)$")
_LATER_CLAUSE = re.compile(r"\b(?:after|before|while|since|because|although|despite|amid|ahead of)\b|\bas\s+(?!well)")
_JOINED = re.compile(r"\b(?:also )?(?:joined|attended|sat in on)\b")
_PRONOUN_SUBJECT = re.compile(r"^(?:\w+\s+){0,3}(?:He|She|he|she)\b")


@dataclass
class Participant:
    mention: PersonMention | None
    role: str = ParticipationRole.PARTICIPANT
    description: str = ""  # for someone the report leaves unnamed
    span: tuple[int, int] | None = None


@dataclass
class Candidate:
    sentence: Sentence
    kind: str
    kind_span: tuple[int, int]
    status: str
    status_span: tuple[int, int] | None
    participants: list[Participant]
    date: FoundDate | None = None
    date_note: str = ""
    city: str = ""
    country: str | None = None
    place_span: tuple[int, int] | None = None
    venue: str = ""
    venue_span: tuple[int, int] | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)

    def people_key(self) -> frozenset:
        return frozenset(p.mention.person.id for p in self.taking_part() if p.mention and p.mention.person)

    def taking_part(self) -> list[Participant]:
        return [p for p in self.participants if p.role != ParticipationRole.MENTIONED]


def _mention_only(article: Article, mention: PersonMention) -> bool:
    after = article.body[mention.end : mention.end + 20]
    begins = mention.title.start if mention.title and mention.title.end <= mention.start else mention.start
    before = article.body[max(0, begins - 40) : begins]
    return bool(_MENTION_ONLY_AFTER.match(after) or _MENTION_ONLY_BEFORE.search(before))


def _people_in(article: Article, sentence: Sentence, people: list[PersonMention], kind_end: int | None = None):
    """The people of a sentence; those only mentioned (possessives, "who …" clauses, a clause after "after" or
    "as", a speaker's attribution) take the role "mentioned"."""
    inside = [m for m in people if sentence.start <= m.start < sentence.end]
    main = main_clause(sentence.text)
    later = _LATER_CLAUSE.search(main, kind_end) if kind_end is not None else None
    cut = sentence.start + later.start() if later else sentence.end
    seen, out = set(), []
    for mention in inside:
        key = mention.person.id if mention.person else mention.text
        if key in seen:
            continue
        seen.add(key)
        aside = not main[mention.start - sentence.start].strip() or mention.start >= cut
        only = aside or _mention_only(article, mention)
        role = ParticipationRole.MENTIONED if only else ParticipationRole.PARTICIPANT
        out.append(Participant(mention, role, span=(mention.start, mention.end)))
    return out


def _described(sentence: Sentence) -> list[Participant]:
    match = _DESCRIBED.search(sentence.text)
    if not match:
        return []
    start = sentence.start + match.start()
    return [Participant(None, description=match.group(0), span=(start, sentence.start + match.end()))]


def _place(sentence: Sentence, main: str, countries: list[CountryMention], kind: str):
    """(city, ISO2, span) from "in Seoul", "to South Korea", "visiting Washington" outside "who …" clauses."""
    for mention in countries:
        if not sentence.start <= mention.start < sentence.end or not main[mention.start - sentence.start].strip():
            continue
        before = main[: mention.start - sentence.start].rstrip().rsplit(None, 1)[-1:]
        words = ("in", "at") if kind not in (EventKind.VISIT,) else ("in", "to", "visiting", "visited", "visit", "at")
        if before and before[0].casefold() in words:
            city = CITY_NAMES.get(mention.text, mention.text) if mention.how == "capital" else ""
            return city, mention.iso2, (mention.start, mention.end)
    return "", None, None


def _split(candidate: Candidate) -> list[Candidate]:
    """ "A met B, C and D": one meeting each; the people before the verb are the subject."""
    if candidate.kind not in (EventKind.MEETING, EventKind.TALKS):
        return [candidate]
    verb = candidate.sentence.start + candidate.kind_span[0]
    named = candidate.taking_part()
    subject = [p for p in named if p.span and p.span[0] < verb]
    objects = [p for p in named if p.span and p.span[0] >= verb]
    if not subject or len(objects) < 2:
        return [candidate]
    mentioned = [p for p in candidate.participants if p.role == ParticipationRole.MENTIONED]
    return [replace(candidate, participants=[*subject, obj, *mentioned]) for obj in objects]


def find_candidates(
    article: Article,
    people: list[PersonMention],
    countries: list[CountryMention],
    published: date | None,
    published_precision: str,
    dateline_city: tuple[str, str | None] | None,
) -> list[Candidate]:
    out: list[Candidate] = []
    previous_people: list[Participant] = []
    recent_dates: list[tuple[Sentence, FoundDate]] = []
    for number, sentence in enumerate(article.sentences):
        main = main_clause(sentence.text)
        kind = event_kind(main)
        found_people = _people_in(article, sentence, people, kind[1][1] if kind else None)
        if out and _JOINED.search(main) and found_people:
            known = {p.mention.person.id for p in out[-1].participants if p.mention and p.mention.person}
            out[-1].participants += [
                p for p in found_people if p.mention and p.mention.person and p.mention.person.id not in known
            ]
            out[-1].evidence.append((sentence.start, sentence.end))
            continue
        past = list(find_dates(sentence.text, sentence.start, published, published_precision, future=False))
        recent_dates.extend((sentence, d) for d in past)
        if kind is None:
            previous_people = found_people or previous_people
            continue
        status, status_span = event_status(main)
        participants = found_people
        subject = [p for p in participants if p.span and p.span[0] < sentence.start + kind[1][0]]
        if not subject and out and _PRONOUN_SUBJECT.match(main) and out[-1].taking_part():
            participants = [replace(out[-1].taking_part()[0], role=ParticipationRole.PARTICIPANT, span=None)]
            participants[0].span = participants[0].mention.start, participants[0].mention.start
            participants += found_people
        if not [p for p in participants if p.role != ParticipationRole.MENTIONED]:
            inherited = [p for p in previous_people if p.role != ParticipationRole.MENTIONED]
            if _INHERIT_PEOPLE.search(sentence.text) and len(inherited) >= 2:
                participants = inherited + participants
            else:
                participants = _described(sentence) + participants
        if not [p for p in participants if p.role != ParticipationRole.MENTIONED]:
            previous_people = found_people or previous_people
            continue
        future = status == EventStatus.SCHEDULED
        dates = find_dates(sentence.text, sentence.start, published, published_precision, future=future)
        candidate = Candidate(
            sentence, kind[0], kind[1], status, status_span, participants,
            date=next((d for d in dates if d.day), dates[0] if dates else None),
            evidence=[(sentence.start, sentence.end)],
        )  # fmt: skip
        if candidate.date is None and not future:
            near = [d for s, d in recent_dates if number - article.sentences.index(s) <= 2 and d.day]
            if near:
                candidate.date = near[-1]
                candidate.date_note = "no date in the sentence: the date of the sentence before it"
        candidate.city, candidate.country, candidate.place_span = _place(sentence, main, countries, kind[0])
        venue = _VENUE.search(sentence.text)
        if venue:
            candidate.venue = venue.group(1)
            candidate.venue_span = (sentence.start + venue.start(1), sentence.start + venue.end(1))
        _fill_from_before(candidate, out, published, published_precision, dateline_city)
        out.extend(_split(candidate))
        previous_people = found_people or previous_people
    return _merge(out)


def _fill_from_before(candidate, before, published, published_precision, dateline_city) -> None:
    if candidate.date is None or candidate.date.day is None:
        earlier = [c for c in before if c.date and c.date.day and c.status == candidate.status == "took_place"]
        if earlier:
            candidate.date = earlier[-1].date
            candidate.date_note = "no date in the sentence: the date of the event before it"
        elif published and published_precision in (DatePrecision.DAY, DatePrecision.MONTH) and candidate.date is None:
            span = (candidate.sentence.start, candidate.sentence.start)
            month = published.replace(day=1)
            how = "no date in the sentence: the month of publication"
            candidate.date = FoundDate(*span, "", month, DatePrecision.MONTH, how)
    if candidate.country is None:
        placed = [c for c in before if c.country]
        if placed:
            candidate.city, candidate.country = placed[-1].city, placed[-1].country
        elif dateline_city:
            candidate.city, candidate.country = dateline_city
    elif not candidate.city and dateline_city and dateline_city[1] == candidate.country:
        candidate.city = dateline_city[0]  # "arrived in South Korea", reported from Seoul
    _assign_roles(candidate)


def _assign_roles(candidate: Candidate) -> None:
    named = candidate.taking_part()
    countries = {p.mention.country for p in named if p.mention}
    for p in named:
        here = p.mention.country if p.mention else None
        if candidate.kind == EventKind.VISIT:
            p.role = ParticipationRole.GUEST if here != candidate.country else ParticipationRole.PARTICIPANT
        elif candidate.country and len(countries) > 1 and here:
            p.role = ParticipationRole.HOST if here == candidate.country else ParticipationRole.GUEST


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """Sentences about the same event (same kind, people and date, or one date missing) make one candidate."""
    out: list[Candidate] = []
    for candidate in candidates:
        same = next((c for c in out if _same_event(c, candidate)), None)
        if same is None:
            out.append(candidate)
            continue
        same.evidence.extend(candidate.evidence)
        known = {p.mention.person.id for p in same.participants if p.mention and p.mention.person}
        same.participants += [
            p for p in candidate.participants if p.mention and p.mention.person and p.mention.person.id not in known
        ]
        if (same.date is None or same.date.day is None) and candidate.date and candidate.date.day:
            same.date = candidate.date
    return out


def _same_event(a: Candidate, b: Candidate) -> bool:
    if a.kind != b.kind and {a.kind, b.kind} != {EventKind.MEETING, EventKind.TALKS}:
        return False
    if not a.people_key() or a.people_key() != b.people_key():
        return False
    days = {c.date.day for c in (a, b) if c.date and c.date.day and c.date.precision == DatePrecision.DAY}
    return len(days) <= 1 and a.status == b.status
