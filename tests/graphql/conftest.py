"""Fixtures for the GraphQL tests: the curated seed data, a helper that POSTs a query, curators."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)


class GQL:
    """POSTs GraphQL to /graphql/ and returns the decoded JSON body."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def __call__(self, query: str, variables: dict | None = None, **extra) -> dict:
        response = self.client.post(
            "/graphql/", {"query": query, "variables": variables or {}}, content_type="application/json", **extra
        )
        assert response.status_code == 200, response.content
        return response.json()

    def data(self, query: str, variables: dict | None = None) -> dict:
        body = self(query, variables)
        assert "errors" not in body, body["errors"]
        return body["data"]


@pytest.fixture
def gql(db) -> GQL:
    return GQL(Client())


@pytest.fixture
def curator_gql(curator) -> GQL:
    client = Client()
    client.force_login(curator)
    return GQL(client)


@pytest.fixture
def editor_gql(editor) -> GQL:
    client = Client()
    client.force_login(editor)
    return GQL(client)
