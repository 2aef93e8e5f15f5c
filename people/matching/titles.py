"""Titles the press writes before a name, the words around them, and the name that follows a title."""

import re

# Titles recognised even where no office in the database carries them, so that "Defence Minister Shigeru
# Ishiba" still yields a candidate person with the title as written. Offices' own titles come from the data.
GENERIC_TITLES = (
    "President",
    "Vice President",
    "Prime Minister",
    "Deputy Prime Minister",
    "Premier",
    "Chancellor",
    "King",
    "Queen",
    "Crown Prince",
    "Prince",
    "Emperor",
    "Emir",
    "Sheikh",
    "Minister",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Finance Minister",
    "Trade Minister",
    "Unification Minister",
    "Interior Minister",
    "Vice Minister",
    "Vice Foreign Minister",
    "Deputy Foreign Minister",
    "Deputy Minister",
    "Secretary",
    "Secretary of State",
    "Secretary of Defense",
    "Secretary-General",
    "Secretary General",
    "Under Secretary",
    "Undersecretary",
    "Assistant Secretary",
    "Deputy Secretary",
    "Ambassador",
    "Envoy",
    "Special Envoy",
    "Special Representative",
    "Senator",
    "Sen.",
    "Representative",
    "Rep.",
    "Congressman",
    "Congresswoman",
    "Lawmaker",
    "Speaker",
    "Governor",
    "Gov.",
    "Mayor",
    "General",
    "Gen.",
    "Admiral",
    "Adm.",
    "Director",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Chief of Staff",
    "National Security Adviser",
    "National Security Advisor",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Leader",
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
)

# A word just before a title that changes what it says about the office on the day.
QUALIFIERS = {
    "acting": "acting",
    "interim": "acting",
    "former": "former",
    "ex": "former",
    "late": "former",
    "then": "then",
    "outgoing": "outgoing",
    "incoming": "incoming",
    "new": "new",
}
# ... and just after it: "President-elect Joe Biden", "Foreign Minister-designate".
SUFFIXES = {"elect": "elect", "designate": "designate", "nominee": "designate"}

# Words before a bare title that make it one particular post-holder ("the foreign minister"), unlike "a minister".
DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our"})

NAME_PARTICLES = frozenset({"de", "da", "del", "der", "van", "von", "bin", "al", "y", "la", "le", "dos", "do", "di"})
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”]+")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def _looks_like_name_word(token: str) -> bool:
    word = token.strip(".")
    return bool(word) and word[0].isupper() and any(c.isalpha() for c in word) and not word.isupper()


def name_after(text: str, pos: int, *, limit: int = 4) -> tuple[int, int] | None:
    """The span of a personal name starting at ``pos`` (after spaces): up to ``limit`` capitalised words on one
    line, particles (de, van, bin, y) between them; a possessive "'s" and a closing full stop are left out."""
    cursor = pos + len(text[pos:]) - len(text[pos:].lstrip(" \t"))
    tokens: list[tuple[int, int, bool]] = []
    while len(tokens) < limit:
        match = _TOKEN.match(text, cursor)
        if match is None:
            break
        token = match.group()
        if token.casefold() in NAME_PARTICLES and tokens:
            tokens.append((match.start(), match.end(), True))
        elif _looks_like_name_word(token):
            tokens.append((match.start(), match.end(), False))
        else:
            break
        if token.endswith((".", "'s", "’s")) and len(token.strip(".")) > 1:
            break  # a sentence (or a possessive) ends the name
        gap = re.match(r"[ \t]+", text[match.end() : match.end() + 10])
        if gap is None:
            break
        cursor = match.end() + gap.end()
    while tokens and tokens[-1][2]:
        tokens.pop()  # a name does not end in a particle
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    for tail in ("'s", "’s"):
        if text[start:end].endswith(tail):
            end -= len(tail)
    while end > start and text[end - 1] in ".'’" and not _is_initial(text[start:end]):
        end -= 1
    return (start, end) if end > start else None


def _is_initial(written: str) -> bool:
    last = written.split()[-1]
    return len(last) == 2 and last.endswith(".")


def word_before(text: str, pos: int) -> str:
    """The word just before ``pos`` (same line), lower case, without punctuation or a hyphen."""
    before = text[max(0, pos - 40) : pos].rstrip(" \t-‐–")
    words = re.findall(r"[\w’']+$", before)
    return words[0].casefold() if words else ""


def suffix_after(text: str, pos: int) -> tuple[str, int]:
    """("elect", end) for "-elect" or " elect" right after ``pos``; ("", pos) otherwise."""
    match = re.match(r"[ \t]*[-‐–]?[ \t]*(\w+)", text[pos : pos + 20])
    if match and match.group(1).casefold() in SUFFIXES and text[pos : pos + 1] in "-‐– ":
        return SUFFIXES[match.group(1).casefold()], pos + match.end()
    return "", pos


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (after the previous full stop or line break)."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, pos):
        start = match.end()
    line = text.rfind("\n", 0, pos) + 1
    return max(start, line)
