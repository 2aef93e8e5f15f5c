"""The curated seed fixtures say what the five articles in shared/seeds say."""

from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command

from events.models import Event, EventStatus, Participation, Topic
from people.models import Country, Office, Person, Tenure
from people.selectors import office_held_on, tenures_on
from sources.models import Source
from tests.shared_material import needs_shared, shared_dir

FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "fixtures").glob("*.json"))
SHARED = shared_dir()
SEEDS = SHARED / "seeds" if SHARED else None


@pytest.fixture
def seed_data(db):
    call_command("loaddata", *FIXTURES, verbosity=0)


def test_loading_the_fixtures_twice_changes_nothing(seed_data):
    def snapshot():
        return {
            model.__name__: sorted(model.objects.values_list("pk", "updated_at"))
            for model in (Country, Person, Office, Tenure, Topic, Source, Event, Participation)
        }

    before = snapshot()
    call_command("loaddata", *FIXTURES, verbosity=0)
    assert snapshot() == before


def test_choi_biegun_meeting_is_provable_from_its_source(seed_data):
    event = Event.objects.get(slug="2020-12-09-biegun-choi-jong-kun")
    assert (event.start_date, event.start_precision, event.status) == (date(2020, 12, 9), "day", EventStatus.TOOK_PLACE)
    assert (event.city, event.country.iso2) == ("Seoul", "KR")
    offices = {p.person.slug: p.office.slug for p in event.participations.filter(role__in=["host", "guest"])}
    assert offices == {
        "choi-jong-kun": "kr-first-vice-minister-of-foreign-affairs",
        "stephen-biegun": "us-deputy-secretary-of-state",
    }
    assert {"us-rok-alliance", "covid-19-cooperation", "usfk-relocation"} <= set(
        event.topics.values_list("slug", flat=True)
    )
    (source,) = event.sources.all()
    assert (source.agency, source.byline, source.published_on) == ("Reuters", "Sangmi Cha", date(2020, 12, 9))


def test_every_event_rests_on_a_source(seed_data):
    assert Event.objects.count() >= 15
    assert not Event.objects.filter(sources__isnull=True).exists()


def test_stored_offices_agree_with_the_tenures_on_the_event_date(seed_data):
    """Where the office was filled in, the person held it that day (as the record allows)."""
    for p in Participation.objects.filter(person__isnull=False, office__isnull=False).select_related("event"):
        held = {t.office_id for t in tenures_on(day=p.event.start_date).filter(person_id=p.person_id)}
        if p.event.start_precision == "day":
            assert p.office_id in held, f"{p} on {p.event.start_date}"


def test_office_resolution_picks_the_post_the_report_names_for_biegun(seed_data):
    biegun = Person.objects.get(slug="stephen-biegun")
    day = date(2020, 12, 9)
    assert len({t.office_id for t in tenures_on(day=day).filter(person=biegun)}) == 2  # two posts at once
    office = office_held_on(person=biegun, day=day, title_as_reported="U.S. Deputy Secretary of State")
    assert office.slug == "us-deputy-secretary-of-state"


def test_foreign_affairs_posts_of_korea_on_9_december_2020(seed_data):
    held = {t.office.slug: t.person.slug for t in tenures_on(day=date(2020, 12, 9), country="KR")}
    assert held["kr-minister-of-foreign-affairs"] == "kang-kyung-wha"
    assert held["kr-first-vice-minister-of-foreign-affairs"] == "choi-jong-kun"
    assert held["kr-special-representative-korean-peninsula-peace-security"] == "lee-do-hoon"


def test_people_carry_native_script_and_press_spellings(seed_data):
    choi = Person.objects.get(slug="choi-jong-kun")
    assert choi.native_name == "최종건"
    assert "Choi Jong Kun" in set(choi.other_names.values_list("name", flat=True))
    assert Person.objects.get(slug="joe-biden").identifiers.get(scheme="wikidata").identifier == "Q6279"


def test_press_titles_are_recorded_for_offices(seed_data):
    office = Office.objects.get(slug="kr-first-vice-minister-of-foreign-affairs")
    titles = set(office.other_titles.values_list("name", flat=True))
    assert {"Vice Foreign Minister", "Deputy Foreign Minister"} <= titles


def test_topics_record_both_spellings_of_denuclearisation(seed_data):
    topic = Topic.objects.get(slug="north-korea-denuclearisation")
    assert {"denuclearization", "denuclearisation"} <= set(topic.other_names.values_list("name", flat=True))
    assert topic.parent.slug == "korean-peninsula"


def test_undated_article_is_recorded_at_the_precision_known(seed_data):
    source = Source.objects.get(headline__startswith="South Korea sees no change in US ties")
    assert (source.published_on, source.published_precision) == (date(2024, 1, 1), "year")
    briefing = source.events.get(kind="briefing")
    assert (briefing.kind, briefing.start_precision) == ("briefing", "year")
    official = briefing.participations.get(person__isnull=True)
    assert official.description == "a senior presidential official"
    assert official.country.iso2 == "KR"


def test_scheduled_meetings_stay_scheduled_as_reported(seed_data):
    talks = Event.objects.get(slug="2025-01-06-cho-tae-yul-blinken-talks")
    assert talks.status == EventStatus.SCHEDULED  # "were set to hold talks in Seoul on Monday"
    assert talks.start_date == date(2025, 1, 6)


@needs_shared("seeds")
@pytest.mark.parametrize(
    ("seed", "headline", "named"),
    [
        (
            "000_1016ffcd4abea01e.txt",
            "ties with South Korea will remain strong under Biden",
            ["Choi Jong-kun", "Lee Do-hoon"],
        ),
        ("001_eddb9fdaf3c43f20.txt", "Kang, Pompeo reaffirm close cooperation", ["Chris Coons", "Yoo Myung-hee"]),
        (
            "002_7631eedc800fec3c.txt",
            "to discuss N.Korea strategy as Pyongyang rejects talks",
            ["Suh Hoon", "John Delury"],
        ),
        ("003_8a0987b93a728037.txt", "South Korea sees no change in US ties", ["Donald Trump"]),
        (
            "004_43d1232faabd6cb8.txt",
            "Top diplomats of South Korea, US to discuss alliance",
            ["Cho Tae-yul", "Matthew Miller"],
        ),
    ],
)
def test_each_seed_article_is_a_source_naming_its_people(seed_data, seed, headline, named):
    text = (SEEDS / seed).read_text()
    source = Source.objects.get(headline__contains=headline)
    assert headline in text
    if source.byline and source.byline != "IANS":
        assert source.byline in text
    people_in_events = set(
        Participation.objects.filter(event__sources=source, person__isnull=False).values_list("person__name", flat=True)
    )
    for name in named:
        assert name in text
        assert name in people_in_events
