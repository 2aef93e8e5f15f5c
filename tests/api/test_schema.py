"""The OpenAPI 3 schema validates and documents every filter, error shape and auth rule."""

import pytest
from drf_spectacular.validation import validate_schema

pytestmark = pytest.mark.django_db

FILTERS = {
    "/api/v1/events/": {
        "person",
        "country",
        "topic",
        "kind",
        "status",
        "date_from",
        "date_to",
        "updated_since",
        "q",
        "cursor",
        "page_size",
        "ordering",
    },
    "/api/v1/people/": {"q", "country", "office", "updated_since", "page", "page_size"},
    "/api/v1/offices/": {"q", "country", "updated_since", "page", "page_size"},
    "/api/v1/tenures/": {"office", "person", "country", "q", "on", "updated_since", "page", "page_size"},
    "/api/v1/countries/": {"updated_since", "page", "page_size"},
    "/api/v1/topics/": {"q", "updated_since", "page", "page_size"},
    "/api/v1/sources/": {"q", "updated_since", "page", "page_size"},
}


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def test_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate_schema(schema)  # raises on an invalid document


@pytest.mark.parametrize(("path", "names"), FILTERS.items())
def test_every_filter_is_documented(schema, path, names):
    params = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
    assert names <= set(params)
    for name in names - {"cursor", "page", "page_size"}:
        assert params[name].get("description"), f"{path} {name}"


def test_repeatable_country_is_an_array(schema):
    (country,) = [p for p in schema["paths"]["/api/v1/events/"]["get"]["parameters"] if p["name"] == "country"]
    assert country["schema"]["type"] == "array"


def test_error_shape_and_status_codes_are_documented(schema):
    assert "Error" in schema["components"]["schemas"]
    put = schema["paths"]["/api/v1/events/{slug}/"]["put"]
    assert {"400", "401", "403", "404", "412"} <= set(put["responses"])
    assert put["responses"]["412"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    assert "If-Match" in {p["name"] for p in put["parameters"]}
    assert {"400", "404", "429"} <= set(schema["paths"]["/api/v1/events/"]["get"]["responses"])


def test_auth_rules_are_documented(schema):
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])
    assert "Token" in schema["info"]["description"]
    post = schema["paths"]["/api/v1/events/"]["post"]
    assert {"tokenAuth"} in [set(s) for s in post["security"]]


def test_swagger_ui_is_served(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert b"swagger" in response.content.lower()
