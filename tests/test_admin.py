"""The curation admin: every page opens, search and autocomplete find people, events need a source."""

import datetime

import pytest
from django.contrib import admin

from events.models import Event
from people.models import Person, Tenure
from tests.factories import (
    CountryFactory,
    OfficeFactory,
    OfficeTitleFactory,
    ParticipationFactory,
    PersonFactory,
    PersonNameFactory,
    SourceFactory,
    TenureFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
REGISTERED = sorted(admin.site._registry, key=lambda m: m._meta.label)
# django-axes's sign-in records are read-only logs: nobody adds one by hand.
ADDABLE = [m for m in REGISTERED if m._meta.app_label != "axes"]


@pytest.fixture
def choi():
    """Choi Jong-kun, First Vice Minister of Foreign Affairs, with his name in Hangul as another name."""
    korea = CountryFactory(iso2="KR", name="South Korea")
    person = PersonFactory(name="Choi Jong-kun", sort_name="Choi, Jong-kun", native_name="")
    PersonNameFactory(person=person, name="최종건", language="ko")
    office = OfficeFactory(title="First Vice Minister of Foreign Affairs", country=korea)
    OfficeTitleFactory(office=office, name="Vice Foreign Minister")
    TenureFactory(person=person, office=office, start=D(2020, 8, 20), end=D(2022, 5, 10))
    return person


@pytest.fixture
def some_of_everything(choi):
    biegun = PersonFactory(name="Stephen Biegun", sort_name="Biegun, Stephen")
    participation = ParticipationFactory(person=choi, event__title="Choi–Biegun talks")
    participation.event.sources.add(SourceFactory())
    participation.event.topics.add(TopicFactory(parent=TopicFactory()))
    return choi, biegun


def _ids(model) -> str:
    return model._meta.label


@pytest.mark.parametrize("model", REGISTERED, ids=_ids)
def test_changelist_lists_every_row(admin_client, some_of_everything, model):
    opts = model._meta
    response = admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/")
    assert response.status_code == 200
    assert response.context["cl"].result_count == model._default_manager.count()
    if opts.app_label in {"people", "events"}:
        assert response.context["cl"].result_count > 0


@pytest.mark.parametrize("model", ADDABLE, ids=_ids)
def test_add_page_shows_the_form(admin_client, model):
    opts = model._meta
    response = admin_client.get(f"/admin/{opts.app_label}/{opts.model_name}/add/")
    assert response.status_code == 200
    assert response.context["adminform"].form.instance._meta.model is model


def test_person_search_finds_the_person_by_a_native_script_other_name(admin_client, some_of_everything):
    choi, _ = some_of_everything
    response = admin_client.get("/admin/people/person/", {"q": "최종건"})
    assert list(response.context["cl"].result_list) == [choi]


def test_tenure_search_finds_tenures_by_an_office_other_title(admin_client, some_of_everything):
    response = admin_client.get("/admin/people/tenure/", {"q": "Vice Foreign Minister"})
    assert [t.person.name for t in response.context["cl"].result_list] == ["Choi Jong-kun"]


def test_event_search_finds_events_by_participant_name(admin_client, some_of_everything):
    response = admin_client.get("/admin/events/event/", {"q": "Choi Jong"})
    assert [e.title for e in response.context["cl"].result_list] == ["Choi–Biegun talks"]


@pytest.mark.parametrize("term", ["choi", "최종건"])
def test_participant_autocomplete_finds_person(admin_client, some_of_everything, term):
    choi, _ = some_of_everything
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "events", "model_name": "participation", "field_name": "person", "term": term},
    )
    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(choi.pk), "text": "Choi Jong-kun"}]


# --- saving an event through the admin ------------------------------------------------


def _initial_data(page) -> dict:
    """What the browser posts for fields the test leaves untouched: each field's initial value."""
    form = page.context["adminform"].form
    return {name: str(form[name].value()) for name in form.fields if form[name].value() not in (None, "")}


def _event_post(admin_client, *, sources: list[dict], participants: list[dict]) -> dict:
    """The add form's initial values and fields, plus each inline's management form, as a browser posts them."""
    page = admin_client.get("/admin/events/event/add/")
    rows_by_prefix = {"Event_sources": sources, "participations": participants}
    data = _initial_data(page) | {
        "title": "Choi Jong-kun and Stephen Biegun hold talks in Seoul",
        "slug": "choi-biegun-talks-2020-09-10",
        "kind": "talks",
        "start_date": "2020-09-10",
    }
    prefixes = {inline.formset.prefix for inline in page.context["inline_admin_formsets"]}
    assert set(rows_by_prefix) <= prefixes
    for prefix in prefixes:
        rows = rows_by_prefix.get(prefix, [])
        data |= {
            f"{prefix}-TOTAL_FORMS": str(len(rows)),
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
        for index, row in enumerate(rows):
            data |= {f"{prefix}-{index}-{key}": value for key, value in row.items()}
    return data


def test_admin_refuses_an_event_without_a_source(admin_client, choi):
    data = _event_post(
        admin_client, sources=[{"source": ""}], participants=[{"person": str(choi.pk), "role": "participant"}]
    )
    response = admin_client.post("/admin/events/event/add/", data)
    assert response.status_code == 200
    assert "Every event rests on at least one source." in response.content.decode()
    assert Event.objects.count() == 0


def test_admin_saves_an_event_with_a_source_and_fills_the_participant_office(admin_client, choi):
    source = SourceFactory()
    data = _event_post(
        admin_client,
        sources=[{"source": str(source.pk)}],
        participants=[{"person": str(choi.pk), "role": "host"}],
    )
    response = admin_client.post("/admin/events/event/add/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    event = Event.objects.get(slug="choi-biegun-talks-2020-09-10")
    assert list(event.sources.all()) == [source]
    participation = event.participations.get()
    assert participation.person == choi
    assert participation.office.title == "First Vice Minister of Foreign Affairs"
    assert participation.country.iso2 == "KR"


def test_admin_refuses_an_overlapping_tenure_with_a_readable_message(admin_client, choi):
    office = Tenure.objects.get(person=choi).office
    page = admin_client.get("/admin/people/tenure/add/")
    data = _initial_data(page) | {
        "person": str(PersonFactory(name="Lee Do-hoon").pk),
        "office": str(office.pk),
        "status": "holder",
        "start": "2021-01-01",
    }
    for inline in page.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    response = admin_client.post("/admin/people/tenure/add/", data)
    assert response.status_code == 200
    assert "has one holder at a time" in response.content.decode()
    assert Person.objects.get(name="Lee Do-hoon").tenures.count() == 0
