"""What a sentence says happened: the kind of event (from its verb) and its status (from the tense)."""

import re

from events.kinds import EventKind
from events.models import EventStatus

# The first pattern that matches a sentence gives the kind; order from the most to the least specific.
KIND_PATTERNS = [
    (EventKind.VIDEO_CALL, r"\bvideo (?:call|conference|link)|videoconference|virtual (?:meeting|talks)"),
    (EventKind.PHONE_CALL, r"\b(?:phone|telephone) (?:call|talks|conversation)|\bby (?:tele)?phone\b|\bphoned\b|"
                           r"\bspoke (?:by|on the) (?:tele)?phone"),
    (EventKind.SUMMIT, r"\b(?:held|hold|holding|attend(?:ed|s|ing)?|at) (?:a |the |their )?(?:\w+ )?summit\b"),
    (EventKind.AGREEMENT, r"\bsigned (?:an?|the) (?:agreement|deal|accord|treaty|memorandum)"),
    (EventKind.NEGOTIATION, r"\bnegotiat(?:ions?|ed|ing)\b(?= (?:with|between|on))"),
    (EventKind.STATEMENT, r"\b(?:announc(?:ed|ing|ement)|said in a statement|issued a statement)\b"),
    (EventKind.TALKS, r"\b(?:hold|held|holding|holds) (?:\w+ )?talks\b|\btalks (?:with|between)\b|\bluncheon\b"),
    (EventKind.MEETING, r"\b(?:met|meet|meets|meeting|to see|sat down)\b(?! the (?:press|needs|goal|target))"),
    (EventKind.VISIT, r"\b(?:visited|visiting|visits|arrived|arrives|arrive|to visit|will visit|trip to|tour of|"
                      r"travel(?:led|ed|s)? to|visit to)\b|['’]s visit\b"),
    (EventKind.BRIEFING, r"\b(?:briefing|briefed|told (?:reporters|journalists)|(?:speaking|spoke) (?:with|to) "
                         r"(?:a small group of )?(?:reporters|journalists)|news conference|press conference)\b"),
]  # fmt: skip
_KINDS = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in KIND_PATTERNS]

_SCHEDULED = re.compile(
    r"\b(?:will|would|shall|is|are|was|were) (?:\w+ )?(?:set|due|scheduled|expected|likely|slated|poised|planning|"
    r"going) to\b|\bwill\b|\b(?<!met )(?<!met with )to (?:meet|visit|hold|travel|arrive)\b|\bplans? to\b|\bplanned\b|"
    r"\bis to\b|\bare to\b|\bupcoming\b|\bcould meet\b|\bmay meet\b",
    re.IGNORECASE,
)
_CANCELLED = re.compile(r"\b(?:cancel(?:l)?ed|called off|scrapped)\b", re.IGNORECASE)
_POSTPONED = re.compile(r"\b(?:postponed|delayed|put off|pushed back)\b", re.IGNORECASE)


_SUBORDINATE = re.compile(r",\s+(?:who|which)\b[^,]*(?:,|$)")


def main_clause(sentence: str) -> str:
    """The sentence with its ", who …," and ", which …," clauses blanked (same length, so spans still hold)."""
    return _SUBORDINATE.sub(lambda m: " " * len(m.group()), sentence)


def event_kind(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """The kind and the span (within the sentence) of the words that say it, or None: no event here."""
    for kind, pattern in _KINDS:
        match = pattern.search(sentence)
        if match:
            return kind, match.span()
    return None


def event_status(sentence: str) -> tuple[str, tuple[int, int] | None]:
    for status, pattern in (
        (EventStatus.CANCELLED, _CANCELLED),
        (EventStatus.POSTPONED, _POSTPONED),
        (EventStatus.SCHEDULED, _SCHEDULED),
    ):
        match = pattern.search(sentence)
        if match:
            return status, match.span()
    return EventStatus.TOOK_PLACE, None
