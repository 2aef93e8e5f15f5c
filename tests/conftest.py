"""Shared pytest setup: tests marked ``postgresql`` are skipped on other databases; each test starts with an
empty cache (throttle counts and cached answers live there, and would otherwise carry over)."""

import pytest
from django.core.cache import cache
from django.db import connection


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("postgresql") and connection.vendor != "postgresql":
        pytest.skip(f"needs PostgreSQL (exclusion constraint, composite key); running on {connection.vendor}")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()
