"""Prebuilt dumps (manage.py build_dumps) and /api/v1/dumps/: what a mirror bootstraps from."""

import gzip
import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.models import Event, ReviewState

pytestmark = pytest.mark.django_db

FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))


@pytest.fixture
def dumps_dir(tmp_path, settings):
    settings.DUMPS_DIR = tmp_path / "dumps"
    return settings.DUMPS_DIR


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)


def build(**options) -> str:
    out = StringIO()
    call_command("build_dumps", stdout=out, **options)
    return out.getvalue()


def test_dumps_hold_every_published_event_as_the_live_export_does(client, seed_data, dumps_dir):
    Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").update(review_state=ReviewState.DRAFT)
    output = build(base_url="http://testserver")
    manifest = json.loads((dumps_dir / "manifest.json").read_text())
    published = Event.objects.filter(review_state=ReviewState.PUBLISHED).count()
    files = {f["name"]: f for f in manifest["files"]}
    assert set(files) == {"events.jsonl.gz", "events.csv.gz", "events.import.csv.gz", "popolo.json.gz"}
    for name in ("events.jsonl.gz", "events.csv.gz", "events.import.csv.gz"):
        assert files[name]["rows"] == {"events": published}
        assert f"{published} events" in output
    for item in files.values():
        data = (dumps_dir / item["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == item["sha256"] and len(data) == item["bytes"]
    dumped = gzip.decompress((dumps_dir / files["events.jsonl.gz"]["path"]).read_bytes()).decode()
    live = b"".join(client.get("/api/v1/exports/events.jsonl").streaming_content).decode()
    assert [json.loads(x) for x in dumped.splitlines()] == [json.loads(x) for x in live.splitlines()]
    assert "2020-12-09-biegun-choi-jong-kun" not in dumped  # a draft is not public
    popolo = json.loads(gzip.decompress((dumps_dir / files["popolo.json.gz"]["path"]).read_bytes()))
    assert files["popolo.json.gz"]["rows"]["persons"] == len(popolo["persons"]) > 0
    assert manifest["changes_since"] >= manifest["newest_change"]


def test_links_in_dumps_start_with_the_base_url(seed_data, dumps_dir):
    build(base_url="https://attache.example.org")
    manifest = json.loads((dumps_dir / "manifest.json").read_text())
    (jsonl,) = [f for f in manifest["files"] if f["name"] == "events.jsonl.gz"]
    first = json.loads(gzip.decompress((dumps_dir / jsonl["path"]).read_bytes()).splitlines()[0])
    assert first["url"] == f"https://attache.example.org/api/v1/events/{first['slug']}/"


def test_a_new_build_keeps_the_previous_one_for_readers_still_downloading(seed_data, dumps_dir):
    paths = []
    for _ in range(3):
        build(keep=2)
        paths.append(json.loads((dumps_dir / "manifest.json").read_text())["files"][0]["path"])
    assert len(set(paths)) == 3
    assert not (dumps_dir / paths[0]).exists()  # the oldest is gone
    assert (dumps_dir / paths[1]).exists() and (dumps_dir / paths[2]).exists()
    assert not list(dumps_dir.glob(".*partial"))


@pytest.mark.parametrize(
    ("options", "message"),
    [({"keep": 0}, "--keep must be at least 1"), ({"base_url": "attache.example.org"}, "A base URL such as")],
)
def test_build_dumps_refuses_bad_options(dumps_dir, db, options, message):
    with pytest.raises(CommandError, match=message):
        build(**options)
    assert not (dumps_dir / "manifest.json").exists()


def test_the_api_serves_the_latest_manifest_and_its_files(client, seed_data, dumps_dir):
    missing = client.get("/api/v1/dumps/")
    assert missing.status_code == 404
    assert "build_dumps" in missing.json()["error"]["message"]
    build()
    manifest = client.get("/api/v1/dumps/").json()
    (jsonl,) = [f for f in manifest["files"] if f["name"] == "events.jsonl.gz"]
    assert jsonl["url"] == f"http://testserver/api/v1/dumps/{jsonl['path']}"
    response = client.get(f"/api/v1/dumps/{jsonl['path']}")
    assert response.status_code == 200 and response["Content-Type"] == "application/gzip"
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == jsonl["sha256"]
    again = client.get(f"/api/v1/dumps/{jsonl['path']}", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    "path", ["20990101T000000000000Z/events.jsonl.gz", "..%2F..%2Fsecret/events.jsonl.gz", "BUILD/manifest.json"]
)
def test_the_api_serves_no_file_a_build_does_not_hold(client, seed_data, dumps_dir, path):
    build()
    real = json.loads((dumps_dir / "manifest.json").read_text())["files"][0]["path"].split("/")[0]
    response = client.get(f"/api/v1/dumps/{path.replace('BUILD', real)}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
