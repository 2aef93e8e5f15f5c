"""Rule 1: one page per event, with inlines, the office held filled from tenures, and visible warnings."""

import datetime

import pytest

from events.curation import event_warnings
from events.models import Event, Participation, ReviewState
from tests.admin.conftest import sourced_event
from tests.factories import EventFactory, OfficeFactory, ParticipationFactory, PersonFactory, SourceFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _post_data(client, url: str, *, fields: dict, sources: list[str], participants: list[dict]) -> dict:
    """What the browser posts: the form's initial values, ``fields``, and each inline's rows."""
    page = client.get(url)
    form = page.context["adminform"].form
    data = {n: str(form[n].value()) for n in form.fields if form[n].value() not in (None, "")} | fields
    rows = {"Event_sources": [{"source": s} for s in sources], "participations": participants}
    for inline in page.context["inline_admin_formsets"]:
        prefix, formset = inline.formset.prefix, inline.formset
        initial = [f.initial | {"id": f.instance.pk, "event": formset.instance.pk} for f in formset.initial_forms]
        new = rows.get(prefix, []) if not initial else []
        all_rows = [{k: "" if v is None else str(v) for k, v in r.items()} for r in initial] + new
        data |= {f"{prefix}-TOTAL_FORMS": str(len(all_rows)), f"{prefix}-INITIAL_FORMS": str(len(initial))}
        for i, row in enumerate(all_rows):
            data |= {f"{prefix}-{i}-{k}": v for k, v in row.items()}
    return data


def test_event_page_has_participants_topics_and_sources_inline_with_autocomplete(curator_client):
    page = curator_client.get("/admin/events/event/add/")
    inlines = {i.formset.prefix: i for i in page.context["inline_admin_formsets"]}
    assert set(inlines) == {"participations", "Event_topics", "Event_sources"}
    html = page.content.decode()
    for field in ["participations-__prefix__-person", "Event_topics-__prefix__-topic", "Event_sources-0-source"]:
        assert f'name="{field}"' in html
    assert html.count("admin-autocomplete") >= 3


def test_saving_fills_the_office_held_on_the_event_date_and_shows_it(curator_client, choi):
    source = SourceFactory()
    data = _post_data(
        curator_client,
        "/admin/events/event/add/",
        fields={"title": "Choi meets Biegun", "slug": "choi-meets-biegun", "start_date": "2020-09-10"},
        sources=[str(source.pk)],
        participants=[{"person": str(choi.pk), "role": "host"}],
    )
    response = curator_client.post("/admin/events/event/add/", data, follow=True)
    participation = Participation.objects.get(event__slug="choi-meets-biegun")
    assert participation.office.title == "First Vice Minister of Foreign Affairs"
    assert Event.objects.get(slug="choi-meets-biegun").review_state == "draft"
    page = curator_client.get(f"/admin/events/event/{participation.event_id}/change/")
    assert "First Vice Minister of Foreign Affairs" in page.content.decode()
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


def test_a_curator_overrides_the_office_from_tenures(curator_client, choi):
    other = OfficeFactory(title="Special Envoy", slug="envoy")
    data = _post_data(
        curator_client,
        "/admin/events/event/add/",
        fields={"title": "Choi as envoy", "slug": "choi-envoy", "start_date": "2020-09-10"},
        sources=[str(SourceFactory().pk)],
        participants=[{"person": str(choi.pk), "role": "host", "office": str(other.pk)}],
    )
    curator_client.post("/admin/events/event/add/", data)
    participation = Participation.objects.get(event__slug="choi-envoy")
    assert participation.office == other
    page = curator_client.get(f"/admin/events/event/{participation.event_id}/change/")
    inline = next(i for i in page.context["inline_admin_formsets"] if i.formset.prefix == "participations")
    assert inline.opts.office_from_tenures(participation) == "First Vice Minister of Foreign Affairs"


def test_saving_warns_about_a_participant_without_a_known_office(curator_client, choi):
    stranger = PersonFactory(name="Unknown Official")
    data = _post_data(
        curator_client,
        "/admin/events/event/add/",
        fields={"title": "Talks", "slug": "talks", "start_date": "2020-09-10"},
        sources=[str(SourceFactory().pk)],
        participants=[{"person": str(choi.pk), "role": "host"}, {"person": str(stranger.pk), "role": "guest"}],
    )
    response = curator_client.post("/admin/events/event/add/", data, follow=True)
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1 and warnings[0].startswith("Unknown Official held no known office on 2020-09-10")
    event = Event.objects.get(slug="talks")
    page = curator_client.get(f"/admin/events/event/{event.pk}/change/")
    assert "Unknown Official held no known office" in page.content.decode()


def test_change_page_warns_when_the_event_has_no_source(curator_client):
    event = EventFactory()  # e.g. imported without sources
    page = curator_client.get(f"/admin/events/event/{event.pk}/change/")
    assert "This event has no source" in page.content.decode()


def test_the_sources_filter_lists_events_without_a_source(curator_client):
    bare, sourced = EventFactory(), EventFactory()
    sourced.sources.add(SourceFactory())
    page = curator_client.get("/admin/events/event/", {"sources": "none"})
    assert list(page.context["cl"].result_list) == [bare]


def test_event_warnings_take_a_fixed_number_of_queries(django_assert_num_queries, choi):
    event = EventFactory(start_date=D(2020, 9, 10))
    for _ in range(5):
        ParticipationFactory(event=event)
    with django_assert_num_queries(3):
        warnings = event_warnings(event=event)
    assert len(warnings) == 6  # no source, five participants without a tenure


def test_office_held_endpoint_gives_the_office_the_inline_prefills(curator_client, choi):
    url = "/admin/events/event/office-held/"
    held = curator_client.get(url, {"person": choi.pk, "day": "10/09/2020"}).json()  # the en-gb date widget
    assert held["office"]["text"] == "First Vice Minister of Foreign Affairs (KR)"
    assert curator_client.get(url, {"person": choi.pk, "day": "2023-01-01"}).json() == {"office": None}
    assert curator_client.get(url, {"person": choi.pk}).status_code == 400


def test_office_held_endpoint_needs_event_permissions(client, choi):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert client.get("/admin/events/event/office-held/", {"person": choi.pk, "day": "2020-09-10"}).status_code == 403


def test_saving_the_page_goes_through_the_service_and_keeps_participants(curator_client, choi):
    """An edit of the title alone: one event version, and each participant keeps its row (and history)."""
    from tests.admin.test_bad_input import _page_data

    event = sourced_event(ReviewState.DRAFT, title="Talks", start_date=D(2021, 3, 1))
    office = choi.tenures.get().office  # as the service fills it: the office held that day, and its country
    event.participations.create(person=choi, role="host", office=office, country=office.country)
    ids = sorted(event.participations.values_list("id", flat=True))
    participant_versions = Participation.history.filter(event_id=event.pk).count()
    versions = event.history.count()
    url = f"/admin/events/event/{event.pk}/change/"
    response = curator_client.post(url, _page_data(curator_client, url, {}) | {"title": "Talks in Seoul"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Talks in Seoul"
    assert sorted(event.participations.values_list("id", flat=True)) == ids
    assert event.history.count() == versions + 1
    assert Participation.history.filter(event_id=event.pk).count() == participant_versions  # none rewritten
