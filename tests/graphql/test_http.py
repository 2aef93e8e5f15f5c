"""Browser and client manners: public reads from anywhere, mutations only with auth and CSRF."""

import json

import pytest
from django.test import Client
from strawberry.relay import to_base64

QUERY = "{ countries(first: 1) { totalCount } }"
MUTATION = f'mutation {{ deleteEvent(id: "{to_base64("Event", 1)}") {{ deletedId errors {{ messages }} }} }}'


def post(client: Client, query: str, **headers):
    return client.post("/graphql/", json.dumps({"query": query}), content_type="application/json", **headers)


def test_graphiql_in_the_browser(db):
    response = Client().get("/graphql/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b"graphiql" in response.content.lower()


def test_anonymous_query_over_get(db):
    from people.models import Country

    Country.objects.create(iso2="KR", iso3="KOR", name="Republic of Korea")
    response = Client().get("/graphql/", {"query": QUERY})
    assert response.status_code == 200 and response.json()["data"]["countries"]["totalCount"] == 1


def test_anonymous_post_from_another_origin_needs_no_csrf_token(db):
    client = Client(enforce_csrf_checks=True)
    response = post(client, QUERY, HTTP_ORIGIN="https://frontend.example", HTTP_REFERER="https://frontend.example/")
    assert response.status_code == 200
    assert "errors" not in response.json()
    assert response["Access-Control-Allow-Origin"] == "https://frontend.example"
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_preflight_is_answered_for_any_origin(db):
    response = Client().options(
        "/graphql/",
        HTTP_ORIGIN="https://frontend.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://frontend.example"
    assert "content-type" in response["Access-Control-Allow-Headers"]


def test_an_operator_can_put_graphql_under_the_allowed_origins(db, settings):
    settings.CORS_ANY_ORIGIN_URLS_REGEX = ""
    settings.CORS_ALLOWED_ORIGINS = ["https://ours.example"]
    theirs = post(Client(), QUERY, HTTP_ORIGIN="https://frontend.example")
    ours = post(Client(), QUERY, HTTP_ORIGIN="https://ours.example")
    assert "Access-Control-Allow-Origin" not in theirs
    assert ours["Access-Control-Allow-Origin"] == "https://ours.example"


def test_the_rest_api_follows_the_allowed_origins_only(db):
    response = Client().get("/api/v1/countries/", HTTP_ORIGIN="https://frontend.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_mutations_are_never_accepted_over_get(editor):
    client = Client()
    client.force_login(editor)
    response = client.get("/graphql/", {"query": MUTATION})
    assert response.status_code == 400
    assert b"mutations are not allowed when using GET" in response.content


@pytest.mark.usefixtures("seed_data")
def test_session_mutation_without_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    body = post(client, MUTATION).json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "CSRF_FAILED"
    from events.models import Event

    assert Event.objects.filter(pk=1).exists()


@pytest.mark.usefixtures("seed_data")
def test_session_mutation_with_csrf_token_is_accepted(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    client.get("/admin/")  # any page with a form sets the CSRF cookie (here the log-out button)
    token = client.cookies["csrftoken"].value
    body = post(client, MUTATION, HTTP_X_CSRFTOKEN=token).json()
    assert body["data"]["deleteEvent"]["deletedId"] == to_base64("Event", 1)


@pytest.mark.usefixtures("seed_data")
def test_token_authenticated_mutation_needs_no_csrf(editor):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=editor)
    client = Client(enforce_csrf_checks=True)
    body = post(client, MUTATION, HTTP_AUTHORIZATION=f"Token {token.key}").json()
    assert body["data"]["deleteEvent"]["deletedId"] == to_base64("Event", 1)


def test_a_bad_token_is_401(db):
    response = post(Client(), QUERY, HTTP_AUTHORIZATION="Token nope")
    assert response.status_code == 401


def test_anonymous_mutation_is_refused(db):
    body = post(Client(), MUTATION).json()
    assert body["errors"][0]["message"] == "Authentication required: sign in to change data."
