"""Issue #10, "works offline": GraphiQL (/graphql/), Swagger UI (/api/docs/) and Redoc (/api/redoc/) load everything
from this server (pinned static copies), so they work on a network without a CDN.

The browser tests (Debian's Chromium, as in test_curation_flow.py) abort and record every request that is not for the
live server, then check that each explorer still renders and works. The plain tests need no browser: the pages' HTML
names no other site, and every static file it names exists.
"""

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from tests.factories import CountryFactory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EXPLORERS = {"/graphql/": {"HTTP_ACCEPT": "text/html"}, "/api/docs/": {}, "/api/redoc/": {}}
SCHEMA_WAIT_MS = 60_000
ABSOLUTE_URL = re.compile(r"""(?:https?:)?//[^\s"'<>`)]+""", re.IGNORECASE)

try:
    from playwright import sync_api as playwright_api
except ImportError:  # the plain tests below still run
    playwright_api = None


def needs_browser(test):
    """Marks a test that drives Chromium against the live server (skipped, with the reason, without one)."""
    for mark in [
        pytest.mark.skipif(playwright_api is None, reason="the playwright package is not installed"),
        pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium: apt-get install -y chromium"),
        pytest.mark.django_db(transaction=True),
    ]:
        test = mark(test)
    return test


@pytest.mark.parametrize("url", EXPLORERS)
def test_explorer_page_names_no_other_site(db, url):
    html = Client().get(url, **EXPLORERS[url]).content.decode()
    assert "<html" in html.lower()
    assert ABSOLUTE_URL.findall(html) == []


@pytest.mark.parametrize("url", EXPLORERS)
def test_explorer_page_static_files_exist(db, url, settings):
    html = Client().get(url, **EXPLORERS[url]).content.decode()
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    assets = re.findall(rf'(?:src|href)="{re.escape(prefix)}([^"?#]+)"', html)
    assert assets, "the page loads its scripts from this server's static files"
    assert [a for a in assets if not finders.find(a)] == []


@pytest.fixture
def offline_page(live_server, monkeypatch):
    """A Chromium page that may reach the live server only: anything else is aborted and listed in ``page.left``."""
    # Playwright's sync API runs an event loop in this thread; the ORM calls in the tests are ordinary sync code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    ours = urlsplit(live_server.url).netloc
    left: list[str] = []

    def only_ours(route):
        if urlsplit(route.request.url).netloc == ours:
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        page.route("**/*", only_ours)
        page.left = left
        yield page
        chromium.close()


@needs_browser
def test_graphiql_runs_a_query_without_leaving_the_server(offline_page, live_server):
    CountryFactory(iso2="KR", iso3="KOR", name="South Korea")
    query = "{ countries(first: 1) { edges { node { iso2 } } } }"
    page, expect = offline_page, playwright_api.expect
    page.goto(f"{live_server.url}/graphql/?q={quote(query)}")  # GraphiQL opens a shared link's query (?q=)
    expect(page.locator(".graphiql-query-editor .CodeMirror")).to_be_visible()
    expect(page.locator(".graphiql-query-editor")).to_contain_text("countries(first: 1)")
    page.locator(".graphiql-execute-button").click()
    expect(page.locator(".graphiql-response")).to_contain_text('"iso2": "KR"')
    assert page.left == []


@needs_browser
def test_swagger_ui_lists_the_operations_without_leaving_the_server(offline_page, live_server):
    page, expect = offline_page, playwright_api.expect
    page.goto(f"{live_server.url}/api/docs/")
    # Generating the OpenAPI schema takes a few seconds on a busy machine.
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("REST API", timeout=SCHEMA_WAIT_MS)
    expect(page.locator(".opblock-summary-path", has_text="/api/v1/countries/").first).to_be_visible()
    assert page.locator(".opblock").count() > 10
    assert page.left == []


@needs_browser
def test_redoc_renders_the_reference_without_leaving_the_server(offline_page, live_server):
    page, expect = offline_page, playwright_api.expect
    page.goto(f"{live_server.url}/api/redoc/")
    expect(page.locator("redoc h1").first).to_contain_text("REST API", timeout=SCHEMA_WAIT_MS)
    expect(page.locator("redoc .menu-content")).to_contain_text("countries", ignore_case=True)
    assert page.left == []
