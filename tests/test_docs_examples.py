"""Every marked example of README.md and docs/*.md runs against the demo data, and prints what the doc shows.

The convention is in tests/docs_examples.py's docstring (and in docs/rest.md's introduction). Each doc's examples run
in order in one test, on one database, as a reader would run them one after the other: a write an example makes is
seen by the next. ``DOCS_EXAMPLES_SHOW=/tmp/outputs.txt pytest tests/test_docs_examples.py`` writes every
example's actual output there in the docs' format, to regenerate a shown output from a real run rather than edit it
by hand.
"""

import gzip
import json
import os
import re
import subprocess

import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token

from tests.conftest import member_of
from tests.docs_examples import (
    DOCS,
    ROOT,
    SHELL_LANGUAGES,
    Block,
    blocks,
    commands,
    is_example,
    lines_match,
    matches,
    parse_curl,
    parse_shown_json,
    render_json,
)

FIXTURES = sorted(str(p) for p in (ROOT / "fixtures").glob("*.json"))
SHOW = os.environ.get("DOCS_EXAMPLES_SHOW")
EXAMPLE_DOCS = [doc for doc in DOCS if any(is_example(b) for b in blocks(doc))]


@pytest.fixture
def reader(db) -> dict[str, str]:
    """The demo data (as ``make demo-data`` loads it) and the variables a reader of the docs has set."""
    call_command("loaddata", *FIXTURES, verbosity=0)
    return {
        "TOKEN": Token.objects.create(user=member_of("curator")).key,
        "EDITOR_TOKEN": Token.objects.create(user=member_of("editor")).key,
    }


@pytest.mark.parametrize("doc", EXAMPLE_DOCS, ids=lambda doc: doc.name)
def test_examples_run_and_show_their_output(doc, reader, tmp_path):
    client = Client()
    problems = []
    for block in filter(is_example, blocks(doc)):
        try:  # report every example that fails, not just the first
            run = run_curl(client, block, reader) if block.marker == "example" else run_command(block, tmp_path)
        except (AssertionError, ValueError) as error:
            run = [f"{type(error).__name__}: {error}"]
        problems += [f"{block.where}: {problem}" for problem in run]
    assert not problems, "\n".join(problems)


def run_curl(client: Client, block: Block, variables: dict[str, str]) -> list[str]:
    found = commands(block)
    assert len(found) == 1, f"an example holds one curl command, this one {len(found)}"
    curl = parse_curl(found[0], variables)
    headers = dict(curl.headers)
    content_type = headers.pop("Content-Type", "application/octet-stream")
    response = client.generic(
        curl.method, curl.url, curl.body or b"", content_type, headers=headers, HTTP_HOST=curl.host
    )
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Encoding") == "gzip" and curl.compressed:
        body = gzip.decompress(body)
    if response.get("ETag"):
        variables["ETAG"] = response["ETag"]
    head = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
    head += [f"{name}: {value}" for name, value in response.headers.items()]
    text = body.decode("utf-8", "replace")
    is_json = response.get("Content-Type", "").split(";")[0] == "application/json" and body[:1] in (b"{", b"[")
    if is_json and isinstance(data := json.loads(body), dict) and "until" in data:
        variables["UNTIL"] = data["until"]
    printed = ""
    if curl.include_headers or curl.dump_headers:
        printed = "\n".join(head) + "\n\n"
    if not curl.discard_body:
        printed += text
    if curl.write_out is not None:
        printed += curl.write_out.replace("%{http_code}", str(response.status_code)).replace("\\n", "\n")
    if SHOW:
        shown = printed
        if is_json and printed.endswith(text):  # the body as the docs show JSON
            shown = printed.removesuffix(text) + render_json(json.loads(body))
        with open(SHOW, "a", encoding="utf-8") as dump:
            dump.write(f"=== {block.where}\n{shown.rstrip()}\n")
    output = block.output
    if output is None:
        return [] if response.status_code < 400 else [f"answered {response.status_code}: {text[:300]}"]
    if output.language == "json":
        return matches(parse_shown_json(output.text), json.loads(body))
    if output.language == "http":
        shown_head, _, shown_body = output.text.partition("\n\n")
        if not lines_match(shown_head, "\n".join(head)):
            return ["status and headers differ; got:\n" + "\n".join(head)]
        if shown_body.strip():
            try:
                return matches(parse_shown_json(shown_body), json.loads(text))
            except json.JSONDecodeError:
                return [] if lines_match(shown_body, text) else [f"body differs; got:\n{text}"]
        return []
    if output.language == "text":
        return [] if lines_match(output.text, printed) else [f"output differs; got:\n{printed}"]
    return [f"output block of language {output.language!r}: use json, http or text"]


def run_command(block: Block, tmp_path) -> list[str]:
    """A cheap shell command, on a throwaway SQLite database (never the developer's)."""
    env = {**os.environ, "DEBUG": "1", "ATTACHE_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/db"}
    done = subprocess.run(
        ["sh", "-e", "-c", block.text], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    if done.returncode:
        return [f"exited {done.returncode}: {done.stderr[-500:]}"]
    if block.output and not lines_match(block.output.text, done.stdout):
        return [f"output differs; got:\n{done.stdout}"]
    return []


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_shell_block_that_calls_the_service_is_marked(doc):
    """A new example is either run (``<!-- example -->``) or says why not (``<!-- not run: reason -->``)."""
    unmarked = [
        block.where
        for block in blocks(doc)
        if block.language in SHELL_LANGUAGES
        and re.search(r"\bcurl\b|manage\.py", block.text)
        and not (block.marker or "").startswith(("example", "not run:"))
    ]
    assert not unmarked, f"mark these blocks <!-- example --> or <!-- not run: reason -->: {unmarked}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_no_doc_runs_manage_py_outside_the_virtualenv(doc):
    """``python manage.py`` uses whatever python is first on the PATH; the docs say ``.venv/bin/python`` (or a make
    target). Inside the Docker image (a line that says ``docker run``) the image's python is the right one."""
    bare = [
        f"{doc.name}:{n}"
        for n, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"(?<![\w/.-])python3? manage\.py", line) and "docker run" not in line
    ]
    assert not bare, f"use .venv/bin/python manage.py (or a make target): {bare}"


def test_every_example_doc_is_found():
    assert {doc.name for doc in EXAMPLE_DOCS} >= {"README.md", "rest.md", "graphql.md"}


@pytest.mark.parametrize(
    ("shown", "actual", "ok"),
    [
        ('{"a": 1, "b": "…"}', {"a": 1, "b": [1, 2]}, True),
        ('{"a": 1}', {"a": 1, "b": 2}, False),  # a member not shown is a difference...
        ('{"a": 1, ...}', {"a": 1, "b": 2}, True),  # ...unless ... says so
        ('{"etag": "W/\\"…\\""}', {"etag": 'W/"abc"'}, True),
        ('{"next": "http://x/?cursor=…&page_size=2"}', {"next": "http://x/?cursor=cD0y&page_size=2"}, True),
        ('{"next": "http://x/?cursor=…&page_size=2"}', {"next": None}, False),
        ("[1, ...]", [1, 2, 3], True),
        ("[1, ..., 3]", [1, 2, 3], True),
        ("[1, 2]", [1, 2, 3], False),
        ("[2, ...]", [1, 2, 3], False),
        ("3", 3.0, False),
    ],
)
def test_shown_output_matching(shown, actual, ok):
    assert (not matches(parse_shown_json(shown), actual)) is ok


def test_curl_commands_are_read_as_a_shell_would():
    command = (
        "curl -s -G http://127.0.0.1:8000/api/v1/people/ --data-urlencode 'q=최종건' -H \"Authorization: Token $TOKEN\""
    )
    curl = parse_curl(command, {"TOKEN": "k"})
    assert (curl.method, curl.url, curl.host) == (
        "GET",
        "/api/v1/people/?q=%EC%B5%9C%EC%A2%85%EA%B1%B4",
        "127.0.0.1:8000",
    )
    assert curl.headers == {"Authorization": "Token k"}
    post = parse_curl("curl -s -X PATCH http://h/x/ -H 'Content-Type: application/json' -d '{\"a\": 1}'", {})
    assert (post.method, post.body, post.headers["Content-Type"]) == ("PATCH", b'{"a": 1}', "application/json")
    with pytest.raises(AssertionError, match="encode the URL"):
        parse_curl("curl -s 'http://h/api/v1/people/?q=최종건'", {})


def test_a_command_example_runs_in_a_subprocess(tmp_path):
    command = Block(ROOT / "README.md", 1, "sh", "echo one\necho two\n", "example: command")
    command.output = Block(ROOT / "README.md", 5, "text", "one\n...\n", "output")
    assert run_command(command, tmp_path) == []
    command.output.text = "two\n"
    assert run_command(command, tmp_path) != []
