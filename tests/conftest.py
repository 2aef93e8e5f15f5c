"""Shared pytest setup: tests marked ``postgresql`` are skipped on other databases."""

import pytest
from django.db import connection


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("postgresql") and connection.vendor != "postgresql":
        pytest.skip(f"needs PostgreSQL (exclusion constraint, composite key); running on {connection.vendor}")
