"""The pasted article: refused when it cannot be read, its page clutter masked, split into sentences.

Clutter is masked, not cut: masked characters become spaces, so every span found in the masked text is a span
of the text as pasted (what the curator sees highlighted).
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

MAX_CHARS = 100_000  # a long feature is ~40,000 characters; a 5 MB paste is a page's source, not an article
MIN_WORDS = 20

# Lines that are page furniture wherever they appear.
CLUTTER_LINE = re.compile(
    r"^\s*(?:"
    r"related (?:stories|articles|news|posts)|read more|more from|most popular|latest news|latest comments|"
    r"trending|recommended|advertisement|sponsored|subscribe|sign up|sign in|log in|newsletter|"
    r"back to top|share (?:this|on)|follow us|open in app|epaper|city|give feedback|comments?|"
    r"image credit|photo credit|leave a reply|cookie|we use cookies|accept all|.*\ball rights reserved\b|"
    r".*\bcyber monday\b|.*\bclaim sale\b|disclaimer\b|risk disclosure\b|your email address will not be published|"
    r"\(this story has not been edited|required fields are marked|skip to (?:main )?content|.*\S \> \S|•"
    r").*$",
    re.IGNORECASE,
)
# A line after which the rest of the page is furniture (lists of other stories, comment forms, legal text).
TAIL_START = re.compile(
    r"^\s*(?:related (?:stories|articles|news)|latest comments|leave a reply|risk disclosure|most popular|"
    r"you may also like|more stories|comments \(\d+\))\b",
    re.IGNORECASE,
)
TAG = re.compile(r"<\s*/?\s*(?:html|head|body|div|p|span|script|style|a|br|meta|table|article|section)\b[^>]*>", re.I)
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "was",
        "by",
        "at",
        "from",
        "has",
        "have",
        "said",
        "will",
        "are",
        "it",
        "its",
        "be",
        "an",
        "this",
        "were",
        "not",
        "but",
        "his",
        "her",
        "their",
        "they",
        "which",
        "who",
        "after",
        "also",
        "been",
        "would",
    ]
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Article:
    text: str  # as pasted
    body: str  # the same length, clutter masked with spaces
    clutter: tuple[tuple[int, int], ...]  # the masked spans
    sentences: tuple[Sentence, ...]


def check_readable(text: str) -> None:
    """Refuse what the assistant cannot read, with a message saying why (field ``text``)."""
    if not text or not text.strip():
        raise ValidationError({"text": "Paste the article's text: it is empty."})
    if len(text) > MAX_CHARS:
        raise ValidationError(
            {
                "text": f"The text has {len(text):,} characters; an article has at most {MAX_CHARS:,}. "
                "Paste the article itself, not the whole page or several articles."
            }
        )
    if len(TAG.findall(text)) >= 3:
        raise ValidationError(
            {
                "text": "This looks like HTML (tags such as <div> or <p>). Paste the article as text: select it "
                "in the browser and copy, or use the page's reader view."
            }
        )
    words = re.findall(r"[^\W\d_]+", text.casefold())
    if len(words) < MIN_WORDS:
        raise ValidationError({"text": f"The text has {len(words)} words; an article has at least {MIN_WORDS}."})
    english = sum(w in ENGLISH_WORDS for w in words) / len(words)
    if english < 0.15:
        raise ValidationError(
            {
                "text": f"This does not read as English ({english:.0%} common English words; English news has "
                "over 20%). The assistant reads English articles only: add events from other languages by hand."
            }
        )


def _clutter_spans(text: str) -> list[tuple[int, int]]:
    spans, offset, tail = [], 0, False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if tail or TAIL_START.match(line):
            tail = True
            spans.append((offset, offset + len(line)))
        elif stripped and (CLUTTER_LINE.match(line) or _is_navigation(stripped)):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    return spans


def _is_navigation(line: str) -> bool:
    """A short line that is no sentence, headline, byline or dateline: a menu item, a section name."""
    words = line.split()
    if len(words) > 3 or re.search(r"[.!?:|,]|\d", line) or line.lower().startswith("by "):
        return False
    return not any(w[:1].isupper() for w in words[1:]) or len(words) == 1


_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+[\"”’')]*|\n|$)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\bU\.S|\bSen|\bRep|\bGov|\bGen|\bMr|\bMs|\bMrs|\bDr|\bSt|\bNo|\bJan|\bFeb|\bAug|"
    r"\bSept?|\bOct|\bNov|\bDec|\bJr|\bCo|\bInc|\bvs|\bD\.C)\.$"
)


def split_sentences(body: str) -> tuple[Sentence, ...]:
    """Sentences with their spans; a full stop after an initial or an abbreviation (U.S., Sen., Jan.) ends none."""
    out, paragraph, pending = [], 0, None
    for match in _SENTENCE.finditer(body):
        piece = match.group()
        if not piece:
            continue
        start = pending if pending is not None else match.start()
        if piece.strip() and _ABBREVIATION.search(piece.rstrip()) and not piece.endswith("\n"):
            pending = start
            continue
        pending = None
        text = body[start : match.end()]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            out.append(Sentence(start + lead, match.end(), text.strip(), paragraph))
        if piece.endswith("\n"):
            paragraph += 1
    return tuple(out)


def read_article(text: str) -> Article:
    check_readable(text)
    clutter = _clutter_spans(text)
    chars = list(text)
    for start, end in clutter:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    body = "".join(chars)
    return Article(text, body, tuple(clutter), split_sentences(body))
