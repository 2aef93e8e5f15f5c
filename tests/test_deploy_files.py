"""The container files say what docs/operations.md promises: there is no Docker engine here to run them.

.ci/dockerfile-steps replays the Dockerfile's steps and ``make lint`` runs hadolint on it; these tests hold
what neither checks: the stages, the user, the health check and compose.yaml's wiring.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


def dockerfile_stages() -> list[list[tuple[str, str]]]:
    """The Dockerfile's instructions, (INSTRUCTION, arguments), grouped by stage, continuations joined."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    stages: list[list[tuple[str, str]]] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _, arguments = line.partition(" ")
        if instruction.upper() == "FROM":
            stages.append([])
        stages[-1].append((instruction.upper(), arguments.strip()))
    return stages


def instructions(stage: list[tuple[str, str]], name: str) -> list[str]:
    return [arguments for instruction, arguments in stage if instruction == name]


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_dockerfile_builds_in_one_slim_stage_and_runs_in_another() -> None:
    stages = dockerfile_stages()
    assert len(stages) >= 2
    for stage in stages:
        assert "-slim" in instructions(stage, "FROM")[0]
    runtime = stages[-1]
    assert any(copy.startswith("--from=build") and "/opt/venv" in copy for copy in instructions(runtime, "COPY"))
    assert not any("pip install" in run for run in instructions(runtime, "RUN")), "dependencies belong in the build"


def test_dockerfile_runs_as_an_unprivileged_user() -> None:
    users = instructions(dockerfile_stages()[-1], "USER")
    assert users, "the runtime stage sets no USER, so it runs as root"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}


def test_dockerfile_health_check_probes_readyz() -> None:
    (healthcheck,) = instructions(dockerfile_stages()[-1], "HEALTHCHECK")
    assert "/readyz" in healthcheck
    assert "CMD [" in healthcheck, "exec form: no shell needed to run the probe"


def test_dockerfile_serves_with_gunicorn_and_its_config() -> None:
    (command,) = instructions(dockerfile_stages()[-1], "CMD")
    assert yaml.safe_load(command) == ["gunicorn", "-c", "gunicorn.conf.py"]
    assert (ROOT / "gunicorn.conf.py").is_file()


def test_compose_runs_the_app_with_postgresql_and_redis(compose: dict) -> None:
    services = compose["services"]
    assert {"app", "db", "redis", "migrate"} <= set(services)
    assert re.match(r"postgres:1[56]\b", services["db"]["image"])
    assert services["redis"]["image"].startswith("redis:")
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert "pgdata" in compose["volumes"]


def test_compose_app_environment_points_at_the_services(compose: dict) -> None:
    environment = compose["services"]["app"]["environment"]
    assert {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"} <= set(environment)
    assert re.match(r"postgres://[^@]+@db:5432/", environment["DATABASE_URL"])
    assert environment["REDIS_URL"].startswith("redis://redis:6379/")
    # Secrets come from the environment of whoever runs compose; compose refuses to start without them.
    assert environment["SECRET_KEY"].startswith("${SECRET_KEY:?")
    settings_text = (ROOT / "project" / "settings.py").read_text()
    for name in environment:
        assert name in settings_text, f"compose sets {name}, which project/settings.py never reads"


def test_compose_app_starts_after_a_healthy_database_and_finished_migrations(compose: dict) -> None:
    services = compose["services"]
    depends_on = services["app"]["depends_on"]
    assert depends_on["db"] == {"condition": "service_healthy"}
    assert depends_on["redis"] == {"condition": "service_healthy"}
    assert depends_on["migrate"] == {"condition": "service_completed_successfully"}
    assert services["migrate"]["command"][:3] == ["python", "manage.py", "migrate"]
    assert services["migrate"]["depends_on"]["db"] == {"condition": "service_healthy"}
    assert services["migrate"]["image"] == services["app"]["image"]


def test_compose_services_have_health_checks_and_the_app_probes_readyz(compose: dict) -> None:
    services = compose["services"]
    for name in ("app", "db", "redis"):
        assert services[name]["healthcheck"]["test"], f"{name} has no health check"
    probe = shlex.join(services["app"]["healthcheck"]["test"])
    assert "http://127.0.0.1:8000/readyz" in probe
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
