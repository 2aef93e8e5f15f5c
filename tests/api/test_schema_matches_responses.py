"""Every documented response shape holds for real responses (issue #16.10): what the OpenAPI schema says is
what clients get, nulls and empty values included, so generated clients do not choke on them."""

import pytest
from jsonschema import Draft202012Validator
from rest_framework.test import APIClient

from events.models import Participation, ReviewState, Topic
from people.models import Office
from sources.models import Source

pytestmark = pytest.mark.django_db

LISTS = ["events", "people", "offices", "tenures", "countries", "topics", "sources"]


def _json_schema(node):
    """OpenAPI 3.0's ``nullable: true`` as JSON Schema (``null`` allowed); everything else as it is."""
    if isinstance(node, list):
        return [_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    converted = {k: _json_schema(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@pytest.fixture
def validator_for(client, seed_data):
    document = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    components = _json_schema(document["components"])

    def validator(path: str, method: str = "get") -> Draft202012Validator:
        response_schema = document["paths"][path][method]["responses"]["200"]["content"]["application/json"]
        return Draft202012Validator({"components": components, **_json_schema(response_schema["schema"])})

    return validator


@pytest.fixture
def awkward_rows(seed_data):
    """What the schema left out: a topic without a parent, a source not online, a participant of no country,
    an office of no country (an international post)."""
    event = Participation.objects.filter(event__review_state=ReviewState.PUBLISHED).first().event
    Topic.objects.create(name="Alliance burden sharing", slug="burden-sharing", parent=None)
    event.topics.add(Topic.objects.get(slug="burden-sharing"))
    offline = Source.objects.create(url="", publisher="Yonhap", headline="Print edition only")
    event.sources.add(offline)
    Participation.objects.create(event=event, description="a senior official", role="participant", country=None)
    Office.objects.create(title="Secretary-General of the United Nations", slug="un-sg", country=None)


@pytest.mark.parametrize("name", LISTS)
def test_every_list_answers_as_documented(validator_for, awkward_rows, name):
    body = APIClient().get(f"/api/v1/{name}/", {"page_size": 100}).json()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator_for(f"/api/v1/{name}/").iter_errors(body)]
    assert errors == [], errors[:5]


def test_an_event_answers_as_documented(validator_for, awkward_rows):
    slug = Topic.objects.get(slug="burden-sharing").events.get().slug
    body = APIClient().get(f"/api/v1/events/{slug}/").json()
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in validator_for("/api/v1/events/{slug}/").iter_errors(body)
    ]
    assert errors == [], errors[:5]
