"""Rule 8: the whole curation flow in a real browser (Debian's Chromium, never a downloaded one).

A curator creates an event with two participants and a source and submits it
for review; an editor publishes it; the public REST and GraphQL APIs then
show it. Screenshots of each step land in artifacts/screenshots/ (gitignored;
CI keeps them). Skipped, with the reason, where /usr/bin/chromium is absent.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from events.models import Event, ReviewState
from project.roles import ensure_roles
from tests.factories import CountryFactory, OfficeFactory, PersonFactory, SourceFactory, TenureFactory

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
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
TITLE = "Choi Jong-kun and Stephen Biegun hold talks in Seoul"
SLUG = "choi-jong-kun-and-stephen-biegun-hold-talks-in-seoul"

playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium: apt-get install -y chromium"),
    pytest.mark.django_db(transaction=True),
]
expect = playwright_api.expect


@pytest.fixture
def seed():
    """Two officials with their tenures, one report, and a curator and an editor."""
    # Earlier transactional tests flush the database, groups included: recreate them as the migration does.
    ensure_roles()
    korea, usa = CountryFactory(iso2="KR", name="South Korea"), CountryFactory(iso2="US", name="United States")
    choi = PersonFactory(name="Choi Jong-kun", sort_name="Choi, Jong-kun", slug="choi-jong-kun")
    biegun = PersonFactory(name="Stephen Biegun", sort_name="Biegun, Stephen", slug="stephen-biegun")
    vfm = OfficeFactory(title="First Vice Minister of Foreign Affairs", country=korea)
    dsos = OfficeFactory(title="Deputy Secretary of State", country=usa)
    TenureFactory(person=choi, office=vfm, start=datetime.date(2020, 8, 20), end=datetime.date(2022, 5, 10))
    TenureFactory(person=biegun, office=dsos, start=datetime.date(2019, 12, 21), end=datetime.date(2021, 1, 20))
    SourceFactory(headline="Biegun, Choi discuss North Korea in Seoul", publisher="Yonhap")
    for role in ["curator", "editor"]:
        user = User.objects.create_user(role, password=f"{role}-password-1", is_staff=True)
        user.groups.add(Group.objects.get(name=role))


@pytest.fixture
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield playwright, chromium
        chromium.close()


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _log_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-password-1")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username.upper(), ignore_case=True)


def _log_out(page) -> None:
    page.click("#logout-form button")
    expect(page.locator("body")).to_contain_text("Logged out")


def _autocomplete(page, select_id: str, term: str, choice: str) -> None:
    """Pick ``choice`` in the select2 autocomplete that replaces the <select id=select_id>."""
    page.locator(f"#{select_id} + .select2").click()
    search = page.locator(".select2-container--open .select2-search__field")
    search.fill(term)
    page.locator(".select2-results__option", has_text=choice).first.click()
    expect(page.locator(f"#{select_id} + .select2")).to_contain_text(choice)


def _review_step(page, label: str, done: str) -> None:
    page.get_by_role("link", name=label, exact=True).click()
    page.locator("input[name=confirm]").click()
    expect(page.locator("ul.messagelist")).to_contain_text(done)


def test_curator_creates_and_submits_an_event_that_an_editor_publishes(seed, browser, live_server, monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the ORM calls below are ordinary sync code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    playwright, chromium = browser
    base = live_server.url
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})

    # A curator writes the event up.
    _log_in(page, base, "curator")
    page.goto(f"{base}/admin/events/event/add/")
    page.fill("#id_title", TITLE)
    page.press("#id_title", "Tab")  # prepopulate.js listens for change and keyup
    expect(page.locator("#id_slug")).to_have_value(SLUG)  # prepopulated from the title
    page.select_option("#id_kind", "talks")
    page.fill("#id_start_date", "2020-09-10")
    page.fill("#id_city", "Seoul")
    add_participant = page.locator("#participations-group .add-row a")
    participants = [
        ("Choi", "Choi Jong-kun", "First Vice Minister of Foreign Affairs"),
        ("Biegun", "Stephen Biegun", "Deputy Secretary of State"),
    ]
    for index, (term, name, office) in enumerate(participants):
        add_participant.click()
        _autocomplete(page, f"id_participations-{index}-person", term, name)
        # The office held that day is filled from the tenures at once, and stays editable.
        expect(page.locator(f"#id_participations-{index}-office + .select2")).to_contain_text(office)
    _autocomplete(page, "id_Event_sources-0-source", "Biegun, Choi", "Biegun, Choi discuss North Korea")
    _shot(page, "01-curator-fills-in-the-event")
    page.click("input[name=_continue]")
    expect(page.locator("ul.messagelist")).to_contain_text("was added successfully")
    expect(page.locator("ul.messagelist li.warning")).to_have_count(0)  # both held an office; a source is given
    expect(page.locator(".field-office_from_tenures").first).to_contain_text("First Vice Minister")
    _shot(page, "02-curator-saved-the-draft")

    _review_step(page, "Submit for review", "submitted for review")
    expect(page.get_by_role("link", name="Publish", exact=True)).to_have_count(0)  # curators cannot publish
    _shot(page, "03-curator-submitted-for-review")
    _log_out(page)

    # An editor publishes it.
    _log_in(page, base, "editor")
    page.goto(f"{base}/admin/events/event/?review_state=in_review")
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator(".field-review_state")).to_contain_text("in review")
    _review_step(page, "Publish", "published")
    expect(page.locator(".field-review_state")).to_contain_text("published")
    _shot(page, "04-editor-published")

    # The public sees it, through both APIs, without logging in.
    public = playwright.request.new_context(base_url=base)
    rest = public.get(f"/api/v1/events/{SLUG}/")
    assert rest.status == 200, rest.text()
    body = rest.json()
    assert body["slug"] == SLUG
    assert re.search("Choi Jong-kun", rest.text()) and re.search("Stephen Biegun", rest.text())
    query = "query($q: String) { events(filters: {search: $q}) { edges { node { slug title } } } }"
    graphql = public.post("/graphql/", data={"query": query, "variables": {"q": TITLE}})
    assert graphql.status == 200, graphql.text()
    assert [e["node"]["slug"] for e in graphql.json()["data"]["events"]["edges"]] == [SLUG]
    public.dispose()

    event = Event.objects.get(slug=SLUG)
    assert event.review_state == ReviewState.PUBLISHED
    assert sorted(event.participations.values_list("person__name", "office__title")) == [
        ("Choi Jong-kun", "First Vice Minister of Foreign Affairs"),
        ("Stephen Biegun", "Deputy Secretary of State"),
    ]
    assert [h.history_user.username for h in event.history.order_by("history_date")][-2:] == ["curator", "editor"]
