"""Clients generate cleanly from the OpenAPI schema (issue #10.5): openapi-python-client, run without a config file
as docs/rest.md shows, makes a package pip installs, with readable names, that lists events from a live server."""

import datetime
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from events.models import ReviewState
from tests.factories import EventFactory

pytest.importorskip("openapi_python_client", reason="openapi-python-client is in the dev extra: make install")

PACKAGE = "attache_rest_api_client"
VALID_PROJECT_NAME = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)  # PEP 508
# As docs/rest.md runs it, but with setup.py metadata: the venv's setuptools builds that offline (poetry-core,
# the default's build backend, need not be installed).
GENERATE = [
    "-m",
    "openapi_python_client",
    "generate",
    "--path",
    "schema.json",
    "--output-path",
    "client",
    "--meta",
    "setup",
]
# No network, no dependencies (httpx and attrs came with the generator), no build environment to download.
PIP_INSTALL = [
    "-m",
    "pip",
    "install",
    "--quiet",
    "--disable-pip-version-check",
    "--no-index",
    "--no-deps",
    "--no-build-isolation",
]


@pytest.fixture(scope="module")
def schema(django_db_setup, django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        response = Client().get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture(scope="module")
def generated(schema, tmp_path_factory) -> tuple[Path, str]:
    """The generated project's directory and the generator's output."""
    work = tmp_path_factory.mktemp("client")
    (work / "schema.json").write_text(json.dumps(schema))
    run = subprocess.run(
        [sys.executable, *GENERATE],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return work / "client", run.stdout + run.stderr


@pytest.fixture(scope="module")
def client_module(generated, tmp_path_factory):
    """The generated package, installed with pip and imported."""
    project, _ = generated
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, *PIP_INSTALL, "--target", str(target), str(project)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    sys.path.insert(0, str(target))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(target))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def test_generated_package_has_a_valid_ascii_name(generated):
    project, _ = generated
    (name,) = re.findall(r'name="([^"]+)"', (project / "setup.py").read_text())
    assert name == "attache-rest-api-client"
    assert VALID_PROJECT_NAME.match(name) and name.isascii()
    assert (project / PACKAGE / "__init__.py").exists()


def test_no_enum_member_is_named_value_n(generated):
    project, _ = generated
    unnamed = [
        f"{path.name}: {line.strip()}"
        for path in (project / PACKAGE / "models").glob("*.py")
        for line in path.read_text().splitlines()
        if re.match(r"\s+VALUE_(NEGATIVE_)?\d+ =", line)
    ]
    assert unnamed == []
    ordering = (project / PACKAGE / "models" / "events_list_ordering.py").read_text()
    assert 'DATE_DESC = "-date"' in ordering


def test_generator_warns_only_about_json_lines_and_gzip(generated):
    """openapi-python-client has no model for application/jsonl nor application/gzip (without a config file): the
    JSON Lines export's and the dump files' functions give the body as bytes (sync_detailed(...).content).
    Anything else it could not read is a schema bug."""
    _, output = generated
    warnings = re.findall(r"WARNING parsing (\S+ \S+)", output)
    assert set(warnings) <= {"GET /api/v1/exports/events.jsonl", "GET /api/v1/dumps/{build}/{name}"}, output


def test_every_export_media_type_is_in_the_schema(schema):
    def media_types(path: str) -> set[str]:
        return set(schema["paths"][path]["get"]["responses"]["200"]["content"])

    assert media_types("/api/v1/exports/events.jsonl") == {"application/jsonl"}
    assert media_types("/api/v1/exports/events.csv") == {"text/csv"}
    assert media_types("/api/v1/exports/popolo.json") == {"application/json"}


def test_operation_ids_read_well_in_generated_clients(schema):
    ids = {o["operationId"] for methods in schema["paths"].values() for o in methods.values()}
    assert {"events_list", "events_retrieve", "events_publish", "export_events_jsonl", "changes_list"} <= ids
    assert [i for i in ids if not i.isidentifier() or i.startswith("v1_") or i.endswith("_create_create")] == []


@pytest.mark.django_db(transaction=True)  # the live server's thread reads what the test wrote
def test_generated_client_lists_published_events(client_module, live_server):
    from attache_rest_api_client.api.events import events_list
    from attache_rest_api_client.api.exports import export_events_jsonl
    from attache_rest_api_client.models import EventsListOrdering

    EventFactory(title="Biegun meets Choi", start_date=datetime.date(2020, 12, 9), review_state=ReviewState.PUBLISHED)
    EventFactory(
        title="Blinken visits Seoul", start_date=datetime.date(2021, 3, 17), review_state=ReviewState.PUBLISHED
    )
    EventFactory(title="A draft nobody may see", review_state=ReviewState.DRAFT)
    api = client_module.Client(base_url=live_server.url)  # the public reads need no token

    page = events_list.sync(client=api, ordering=EventsListOrdering.DATE)

    assert [e.title for e in page.results] == ["Biegun meets Choi", "Blinken visits Seoul"]
    lines = export_events_jsonl.sync_detailed(client=api).content.decode().splitlines()  # bytes: no model
    assert len(lines) == 2 and "Blinken visits Seoul" in lines[1]
