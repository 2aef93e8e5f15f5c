"""The filters users need, with the names the API promises, and 400s that name the bad parameter."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Event
from tests.api.conftest import FIXTURES

pytestmark = pytest.mark.django_db


def slugs(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def error_fields(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 400, response.content
    body = response.json()["error"]
    assert (body["status"], body["code"]) == (400, "invalid")
    return body["fields"]


# --- events


def test_events_of_a_person(client, seed_data):
    found = slugs(client, "/api/v1/events/?person=stephen-biegun&page_size=100")
    assert "2020-12-09-biegun-choi-jong-kun" in found
    assert "2025-01-06-cho-tae-yul-blinken-talks" not in found
    assert all("biegun" in s for s in found)


def test_events_involving_all_given_countries_is_the_bilateral_timeline(client, seed_data):
    bilateral = slugs(client, "/api/v1/events/?country=US&country=KR&page_size=100")
    korea = slugs(client, "/api/v1/events/?country=KR&page_size=100")
    assert "2020-12-09-biegun-choi-jong-kun" in bilateral
    assert set(bilateral) <= set(korea)
    # The WTO selection involves Korea but not the United States.
    assert set(korea) - set(bilateral) or len(bilateral) == len(korea)


def test_country_codes_are_case_insensitive(client, seed_data):
    assert slugs(client, "/api/v1/events/?country=kr&page_size=100") == slugs(
        client, "/api/v1/events/?country=KR&page_size=100"
    )


def test_topic_includes_subtopics(client, seed_data):
    parent = set(slugs(client, "/api/v1/events/?topic=us-rok-alliance&page_size=100"))
    child = set(slugs(client, "/api/v1/events/?topic=usfk-relocation&page_size=100"))
    assert child
    assert child <= parent


def test_kind_and_status(client, seed_data):
    visits = slugs(client, "/api/v1/events/?kind=visit&page_size=100")
    assert visits
    assert set(visits) == set(Event.objects.filter(kind="visit").values_list("slug", flat=True))
    scheduled = slugs(client, "/api/v1/events/?status=scheduled&page_size=100")
    assert "2025-01-06-cho-tae-yul-blinken-talks" in scheduled
    assert "2020-12-09-biegun-choi-jong-kun" not in scheduled


def test_date_range(client, seed_data):
    found = slugs(client, "/api/v1/events/?date_from=2020-12-01&date_to=2020-12-31&page_size=100")
    assert "2020-12-09-biegun-choi-jong-kun" in found
    assert all(s.startswith("2020-12") for s in found)


def test_updated_since(client, seed_data):
    assert slugs(client, "/api/v1/events/?updated_since=2030-01-01T00:00:00Z") == []
    Event.objects.filter(slug="2020-12-09-biegun-choi-jong-kun").update(
        updated_at=timezone.now() + datetime.timedelta(days=3650 * 2)
    )
    assert slugs(client, "/api/v1/events/?updated_since=2030-01-01T00:00:00Z") == ["2020-12-09-biegun-choi-jong-kun"]


@pytest.mark.parametrize("spelling", ["denuclearization", "denuclearisation"])
def test_q_finds_spelling_variants(client, seed_data, spelling):
    found = slugs(client, f"/api/v1/events/?q={spelling}&page_size=100")
    tagged = set(Event.objects.filter(topics__slug="north-korea-denuclearisation").values_list("slug", flat=True))
    assert tagged
    assert tagged <= set(found)


def test_q_finds_a_participant_by_native_name(client, seed_data):
    assert "2020-12-09-biegun-choi-jong-kun" in slugs(client, "/api/v1/events/?q=최종건&page_size=100")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("date_from=2020-13-01", "date_from"),
        ("date_to=yesterday", "date_to"),
        ("updated_since=not-a-time", "updated_since"),
        ("country=XX", "country"),
        ("country=USA", "country"),
        ("country=US&country=ZZ", "country"),
        ("kind=picnic", "kind"),
        ("status=maybe", "status"),
        ("ordering=title", "ordering"),
        ("person=nobody", "person"),
        ("topic=no-such-topic", "topic"),
    ],
)
def test_malformed_event_filters_answer_400_naming_the_parameter(client, seed_data, query, field):
    fields = error_fields(client, f"/api/v1/events/?{query}")
    assert list(fields) == [field]


def test_unknown_country_message(client, seed_data):
    assert error_fields(client, "/api/v1/events/?country=XX") == {"country": ["Unknown country code: XX."]}


# --- people, offices, tenures


@pytest.mark.parametrize("q", ["최종건", "Choi Jong-kun", "choi"])
def test_people_q_matches_any_name_form(client, seed_data, q):
    assert "choi-jong-kun" in slugs(client, f"/api/v1/people/?q={q}")


def test_people_q_matches_other_names(client, seed_data):
    assert slugs(client, "/api/v1/people/?q=Steve Biegun") == ["stephen-biegun"]


def test_people_by_country_and_office(client, seed_data):
    korean = slugs(client, "/api/v1/people/?country=KR&page_size=100")
    assert "choi-jong-kun" in korean
    assert "stephen-biegun" not in korean
    assert set(slugs(client, "/api/v1/people/?office=kr-minister-of-foreign-affairs")) >= {
        "kang-kyung-wha",
        "cho-tae-yul",
    }


def test_offices_q_matches_the_press_titles(client, seed_data):
    assert slugs(client, "/api/v1/offices/?q=South Korean President") == ["kr-president"]


def test_offices_by_country(client, seed_data):
    found = slugs(client, "/api/v1/offices/?country=US&page_size=100")
    assert "us-secretary-of-state" in found
    assert not [s for s in found if s.startswith("kr-")]


def tenure_pairs(client, url: str) -> set[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {(t["office"]["slug"], t["person"]["slug"]) for t in response.json()["results"]}


def test_tenures_on_a_day_in_a_country(client, seed_data):
    held = dict(tenure_pairs(client, "/api/v1/tenures/?country=KR&on=2020-12-09&page_size=100"))
    assert held["kr-minister-of-foreign-affairs"] == "kang-kyung-wha"
    assert held["kr-first-vice-minister-of-foreign-affairs"] == "choi-jong-kun"
    assert held["kr-special-representative-korean-peninsula-peace-security"] == "lee-do-hoon"


def test_tenures_by_office_person_and_q(client, seed_data):
    assert {p for _, p in tenure_pairs(client, "/api/v1/tenures/?office=kr-minister-of-foreign-affairs")} >= {
        "kang-kyung-wha"
    }
    assert {o for o, _ in tenure_pairs(client, "/api/v1/tenures/?person=stephen-biegun")} == {
        "us-deputy-secretary-of-state",
        "us-special-representative-for-north-korea",
    }
    assert ("kr-president", "moon-jae-in") in tenure_pairs(client, "/api/v1/tenures/?q=South Korean President")


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/tenures/?on=2020-02-30", "on"),
        ("/api/v1/tenures/?country=XX", "country"),
        ("/api/v1/people/?country=1", "country"),
        ("/api/v1/offices/?country=QQ", "country"),
        ("/api/v1/people/?updated_since=soon", "updated_since"),
        ("/api/v1/countries/?updated_since=soon", "updated_since"),
        ("/api/v1/topics/?updated_since=soon", "updated_since"),
        ("/api/v1/sources/?updated_since=soon", "updated_since"),
        ("/api/v1/tenures/?page_size=10&updated_since=x", "updated_since"),
        ("/api/v1/tenures/?office=no-such-office", "office"),
        ("/api/v1/tenures/?person=nobody", "person"),
        ("/api/v1/people/?office=no-such-office", "office"),
    ],
)
def test_malformed_filters_answer_400_everywhere(client, seed_data, url, field):
    assert list(error_fields(client, url)) == [field]


@pytest.mark.parametrize("resource", ["countries", "people", "offices", "tenures", "topics", "sources", "events"])
def test_updated_since_works_on_every_resource(client, db, resource):
    before_the_load = timezone.now()
    call_command("loaddata", *FIXTURES, verbosity=0)  # rows loaded now are changed now, whatever the file says
    after_the_load = timezone.now()
    body = client.get(f"/api/v1/{resource}/", {"updated_since": before_the_load.isoformat()}).json()
    assert body["results"]
    assert client.get(f"/api/v1/{resource}/", {"updated_since": after_the_load.isoformat()}).json()["results"] == []


# --- pagination and ordering


def walk(client, url: str) -> list[str]:
    seen = []
    while url:
        body = client.get(url).json()
        seen += [row["slug"] for row in body["results"]]
        url = body["next"]
    return seen


@pytest.mark.parametrize("ordering", ["date", "-date", "updated", "-updated"])
@pytest.mark.parametrize("page_size", [1, 2, 3])
def test_cursor_pages_walk_every_event_once_in_order(client, seed_data, ordering, page_size):
    everything = slugs(client, f"/api/v1/events/?ordering={ordering}&page_size=100")
    assert len(everything) == 19
    assert walk(client, f"/api/v1/events/?ordering={ordering}&page_size={page_size}") == everything


def test_date_ordering(client, seed_data):
    rows = client.get("/api/v1/events/?ordering=date&page_size=100").json()["results"]
    assert [r["start_date"] for r in rows] == sorted(r["start_date"] for r in rows)
    rows = client.get("/api/v1/events/?page_size=100").json()["results"]  # newest first by default
    assert [r["start_date"] for r in rows] == sorted((r["start_date"] for r in rows), reverse=True)


def test_cursor_is_stable_while_events_are_added(client, seed_data):
    first = client.get("/api/v1/events/?ordering=date&page_size=5").json()
    Event.objects.create(title="Earlier", slug="earlier", start_date="1999-01-01", review_state="published")
    rest = walk(client, first["next"])
    assert "earlier" not in rest
    assert len(rest) == 19 - 5


def test_page_size_is_capped_at_100(client, seed_data):
    assert len(client.get("/api/v1/events/?page_size=1000").json()["results"]) == 19
    import string

    from tests.factories import CountryFactory

    for n in range(100):  # codes the seed data does not use
        iso2 = "XZYW"[n // 26] + string.ascii_uppercase[n % 26]
        CountryFactory(iso2=iso2, iso3=f"{iso2}Q")
    assert len(client.get("/api/v1/countries/?page_size=1000").json()["results"]) == 100


def test_unknown_slug_message(client, seed_data):
    assert error_fields(client, "/api/v1/events/?person=nobody") == {"person": ["Unknown person: nobody."]}
