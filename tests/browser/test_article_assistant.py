"""The admin page "New events from an article" in a real browser (Debian's Chromium, never a downloaded one).

A curator opens the page from the event list, pastes a report, sees the facts highlighted and the proposed
events, unticks one participant and one event, corrects a title, and saves: the ticked event is a draft
citing the new source, with the participants left ticked. Screenshots in artifacts/screenshots/.
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from events.models import Event, ReviewState
from project.roles import ensure_roles
from tests.browser.test_curation_flow import CHROMIUM, CHROMIUM_ARGS, _log_in, _shot

ARTICLE = (Path(__file__).resolve().parents[1] / "data" / "articles" / "newspaper_published_line.txt").read_text()
FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))

playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's Chromium: apt-get install -y chromium"),
    pytest.mark.django_db(transaction=True),
]
expect = playwright_api.expect


@pytest.fixture
def seed():
    ensure_roles()  # earlier transactional tests flush the groups too
    call_command("loaddata", *FIXTURES, verbosity=0)
    user = User.objects.create_user("curator", password="curator-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name="curator"))


def test_curator_pastes_an_article_reviews_the_proposal_and_saves_a_draft(seed, live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop here
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        base = live_server.url
        _log_in(page, base, "curator")

        page.goto(f"{base}/admin/events/event/")
        page.get_by_role("link", name="New events from an article").click()
        page.fill("#id_text", ARTICLE)
        _shot(page, "11-curator-pastes-an-article")
        page.click("input[name=_propose]")

        # Review: each fact highlighted in the text, the proposed events below it.
        article = page.locator("#article-text")
        expect(article.locator("mark.fact-person", has_text="Lee In-young")).to_have_count(1)
        expect(article.locator("mark.fact-date", has_text="on Thursday")).to_have_count(1)
        expect(article.locator("mark.fact-clutter").first).to_be_visible()
        first, second = page.locator("#event-0"), page.locator("#event-1")
        expect(first).to_contain_text("Stephen Biegun")
        expect(first).to_contain_text("office held: Minister of Unification")
        expect(page.locator("#candidates")).to_contain_text("ambiguous: Lee Do-hoon or Lee In-young")
        _shot(page, "12-curator-reviews-the-proposal")

        first.locator("input[name=event-0-title]").fill("Lee In-young and Stephen Biegun hold talks in Seoul")
        first.locator("input[name=event-0-p2-keep]").uncheck()  # Lee Do-hoon: not a participant after all
        second.locator("input[name=event-1-save]").uncheck()
        page.click("input[name=_save]")

        expect(page.locator("ul.messagelist")).to_contain_text("Saved 1 draft event(s)")
        _shot(page, "13-curator-saved-the-drafts")
        chromium.close()

    event = Event.objects.get(title="Lee In-young and Stephen Biegun hold talks in Seoul")
    assert event.review_state == ReviewState.DRAFT
    assert sorted(event.participations.values_list("person__slug", flat=True)) == ["lee-in-young", "stephen-biegun"]
    assert event.sources.get().headline == "Unification minister, Biegun discuss inter-Korean cooperation"
    assert Event.objects.filter(title__startswith="Stephen Biegun and Kang Kyung-wha").count() == 0
