"""Find many phrases in a text in one pass, forgiving case, Latin accents, hyphens and spacing.

The phrases go into one Aho–Corasick automaton (pyahocorasick), built once, so finding them costs one pass
over the text whatever their number (thousands of names), instead of one regular expression per phrase.

Text and phrases are compared in a normalised form: case folded, Latin accents dropped (Michèle = Michele),
hyphens, dashes and runs of white space made one space (Choi Jong-kun = Choi Jong Kun), curly apostrophes
straight. Every hit carries its span in the *original* text, so a caller can highlight or quote it.

A phrase may be marked ``exact_case``: short codes such as "US" or "ROK" then match only as written, never
the word "us", and not inside a run of capitals ("THE US ARMY" is a shout, not a code).

    matcher = PhraseMatcher()
    matcher.add("Choi Jong-kun", ("person", 11))
    matcher.build()
    for hit in matcher.find("Biegun met Choi Jong Kun."):
        hit.start, hit.end, hit.text, hit.payloads   # 11, 24, "Choi Jong Kun", (("person", 11),)
"""

import unicodedata
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

import ahocorasick

DASHES = frozenset("-‐‑‒–—―")
APOSTROPHES = frozenset("'’‘ʼ`")
LATIN_END = 0x0250  # accents are dropped in the Latin blocks only: Hangul syllables stay whole


@dataclass(frozen=True)
class PreparedText:
    """A text in its normalised form, with the index in the original of each normalised character."""

    original: str
    normalised: str
    where: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalised characters ``start`` to ``end`` (exclusive)."""
        return self.where[start], self.where[end - 1] + 1


def _fold(ch: str) -> str:
    if ch in APOSTROPHES:
        return "'"
    if ord(ch) < LATIN_END:
        ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return ch.casefold()


def prepare(text: str) -> PreparedText:
    """Normalise ``text`` once; pass the result to several matchers."""
    out: list[str] = []
    where: list[int] = []
    space = True  # leading white space is dropped
    for index, ch in enumerate(text):
        if ch in DASHES or ch.isspace():
            if not space:
                out.append(" ")
                where.append(index)
                space = True
            continue
        for folded in _fold(ch):
            out.append(folded)
            where.append(index)
        space = False
    return PreparedText(text, "".join(out), tuple(where))


def normalise(phrase: str) -> str:
    return prepare(phrase).normalised.strip()


def _as_written(text: str) -> str:
    """Dashes and white space as one space, case kept: how an exact-case phrase is compared."""
    return " ".join("".join(" " if ch in DASHES else ch for ch in text).split())


@dataclass(frozen=True)
class Hit:
    start: int  # in the original text
    end: int
    text: str  # the original text of the span
    payloads: tuple[Hashable, ...]  # what was added for this phrase (several when phrases normalise alike)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _needs_boundary(ch: str) -> bool:
    """Alphabetic scripts separate words; Hangul and CJK names take particles without a space (최종건은)."""
    return ch.isalnum() and ord(ch) < 0x1100


def _in_capitals_run(text: str, start: int, end: int) -> bool:
    """Whether the word before or after the span is written in capitals too (a shouted headline)."""
    before = text[:start].rstrip().rsplit(None, 1)
    after = text[end:].lstrip().split(None, 1)
    words = [w.strip(".,;:!?\"'()") for w in (before[-1:] + after[:1])]
    return any(len(w) > 1 and w.isupper() for w in words)


class PhraseMatcher:
    """Phrases with payloads; ``build()`` once, then ``find()`` as often as needed (it does not change)."""

    def __init__(self) -> None:
        self._payloads: dict[str, list[Hashable]] = {}
        self._exact: dict[tuple[str, Hashable], str] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, phrase: str, payload: Hashable, *, exact_case: bool = False) -> None:
        key = normalise(phrase)
        if not key or not any(_is_word_char(c) for c in key):
            return
        payloads = self._payloads.setdefault(key, [])
        if payload not in payloads:
            payloads.append(payload)
        if exact_case:
            self._exact[(key, payload)] = _as_written(phrase)

    def add_all(self, phrases: Iterable[str], payload: Hashable, *, exact_case: bool = False) -> None:
        for phrase in phrases:
            self.add(phrase, payload, exact_case=exact_case)

    def build(self) -> "PhraseMatcher":
        automaton = ahocorasick.Automaton()
        for key in self._payloads:
            automaton.add_word(key, key)
        if self._payloads:
            automaton.make_automaton()
        self._automaton = automaton
        return self

    def __len__(self) -> int:
        return len(self._payloads)

    def find_all(self, text: str | PreparedText) -> list[Hit]:
        """Every hit on word boundaries, overlapping ones included, in order of start."""
        if self._automaton is None:
            raise RuntimeError("PhraseMatcher.build() first")
        prepared = text if isinstance(text, PreparedText) else prepare(text)
        if not self._payloads:
            return []
        norm, hits = prepared.normalised, []
        for last, key in self._automaton.iter(norm):
            first = last - len(key) + 1
            if first > 0 and _is_word_char(norm[first - 1]) and _needs_boundary(key[0]):
                continue
            if last + 1 < len(norm) and _is_word_char(norm[last + 1]) and _needs_boundary(key[-1]):
                continue
            start, end = prepared.span(first, last + 1)
            written = prepared.original[start:end]
            payloads = tuple(p for p in self._payloads[key] if self._case_agrees(key, p, prepared.original, start, end))
            if payloads:
                hits.append(Hit(start, end, written, payloads))
        hits.sort(key=lambda h: (h.start, -h.end))
        return hits

    def _case_agrees(self, key: str, payload: Hashable, text: str, start: int, end: int) -> bool:
        wanted = self._exact.get((key, payload))
        if wanted is None:
            return True
        return _as_written(text[start:end]) == wanted and not _in_capitals_run(text, start, end)

    def find(self, text: str | PreparedText) -> list[Hit]:
        """The longest hits that do not overlap, leftmost first ("South Korean Foreign Minister", not
        "South Korean" and "Foreign Minister")."""
        chosen, reach = [], -1
        for hit in self.find_all(text):
            if hit.start >= reach:
                chosen.append(hit)
                reach = hit.end
        return chosen
