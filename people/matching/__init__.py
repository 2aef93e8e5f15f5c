"""The shared name matcher: who, which office and which country a text names, with the span of each mention.

Used by the article assistant (``events.ingest``) and by importers that read names in free text (trip remarks
such as "Met with Acting President Choi Sang-mok and Foreign Minister Cho Tae-yul"). The public API, kept
stable:

    from people.matching import NameIndex, shared_index

    index = NameIndex.build()          # or shared_index(): rebuilt only when the data changed (DataVersion)
    found = index.find(text, on=date(2025, 1, 6), country="KR")
    for m in found.people:             # PersonMention, in text order
        m.start, m.end, m.text         # the span in ``text`` and the words there
        m.person                       # PersonRef(id, name, slug, surname, nationality) or None
        m.how                          # "name" | "surname" | "title" | "unknown"
        m.title                        # TitleMention(start, end, text, offices, country, qualifier) or None
        m.office                       # OfficeRef held on ``on`` (tenures), or None
        m.country                      # ISO2 guess: the office's, the title's, the nationality, the context
        m.candidates, m.note           # who it may be when ambiguous; why it was read so
    found.known(), found.unresolved()  # unresolved: candidates for new records (name, title as written, country)
    found.countries                    # CountryMention(start, end, text, iso2, how: name|adjective|capital)
    found.titles                       # every TitleMention, with or without a name
    index.office_held(person_id, day, title_as_reported="")   # in memory, the rule of people.selectors
    index.holders(office_id, day, acting=False)               # who held an office that day

What it reads: people (name, other names, native script, "given family" from the sort name), offices (title
and press titles), tenures, countries (name, other names, the adjectives and capitals of
``people.country_words``). All names go into one Aho–Corasick automaton (``common.phrases``): one pass per text,
forgiving case, accents, hyphens (Choi Jong-kun = Choi Jong Kun = CHOI JONG-KUN); codes (US, ROK) match only
as written. Building reads seven queries and takes well under a second for thousands of people; ``find``
makes no query.

How mentions are read, in text order:
- a full name is that person (two people with one name: unresolved, both candidates);
- a capitalised surname alone is the person of that surname named in full earlier; if two such people were
  named, it stays unresolved with both as candidates (never a guess); with no earlier full mention, it is taken
  only for the one person of that surname in the index who held an office on the day; a surname followed by
  another capitalised word ("Kim Yo Jong") is part of another name, not a mention;
- a title right before a name ("Foreign Minister Cho Tae-yul", "Foreign Minister Cho") is that person's title
  as reported; before a surname it picks the holder of that surname; before a name the index does not know it
  makes an unresolved mention (the name, the title, the country from the title or the context);
- a title after a name and a comma ("Suh Hoon, the new national security adviser") is that person's;
- a bare title after "the" or a country word ("the South Korean foreign minister", "Seoul's top nuclear envoy")
  is the office's holder on the day, if exactly one; "former", "-elect" and "designate" never resolve to a
  holder. A country word right before a title narrows its offices ("U.S. President" vs "South Korean President").
"""

from common.cache import data_version
from people.matching.find import CountryMention, Matches, PersonMention, TitleMention
from people.matching.index import NameIndex
from people.matching.refs import CountryRef, OfficeRef, PersonRef

__all__ = [
    "CountryMention",
    "CountryRef",
    "Matches",
    "NameIndex",
    "OfficeRef",
    "PersonMention",
    "PersonRef",
    "TitleMention",
    "shared_index",
]

_shared: dict[str, tuple[int | None, NameIndex]] = {}


def shared_index() -> NameIndex:
    """One index per process, rebuilt when the curated data changed since it was built (``DataVersion``)."""
    version = data_version()
    cached = _shared.get("index")
    if cached is None or version is None or cached[0] != version:
        cached = (version, NameIndex.build())
        _shared["index"] = cached
    return cached[1]
