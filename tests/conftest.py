"""Shared pytest setup: tests marked ``postgresql`` are skipped on other databases; each test starts with an
empty cache (throttle counts and cached answers live there, and would otherwise carry over); one set of role
fixtures for the API, GraphQL and admin tests: a plain staff user, a curator, an editor, a superuser (the
groups come from migration events 0004_roles, the same the production database has)."""

import pytest
from django.contrib.auth.models import Group, User
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


def member_of(role: str) -> User:
    user = User.objects.create_user(role, password=f"{role}-password", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def plain_user(db) -> User:
    """Signed in, staff, in no group: may see the admin, may change nothing."""
    return User.objects.create_user("plain", password="plain-password", is_staff=True)


@pytest.fixture
def curator(db) -> User:
    return member_of("curator")


@pytest.fixture
def editor(db) -> User:
    return member_of("editor")


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root", password="root-password")
