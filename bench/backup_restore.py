"""Backup and restore, end to end against PostgreSQL: the restored database answers the API identically.

The procedure of docs/operations.md, run on scratch databases of the server that --server names:

1. create ``attache_backup_src`` (dropped first if a previous run left it), migrate, load the demo fixtures;
2. dump it with ``pg_dump --format=custom``;
3. restore the dump with ``pg_restore`` into a fresh ``attache_backup_dst``, then check that no migration is
   left to apply;
4. ask both databases the same API requests (REST lists and details, exports, the changes feed, GraphQL)
   through Django's test client, in one process per database with no shared cache, and compare the answers
   byte for byte (or, failing that, as JSON), and every table's row count;
5. drop both databases (unless --keep).

It prints the versions, the steps with their times and a table of the answers: docs/reliability.md keeps the
latest output. Exits 1 when an answer or a count differs.

    .venv/bin/python bench/backup_restore.py [--server postgres://postgres:postgres@127.0.0.1:5432] [--keep]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DB = "attache_backup_src"
TARGET_DB = "attache_backup_dst"

# (label, path): GET requests, anonymous, as a public client makes them.
REST_REQUESTS = [
    ("REST list", "/api/v1/events/"),
    ("REST list", "/api/v1/events/?country=KR&date_from=2020-01-01"),
    ("REST list", "/api/v1/people/"),
    ("REST list", "/api/v1/countries/"),
    ("REST list", "/api/v1/offices/"),
    ("REST list", "/api/v1/tenures/"),
    ("REST list", "/api/v1/topics/"),
    ("REST list", "/api/v1/sources/"),
    ("REST detail", "/api/v1/events/2020-12-biegun-visit-to-seoul/"),
    ("REST detail", "/api/v1/people/stephen-biegun/"),
    ("REST detail", "/api/v1/countries/US/"),
    ("REST detail", "/api/v1/offices/kr-president/"),
    ("REST detail", "/api/v1/topics/korean-peninsula/"),
    ("changes feed", "/api/v1/changes/?since=2000-01-01T00:00:00Z"),
    ("export", "/api/v1/exports/events.csv"),
    ("export", "/api/v1/exports/events.import.csv"),
    ("export", "/api/v1/exports/events.jsonl"),
    ("export", "/api/v1/exports/popolo.json"),
]
# Top-level keys that say when the request was made, not what the database holds: compared without them.
MOMENT_KEYS = {"/api/v1/changes/": {"until"}}  # until = now when the feed is complete
GRAPHQL_QUERIES = [
    (
        "events with participants",
        """{ events(first: 50) { totalCount edges { cursor node { id title slug startDate kind status city
             country { name } participants { role person { name slug } } topics { slug } } } } }""",
    ),
    (
        "person with tenures",
        """{ person(slug: "stephen-biegun") { id name sortName nationality { name }
             tenures { start end office { title } } } }""",
    ),
    ("countries", "{ countries(first: 100) { edges { node { id name } } } }"),
]


def log(message: str) -> None:
    print(message, flush=True)


def database_url(server: str, name: str) -> str:
    return f"{server.rstrip('/')}/{name}"


def django_env(url: str) -> dict[str, str]:
    """The environment of a manage.py run on one database: nothing shared with the other one (no Redis, no replicas)."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_REPLICA_URLS", "DEBUG"}}
    env.update(
        DATABASE_URL=url,
        SECRET_KEY="backup-restore-check",  # a throwaway key for throwaway databases
        API_ANON_RATE="",  # the script asks more often than an anonymous client may
        ATTACHE_DATA_DIR=env.get("ATTACHE_DATA_DIR", str(ROOT / "data")),
    )
    return env


def run(command: list[str], *, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def admin_execute(server: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(database_url(server, "postgres"), autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def major(version: str) -> int:
    """15 from "15.20 (Debian …)" or from "pg_dump (PostgreSQL) 15.20 (Debian …)"."""
    return int(re.search(r"(?:^|\(PostgreSQL\) )(\d+)", version).group(1))


def check_versions(server: str, pg_dump: str, pg_restore: str) -> None:
    import psycopg

    with psycopg.connect(database_url(server, "postgres")) as conn:
        server_version = conn.execute("SHOW server_version").fetchone()[0]
    dump_version = run([pg_dump, "--version"]).strip()
    restore_version = run([pg_restore, "--version"]).strip()
    log(f"server:     PostgreSQL {server_version}")
    log(f"pg_dump:    {dump_version}")
    log(f"pg_restore: {restore_version}")
    dump_major = major(dump_version)
    if dump_major < major(server_version):
        sys.exit(f"pg_dump {dump_major} cannot dump a PostgreSQL {major(server_version)} server: install its client")
    if major(restore_version) != dump_major:
        sys.exit("pg_dump and pg_restore differ in major version")


def step(title: str, action) -> object:
    started = time.monotonic()
    result = action()
    log(f"  {title:<58} {time.monotonic() - started:6.1f} s")
    return result


def answers() -> None:
    """In a process of its own (DATABASE_URL set): every request's status, type, body digest, and the row counts."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    client = Client()
    out: dict[str, object] = {"responses": [], "rows": {}}
    requests = [(label, "GET", path, None) for label, path in REST_REQUESTS]
    requests += [(f"GraphQL {label}", "POST", "/graphql/", query) for label, query in GRAPHQL_QUERIES]
    for label, method, path, query in requests:
        if method == "GET":
            response = client.get(path)
        else:
            response = client.post(path, {"query": query}, content_type="application/json")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        out["responses"].append(
            {
                "label": label,
                "request": f"{method} {path}" + (f" {{{label.removeprefix('GraphQL ')}}}" if query else ""),
                "status": response.status_code,
                "bytes": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
                "body": body.decode("utf-8", "replace"),
            }
        )
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # names from the catalogue
            out["rows"][table] = cursor.fetchone()[0]
    json.dump(out, sys.stdout)


def fetch_answers(url: str) -> dict:
    return json.loads(run([sys.executable, __file__, "--answers"], env=django_env(url)))


def same_json(a: str, b: str, *, without: frozenset[str] | set[str] = frozenset()) -> bool:
    try:
        a_data, b_data = json.loads(a), json.loads(b)
    except ValueError:
        return False
    if isinstance(a_data, dict) and isinstance(b_data, dict):
        a_data = {k: v for k, v in a_data.items() if k not in without}
        b_data = {k: v for k, v in b_data.items() if k not in without}
    return a_data == b_data


def problem(answer: dict) -> str:
    """Why an answer proves nothing (an error answers identically from any database), or ""."""
    if answer["status"] != 200:
        return f"status {answer['status']}"
    if answer["request"].startswith("POST /graphql/") and json.loads(answer["body"]).get("errors"):
        return "GraphQL errors"
    return ""


def compare(source: dict, target: dict) -> bool:
    """Print the table of answers and the row counts; whether everything matched."""
    log("")
    log("| request | status (src / dst) | bytes | answer |")
    log("| --- | --- | --- | --- |")
    failures = 0
    for a, b in zip(source["responses"], target["responses"], strict=True):
        if problem(a) or problem(b):
            verdict = f"**{problem(a) or problem(b)}**"
        elif a["sha256"] == b["sha256"]:
            verdict = "identical bytes"
        elif same_json(a["body"], b["body"]):
            verdict = "same JSON"
        elif (moment := MOMENT_KEYS.get(a["request"].split()[1].split("?")[0], set())) and same_json(
            a["body"], b["body"], without=moment
        ):
            verdict = f"same JSON but {', '.join(sorted(moment))} (the moment asked)"
        else:
            verdict = "**DIFFERENT**"
        failures += verdict.startswith("**")
        log(f"| `{a['request']}` | {a['status']} / {b['status']} | {a['bytes']:,} | {verdict} |")
    tables = sorted(source["rows"].keys() | target["rows"].keys())
    differing = [t for t in tables if source["rows"].get(t) != target["rows"].get(t)]
    log("")
    log(
        f"requests: {len(source['responses'])}, answered identically: {len(source['responses']) - failures}, "
        f"failed or different: {failures}"
    )
    log(
        f"tables: {len(tables)}, rows in the source: {sum(source['rows'].values()):,}, "
        f"tables whose row count differs after restore: {len(differing)}"
    )
    for table in differing:
        log(f"  {table}: {source['rows'].get(table)} -> {target['rows'].get(table)}")
    return failures == 0 and not differing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--server",
        default=os.environ.get("BACKUP_CHECK_SERVER", "postgres://postgres:postgres@127.0.0.1:5432"),
        help="PostgreSQL server URL without a database name; the role must be allowed to create databases "
        "(default: $BACKUP_CHECK_SERVER or postgres://postgres:postgres@127.0.0.1:5432)",
    )
    parser.add_argument("--keep", action="store_true", help="leave both scratch databases and the dump behind")
    parser.add_argument("--answers", action="store_true", help=argparse.SUPPRESS)  # the per-database child process
    args = parser.parse_args()
    if args.answers:
        answers()
        return

    pg_dump, pg_restore = shutil.which("pg_dump"), shutil.which("pg_restore")
    if not (pg_dump and pg_restore):
        sys.exit("pg_dump and pg_restore must be on PATH (Debian: postgresql-client)")
    check_versions(args.server, pg_dump, pg_restore)
    source_url, target_url = database_url(args.server, SOURCE_DB), database_url(args.server, TARGET_DB)
    fixtures = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fixtures").glob("*.json"))
    manage = [sys.executable, "manage.py"]
    workdir = Path(tempfile.mkdtemp(prefix="attache-backup-"))
    dump = workdir / "attache.dump"
    succeeded = False
    try:
        log("")
        step(
            f"drop and create {SOURCE_DB}, {TARGET_DB}",
            lambda: admin_execute(
                args.server,
                *(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)' for name in (SOURCE_DB, TARGET_DB)),
                f'CREATE DATABASE "{SOURCE_DB}"',
            ),
        )
        step("migrate the source", lambda: run([*manage, "migrate", "--noinput", "-v0"], env=django_env(source_url)))
        loaded = step(
            f"load the demo fixtures ({len(fixtures)} files)",
            lambda: run([*manage, "loaddata", *fixtures], env=django_env(source_url)),
        )
        log(f"    {loaded.strip().splitlines()[-1]}")
        step(
            "pg_dump --format=custom",
            lambda: run([pg_dump, "--format=custom", "--no-owner", f"--file={dump}", f"--dbname={source_url}"]),
        )
        log(f"    dump: {dump.stat().st_size:,} bytes")
        step(f"create the fresh {TARGET_DB}", lambda: admin_execute(args.server, f'CREATE DATABASE "{TARGET_DB}"'))
        step(
            "pg_restore --no-owner --single-transaction --exit-on-error",
            lambda: run(
                [
                    pg_restore,
                    "--no-owner",
                    "--no-acl",
                    "--single-transaction",
                    "--exit-on-error",
                    f"--dbname={target_url}",
                    str(dump),
                ]
            ),
        )
        step(
            "manage.py migrate --check on the restored database",
            lambda: run([*manage, "migrate", "--check", "--noinput"], env=django_env(target_url)),
        )
        log("    no migration left to apply")
        source = step(f"API answers from {SOURCE_DB}", lambda: fetch_answers(source_url))
        target = step(f"API answers from {TARGET_DB}", lambda: fetch_answers(target_url))
        succeeded = compare(source, target)
    finally:
        if args.keep:
            log(f"\nkept: {SOURCE_DB}, {TARGET_DB}, {dump}")
        else:
            admin_execute(args.server, *(f'DROP DATABASE IF EXISTS "{n}" WITH (FORCE)' for n in (SOURCE_DB, TARGET_DB)))
            shutil.rmtree(workdir, ignore_errors=True)
            log(f"\ndropped {SOURCE_DB} and {TARGET_DB}")
    log("result: the restored database answers identically" if succeeded else "result: DIFFERENCES (see above)")
    sys.exit(0 if succeeded else 1)


if __name__ == "__main__":
    main()
