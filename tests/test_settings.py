"""Settings come from the environment; each case runs in a fresh interpreter so Django loads them anew."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
SHOW_SETTINGS = (
    "import json; from django.conf import settings; db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': db['NAME'], 'host': db.get('HOST'), "
    "'health': db.get('CONN_HEALTH_CHECKS'), 'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS, "
    "'options': db.get('OPTIONS', {})}))"
)


def _load_settings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "ALLOWED_HOSTS"}}
    clean |= {"DJANGO_SETTINGS_MODULE": "project.settings", "ATTACHE_DATA_DIR": str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS], cwd=PROJECT_DIR, env=clean, capture_output=True, text=True, timeout=60
    )


def test_settings_refuse_to_load_without_secret_key_when_debug_is_off(tmp_path):
    result = _load_settings(tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set SECRET_KEY" in result.stderr


@pytest.mark.parametrize("debug", ["1", "true"])
def test_settings_load_without_secret_key_in_debug(tmp_path, debug):
    result = _load_settings(tmp_path, DEBUG=debug)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is True


def test_settings_default_to_sqlite_in_the_data_dir(tmp_path):
    result = _load_settings(tmp_path, SECRET_KEY="x")
    settings = json.loads(result.stdout)
    assert settings["engine"] == "django.db.backends.sqlite3"
    assert settings["name"] == str(tmp_path / "attache.sqlite3")
    assert settings["debug"] is False


def test_settings_use_postgresql_with_health_checks_from_database_url(tmp_path):
    result = _load_settings(tmp_path, SECRET_KEY="x", DATABASE_URL="postgres://attache@db.example.org:5432/attache")
    settings = json.loads(result.stdout)
    assert (settings["engine"], settings["name"], settings["host"], settings["health"]) == (
        "django.db.backends.postgresql",
        "attache",
        "db.example.org",
        True,
    )


def test_settings_read_allowed_hosts_as_a_comma_separated_list(tmp_path):
    result = _load_settings(tmp_path, SECRET_KEY="x", ALLOWED_HOSTS="attache.example.org, api.example.org,")
    assert json.loads(result.stdout)["hosts"] == ["attache.example.org", "api.example.org"]


def test_postgresql_connections_turn_the_jit_compiler_off(tmp_path):
    """The APIs' short queries spent more time in JIT compilation than in execution at a million events."""
    result = _load_settings(tmp_path, SECRET_KEY="x", DATABASE_URL="postgres://attache@db.example.org:5432/attache")
    assert "-c jit=off" in json.loads(result.stdout)["options"]["options"]
