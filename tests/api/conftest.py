"""Fixtures for the REST API tests: the curated seed data, clients, a curator with a token."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)


@pytest.fixture
def client() -> APIClient:
    return APIClient()


def _user_with(username: str, *codenames: str) -> User:
    user = User.objects.create_user(username, password="pw")
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def curator(db) -> User:
    return _user_with(
        "curator",
        "add_event",
        "change_event",
        "add_tenure",
        "change_tenure",
        "delete_tenure",
    )


@pytest.fixture
def editor(db) -> User:
    return _user_with("editor", "add_event", "change_event", "delete_event", "publish_event")


@pytest.fixture
def curator_client(curator) -> APIClient:
    api = APIClient()
    token = Token.objects.create(user=curator)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api


@pytest.fixture
def editor_client(editor) -> APIClient:
    api = APIClient()
    api.force_authenticate(editor)
    return api
