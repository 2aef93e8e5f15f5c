"""The runnable examples of README.md and docs/*.md: finding them, reading their curl commands, matching outputs.

The convention (for readers and writers in docs/rest.md's introduction):

- ``<!-- example -->`` before a ```sh block holding one ``curl`` command (``#`` comment lines allowed, a command
  may continue over lines with ``\\``). ``$TOKEN`` (a curator's token), ``$EDITOR_TOKEN`` (an editor's),
  ``$ETAG`` (the ETag of the previous response that had one) and ``$UNTIL`` (the ``until`` of the previous
  changes-feed answer) stand for values a reader has at hand; the test fills them in.
- ``<!-- output -->`` before the block right after it shows what the command prints: ```json (the body, compared
  as JSON), ```http (``curl -i`` or ``-D -``: the status line, headers, then the body after a blank line) or
  ```text (compared line by line). Without an output block the example must answer 2xx or 3xx.
- ``<!-- example: command -->`` before a ```sh block of a cheap shell command run in a subprocess (on a
  throwaway SQLite database), ``<!-- not run: reason -->`` before one that cannot run in a test.

Elision, kept to values that cannot be the same twice (ETags, timestamps) and to long lists: the string ``"…"``
matches any value, ``…`` inside a string matches any text, ``...`` in a list stands for any number of items, in
an object for the members not shown, on a line of a ```http or ```text block for any number of lines.
"""

import base64
import json
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

MARKER = re.compile(r"^\s*<!--\s*(example: command|example|output|not run:\s*\S.*?)\s*-->\s*$")
FENCE = re.compile(r"^(\s*)```(\w*)\s*$")
SHELL_LANGUAGES = {"", "sh", "bash", "shell", "console", "zsh"}
VARIABLE = re.compile(r"\$\{?([A-Z_][A-Z0-9_]*)\}?")
MORE = "\0more"  # what a bare ... parses to
ANY = "…"


@dataclass
class Block:
    doc: Path
    line: int  # 1-based line of the opening fence
    language: str
    text: str
    marker: str | None  # "example", "example: command", "output", "not run: …" or None
    output: "Block | None" = None

    @property
    def where(self) -> str:
        return f"{self.doc.relative_to(ROOT)}:{self.line}"


def blocks(doc: Path) -> list[Block]:
    """Every fenced block of ``doc``, with the marker line just above it; output blocks hang off their example."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    marker, i = None, 0
    while i < len(lines):
        line = lines[i]
        if m := MARKER.match(line):
            marker = m.group(1)
        elif m := FENCE.match(line):
            indent, language, start = m.group(1), m.group(2), i
            body = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                body.append(lines[i].removeprefix(indent))
                i += 1
            block = Block(doc, start + 1, language, "\n".join(body) + "\n", marker)
            if marker == "output" and found and found[-1].marker and found[-1].marker.startswith("example"):
                found[-1].output = block
            else:
                found.append(block)
            marker = None
        elif line.strip():
            marker = None
        i += 1
    return found


def is_example(block: Block) -> bool:
    """A shell example; ```graphql examples (docs/graphql.md) run in tests/graphql/test_live_docs.py."""
    return (block.marker or "").startswith("example") and block.language in SHELL_LANGUAGES


def commands(block: Block) -> list[str]:
    """The commands of a shell block: comment lines dropped, ``\\`` continuations joined, a quoted argument may
    run over several lines."""
    found, buffer = [], ""
    for line in re.sub(r"\\\n\s*", " ", block.text).splitlines():
        if not buffer and (not line.strip() or line.lstrip().startswith("#")):
            continue
        buffer = f"{buffer}\n{line}" if buffer else line.strip()
        try:
            shlex.split(buffer)
        except ValueError:  # an open quote: the command goes on
            continue
        found.append(buffer)
        buffer = ""
    return found + ([buffer] if buffer else [])


@dataclass
class Curl:
    method: str
    url: str  # path and query
    host: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    include_headers: bool = False  # -i
    dump_headers: bool = False  # -D -
    discard_body: bool = False  # -o /dev/null
    write_out: str | None = None  # -w
    compressed: bool = False  # --compressed: a gzipped body is shown unzipped


def parse_curl(command: str, variables: dict[str, str]) -> Curl:
    def substitute(match: re.Match) -> str:
        name = match.group(1)
        assert name in variables, f"unknown variable ${name} (known: {', '.join(sorted(variables))})"
        return variables[name]

    words = [VARIABLE.sub(substitute, word) for word in shlex.split(command)]  # expanded after quoting, as sh does
    assert words[0] == "curl", f"not one curl command: {command}"
    method, url, headers, data, encoded, get = None, None, {}, [], [], False
    curl = Curl(method="GET", url="", host="")
    args = iter(words[1:])
    for word in args:
        if word in ("-s", "-S", "-sS", "--silent", "--show-error"):
            continue
        if word == "--compressed":
            curl.compressed = True
        elif word in ("-i", "--include", "-si", "-is"):
            curl.include_headers = True
        elif word in ("-X", "--request"):
            method = next(args)
        elif word in ("-H", "--header"):
            name, _, value = next(args).partition(":")
            headers[name.strip()] = value.strip()
        elif word in ("-d", "--data", "--data-raw", "--data-binary"):
            data.append(next(args))
        elif word == "--data-urlencode":
            name, _, value = next(args).partition("=")
            encoded.append(f"{name}={quote(value, safe='')}")
        elif word in ("-G", "--get"):
            get = True
        elif word in ("-u", "--user"):
            headers["Authorization"] = "Basic " + base64.b64encode(next(args).encode()).decode()
        elif word in ("-o", "--output"):
            assert next(args) == "/dev/null", "only -o /dev/null is supported"
            curl.discard_body = True
        elif word in ("-D", "--dump-header"):
            assert next(args) == "-", "only -D - is supported"
            curl.dump_headers = True
        elif word in ("-w", "--write-out"):
            curl.write_out = next(args)
        elif word.startswith("-"):
            raise AssertionError(f"curl option {word} is not understood by tests/docs_examples.py")
        else:
            assert url is None, f"two URLs in: {command}"
            url = word
    assert url, f"no URL in: {command}"
    assert url.isascii() and " " not in url, f"encode the URL (curl -G --data-urlencode 'q=…'): {url}"
    parts = urlsplit(url)
    curl.host, curl.url = parts.netloc, parts.path + (f"?{parts.query}" if parts.query else "")
    body = "&".join(data + encoded)
    if get or (not body and method is None):
        if body:
            curl.url += ("&" if "?" in curl.url else "?") + body
        curl.method = method or "GET"
    else:
        curl.method = method or "POST"
        curl.body = body.encode() if body else None
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    curl.headers = headers
    return curl


# Shown output: parsing with elisions, and matching.


def parse_shown_json(text: str):
    """JSON where a bare ``...`` (or ``…``) outside strings stands for more items or members."""
    out, stack, in_string, i = [], [], False, 0
    while i < len(text):
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\":
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif text.startswith("...", i) or c == "…":
            out.append(json.dumps(MORE) + (": null" if stack and stack[-1] == "{" else ""))
            i += 2 if c == "." else 0
        else:
            if c in "[{":
                stack.append(c)
            elif c in "]}":
                stack.pop()
            out.append(c)
        i += 1
    return json.loads("".join(out))


def matches(shown, actual, path: str = "$") -> list[str]:
    """Differences between a shown value (with elisions) and the actual one, as readable lines."""
    if shown == ANY:
        return []
    if isinstance(shown, str) and ANY in shown and isinstance(actual, str):
        pattern = ".*?".join(re.escape(part) for part in shown.split(ANY))
        return [] if re.fullmatch(pattern, actual, re.DOTALL) else [f"{path}: shown {shown!r}, got {actual!r}"]
    if isinstance(shown, dict) and isinstance(actual, dict):
        more = shown.pop(MORE, "absent") != "absent"
        problems = [f"{path}: no member {key!r}" for key in shown if key not in actual]
        if not more:
            problems += [
                f"{path}: member {key!r} not shown (add it, or ... for the rest)" for key in actual if key not in shown
            ]
        for key in shown:
            if key in actual:
                problems += matches(shown[key], actual[key], f"{path}.{key}")
        return problems
    if isinstance(shown, list) and isinstance(actual, list):
        return [] if _list_matches(shown, actual, path) else [f"{path}: shown {_short(shown)}, got {_short(actual)}"]
    if shown != actual or type(shown) is not type(actual):
        return [f"{path}: shown {_short(shown)}, got {_short(actual)}"]
    return []


def _list_matches(shown: list, actual: list, path: str) -> bool:
    if not shown:
        return not actual
    if shown[0] == MORE:
        return any(_list_matches(shown[1:], actual[k:], path) for k in range(len(actual) + 1))
    return bool(actual) and not matches(_copy(shown[0]), actual[0], path) and _list_matches(shown[1:], actual[1:], path)


def _copy(value):
    return json.loads(json.dumps(value))


def _short(value) -> str:
    text = json.dumps(value, ensure_ascii=False).replace(json.dumps(MORE), "...")
    return text if len(text) < 300 else text[:300] + "…"


def lines_match(shown: str, actual: str) -> bool:
    """Line by line; a ``...`` line stands for any number of lines, ``…`` in a line for any text."""
    actual = actual.replace("\r\n", "\n")  # CSV ends its lines with CRLF; a terminal shows them alike
    return _lines(shown.rstrip("\n").split("\n"), actual.rstrip("\n").split("\n"))


def _lines(shown: list[str], actual: list[str]) -> bool:
    if not shown:
        return not actual
    if shown[0].strip() == "...":
        return any(_lines(shown[1:], actual[k:]) for k in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*?".join(re.escape(part) for part in shown[0].split(ANY))
    return bool(re.fullmatch(pattern, actual[0])) and _lines(shown[1:], actual[1:])


def render_json(value, indent: int = 0, width: int = 118) -> str:
    """JSON as the docs show it: a container on one line when it fits, else one member per line."""
    flat = json.dumps(value, ensure_ascii=False)
    if len(flat) + indent <= width or not isinstance(value, dict | list) or not value:
        return flat
    pad = " " * (indent + 2)
    if isinstance(value, list):
        items = [pad + render_json(v, indent + 2, width) for v in value]
        return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"
    items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {render_json(v, indent + 2, width)}" for k, v in value.items()]
    return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
