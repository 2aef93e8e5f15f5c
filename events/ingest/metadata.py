"""The source's facts found in the text: headline, byline, agency, publisher, publication date, dateline city.

Each is a ``Fact``: the value, the span it came from (None when it came from an argument or the URL) and how.
"""

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

from dateutil import parser as date_parser

from common.models import DatePrecision
from events.ingest.text import Article


@dataclass(frozen=True)
class Fact:
    value: object
    span: tuple[int, int] | None = None
    how: str = ""
    precision: str = ""  # for dates

    def as_json(self) -> dict:
        out = {"value": self.value.isoformat() if isinstance(self.value, date) else self.value}
        out["span"] = list(self.span) if self.span else None
        out["how"] = self.how
        if self.precision:
            out["precision"] = self.precision
        return out


AGENCIES = {
    "reuters": "Reuters",
    "ap": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "ians": "IANS",
    "pti": "PTI",
    "ani": "ANI",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "xinhua": "Xinhua",
    "bloomberg": "Bloomberg",
    "dpa": "dpa",
    "efe": "EFE",
    "tass": "TASS",
}
_AGENCY_NAMES = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
# Publishers recognised by their address or by words their pages carry (furniture, staff notes, e-mail domains).
PUBLISHERS = {
    "Investing.com": ("investing.com", "InvestingPro", "Fusion Media"),
    "The Korea Herald": ("koreaherald.com", "heraldcorp.com", "The Korea Herald"),
    "The Korea Times": ("koreatimes.co.kr", "The Korea Times"),
    "Yonhap": ("yna.co.kr", "en.yna.co.kr"),
    "Devdiscourse": ("devdiscourse.com", "Devdiscourse"),
    "Lokmat Times": ("lokmattimes.com", "Lokmat"),
    "Reuters": ("reuters.com",),
    "AP": ("apnews.com",),
    "The New York Times": ("nytimes.com", "The New York Times"),
    "The Washington Post": ("washingtonpost.com", "The Washington Post"),
    "The Guardian": ("theguardian.com",),
    "BBC": ("bbc.com", "bbc.co.uk"),
    "NHK World": ("nhk.or.jp",),
    "The Japan Times": ("japantimes.co.jp", "The Japan Times"),
}

_BYLINE = re.compile(r"^[ \t]*By[ \t]+([^|\n(]+?)[ \t]*(?:\(|\||$)", re.MULTILINE)
_CITY = r"([A-Z][A-Za-z .'-]{1,30}?)"
_MONTH_DAY = r"([A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})"
_DATELINE = re.compile(
    rf"^[ \t]*{_CITY}(?:,[ \t]*{_MONTH_DAY})?[ \t]*(?:\((?:{_AGENCY_NAMES})\))?[ \t]*[-–—][ \t]"
    rf"|^[ \t]*{_CITY},[ \t]*{_MONTH_DAY}[ \t]",
    re.MULTILINE | re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"\b(Published|Created|Updated|Posted|First published|Last updated)(?: on)?:?[ \t]+"
    r"([0-9A-Za-z ,.:/-]{6,40}?\d{4}|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
_URL_DATE = re.compile(r"(?:ud=|/)((?:19|20)\d{2})[-/]?(0[1-9]|1[0-2])[-/]?(0[1-9]|[12]\d|3[01])")
_PUBLISHED_RANK = {"published": 0, "first published": 0, "created": 1, "posted": 1, "updated": 2, "last updated": 2}


def parse_day(written: str) -> date | None:
    """ "2020-12-09", "January 6, 2025", "07-07-2020" (day first, as the sites that write it so do)."""
    written = written.strip().rstrip(",.")
    dayfirst = bool(re.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}", written))
    try:
        return date_parser.parse(written, dayfirst=dayfirst, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def find_headline(article: Article) -> Fact | None:
    """The first line that reads like a headline: several words, no sentence-ending full stop, not a byline."""
    offset = 0
    for line in article.body.splitlines(keepends=True):
        stripped = line.strip()
        words = stripped.split()
        headline_like = 4 <= len(words) <= 30 and not stripped.endswith((".", ":")) and not _BYLINE.match(line)
        if headline_like and not _PUBLISHED.search(line) and not stripped.startswith(("©", "(")):
            start = offset + line.index(stripped)
            return Fact(stripped, (start, start + len(stripped)), "the first headline-like line")
        offset += len(line)
    return None


def find_byline(article: Article) -> Fact | None:
    for match in _BYLINE.finditer(article.body):
        name = match.group(1).strip()
        if name and len(name.split()) <= 6:
            return Fact(name, match.span(1), "a 'By …' line")
    return None


def find_agency(article: Article, byline: Fact | None) -> Fact | None:
    text = article.body
    for pattern, how in (
        (rf"\((?P<a>{_AGENCY_NAMES})\)[ \t]*[-–—]", "the dateline"),
        (rf"^[ \t]*(?P<a>{_AGENCY_NAMES})[ \t]*\|", "the credit line"),
        (rf"©[ \t]*(?P<a>{_AGENCY_NAMES})\b", "the copyright line"),
    ):
        match = re.search(pattern, text, re.IGNORECASE | re.MULTILINE)
        if match:
            return Fact(AGENCIES[match.group("a").casefold()], match.span("a"), how)
    if byline and str(byline.value).casefold() in AGENCIES:
        return Fact(AGENCIES[str(byline.value).casefold()], byline.span, "the byline")
    return None


def find_publisher(article: Article, url: str, given: str, agency: Fact | None) -> Fact | None:
    if given:
        return Fact(given, None, "given")
    host = urlparse(url).netloc.casefold() if url else ""
    for publisher, signs in PUBLISHERS.items():
        if host and any(host == s or host.endswith("." + s) for s in signs if "." in s):
            return Fact(publisher, None, "the URL")
    for publisher, signs in PUBLISHERS.items():
        for sign in signs:
            found = article.text.find(sign)
            if found >= 0:
                return Fact(publisher, (found, found + len(sign)), "words the publisher's pages carry")
    if agency is not None:
        return Fact(agency.value, agency.span, "the agency (wire copy)")
    return None


def find_published(article: Article, url: str, given: date | None) -> Fact | None:
    if given is not None:
        return Fact(given, None, "given", DatePrecision.DAY)
    found = []
    for match in _PUBLISHED.finditer(article.text):
        day = parse_day(match.group(2))
        if day:
            rank = _PUBLISHED_RANK.get(match.group(1).casefold(), 3)
            found.append((rank, Fact(day, match.span(2), f"the '{match.group(1)}' line", DatePrecision.DAY)))
    if found:
        return min(found, key=lambda f: f[0])[1]
    match = _URL_DATE.search(url or "")
    if match:
        try:
            day = date(*(int(g) for g in match.groups()))
        except ValueError:
            day = None
        if day:
            return Fact(day, None, "the date in the URL", DatePrecision.DAY)
    return None


def find_dateline(article: Article) -> Fact | None:
    """ "SEOUL (Reuters) -", "Seoul, Jan 6": the city (with a month and day, when written)."""
    for match in _DATELINE.finditer(article.body[:3000]):
        city = match.group(1) or match.group(3)
        written_day = match.group(2) or match.group(4) or ""
        if city and len(city.split()) <= 3:
            span = match.span(1) if match.group(1) else match.span(3)
            return Fact(city.strip().title() if city.isupper() else city.strip(), span, written_day)
    return None
