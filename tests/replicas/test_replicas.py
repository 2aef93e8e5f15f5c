"""Reads go to a real streaming replica, writes and the reads after them to the primary.

The test makes its own two PostgreSQL clusters (``initdb``, then ``pg_basebackup -R`` for a
hot standby streaming from it) on local ports, runs Attaché against them in a process of
its own (``routing_script.py``) and stops both clusters. It needs PostgreSQL's server
binaries and root (to run them as the postgres user) or the postgres user itself.
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PRIMARY_PORT, REPLICA_PORT = 5491, 5492


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_basebackup"))
    return Path(found[-1]).parent if found else None


def as_postgres(*cmd: str, **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        cmd = ("runuser", "-u", "postgres", "--", *cmd)
    return subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def clusters():
    binaries = pg_bin()
    if connection.vendor != "postgresql" or binaries is None or shutil.which("runuser") is None:
        pytest.skip("needs PostgreSQL's server binaries (the PostgreSQL run of the suite)")
    base = Path(tempfile.mkdtemp(prefix="attache-replicas-"))
    base.chmod(0o755)
    shutil.chown(base, "postgres", "postgres")
    primary, replica = base / "primary", base / "replica"
    options = f"-k {base} -c listen_addresses=127.0.0.1 -c max_wal_senders=4 -c fsync=off"
    started = []
    try:
        as_postgres(str(binaries / "initdb"), "-D", str(primary), "-A", "trust", "-U", "postgres")
        as_postgres(
            str(binaries / "pg_ctl"),
            "-D",
            str(primary),
            "-o",
            f"-p {PRIMARY_PORT} {options}",
            "-l",
            str(base / "primary.log"),
            "-w",
            "start",
        )
        started.append(primary)
        as_postgres(
            str(binaries / "pg_basebackup"),
            "-h",
            "127.0.0.1",
            "-p",
            str(PRIMARY_PORT),
            "-U",
            "postgres",
            "-D",
            str(replica),
            "-R",
            "-X",
            "stream",
        )
        as_postgres(
            str(binaries / "pg_ctl"),
            "-D",
            str(replica),
            "-o",
            f"-p {REPLICA_PORT} {options}",
            "-l",
            str(base / "replica.log"),
            "-w",
            "start",
        )
        started.append(replica)
        yield
    finally:
        for data in reversed(started):
            as_postgres(str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.postgresql
def test_reads_use_the_replica_and_writes_pin_the_primary(clusters):
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PRIMARY_PORT}/attache",
        "DATABASE_REPLICA_URLS": f"postgres://postgres@127.0.0.1:{REPLICA_PORT}/attache",
        "DJANGO_SETTINGS_MODULE": "project.settings",
        "SECRET_KEY": "tests-only-not-secret",
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import psycopg; psycopg.connect(dbname='postgres', host='127.0.0.1', "
            f"port={PRIMARY_PORT}, user='postgres', autocommit=True).execute('CREATE DATABASE attache')",
        ],
        check=True,
        timeout=60,
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    script = Path(__file__).with_name("routing_script.py")
    out = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=120
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])

    assert (seen["primary_in_recovery"], seen["replica_in_recovery"]) == (False, True)  # a real hot standby
    status, on_replica, on_primary = seen["read_request"]
    assert (status, on_primary) == (200, 0) and on_replica > 0  # an anonymous read never touches the primary
    assert seen["write_then_read"] == [True, "default"]  # read-your-writes within the request
    assert seen["unsafe_request_reads"] == "default"
    status, on_replica, on_primary = seen["replicated_read"]
    assert (status, on_primary) == (200, 0) and on_replica > 0  # the next request reads the replica again
