"""Fixtures for the REST API tests: the curated seed data, clients, a curator with a token."""

from pathlib import Path

import pytest
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
