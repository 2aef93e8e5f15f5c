"""Rule 4: every change recorded with who, when and what, viewable and revertible from the admin."""

import pytest
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from events.models import Event, ReviewState
from events.services import event_publish, event_submit_for_review
from people.models import Person
from tests.admin.conftest import sourced_event
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CURATED = [m for m in admin.site._registry if m._meta.app_label in {"people", "events"}]


@pytest.mark.parametrize("model", CURATED, ids=lambda m: m._meta.label)
def test_every_curated_model_has_history_in_the_admin(model):
    assert isinstance(admin.site._registry[model], SimpleHistoryAdmin)
    assert hasattr(model, "history")


def test_an_admin_edit_is_recorded_with_who_when_and_what(curator_client, curator):
    person = PersonFactory(name="Choi Jong-kun", sort_name="Choi, Jong-kun", slug="choi")
    page = curator_client.get(f"/admin/people/person/{person.pk}/change/")
    form = page.context["adminform"].form
    data = {n: str(form[n].value()) for n in form.fields if form[n].value() not in (None, "")}
    data["description"] = "South Korean diplomat"
    for inline in page.context["inline_admin_formsets"]:
        data |= {f"{inline.formset.prefix}-TOTAL_FORMS": "0", f"{inline.formset.prefix}-INITIAL_FORMS": "0"}
    assert curator_client.post(f"/admin/people/person/{person.pk}/change/", data).status_code == 302
    latest = person.history.latest()
    assert latest.history_user == curator
    assert latest.history_type == "~"
    assert latest.history_date is not None
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("description", "", "South Korean diplomat")]


def test_history_page_lists_the_versions(curator_client):
    person = PersonFactory(name="Choi")
    person.description = "diplomat"
    person.save()
    page = curator_client.get(f"/admin/people/person/{person.pk}/history/")
    assert page.status_code == 200
    assert len(page.context["page_obj"].object_list) == 2


def test_reverting_from_the_admin_restores_an_earlier_version(editor_client, editor):
    person = PersonFactory(name="Choi Jong-kun", description="diplomat")
    first = person.history.earliest()
    person.description = "vandalised"
    person.save()
    url = f"/admin/people/person/{person.pk}/history/{first.history_id}/"
    page = editor_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {n: str(form[n].value()) for n in form.fields if form[n].value() not in (None, "")}
    assert editor_client.post(url, data).status_code == 302
    assert Person.objects.get(pk=person.pk).description == "diplomat"
    assert person.history.latest().history_user == editor


def test_workflow_steps_are_recorded_in_the_event_history(curator, editor):
    event = sourced_event()
    event_submit_for_review(event=event, user=curator)
    event_publish(event=event, user=editor)
    states = list(event.history.order_by("history_date").values_list("review_state", flat=True))
    assert states[-2:] == [ReviewState.IN_REVIEW, ReviewState.PUBLISHED]
    assert event.history.latest().history_change_reason == "review: published"


def test_reverting_an_event_does_not_change_its_review_state(editor_client):
    event = sourced_event(ReviewState.DRAFT, title="Original")
    first = event.history.earliest()
    Event.objects.filter(pk=event.pk).update(review_state=ReviewState.PUBLISHED)
    url = f"/admin/events/event/{event.pk}/history/{first.history_id}/"
    page = editor_client.get(url)
    assert "review_state" not in page.context["adminform"].form.fields


def test_a_topic_added_in_the_admin_is_in_the_version_that_records_it(curator_client):
    from tests.admin.test_bad_input import _page_data
    from tests.factories import TopicFactory

    event = sourced_event(ReviewState.DRAFT)
    topic = TopicFactory(name="Alliance")
    entries = event.history.count()
    url = f"/admin/events/event/{event.pk}/change/"
    data = _page_data(curator_client, url, {"Event_topics": [{"topic": str(topic.pk), "event": str(event.pk)}]})
    assert curator_client.post(url, data).status_code == 302
    assert list(event.topics.all()) == [topic]
    assert event.history.count() == entries + 1  # one version for one save
    assert [t.topic_id for t in event.history.latest().topics.all()] == [topic.pk]  # reverting to it keeps the topic


def test_a_source_added_to_a_tenure_in_the_admin_is_recorded_in_its_history(curator_client):
    from tests.factories import SourceFactory, TenureFactory

    tenure = TenureFactory()
    source = SourceFactory()
    entries = tenure.history.count()
    data = {
        "person": tenure.person_id,
        "office": tenure.office_id,
        "start": "2020-01-01",
        "start_precision": "day",
        "end_precision": "day",
        "status": "holder",
        "note": "",
        "sources": [source.pk],
    }
    response = curator_client.post(f"/admin/people/tenure/{tenure.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(tenure.sources.all()) == [source]
    assert tenure.history.count() == entries + 1
    assert [s.source_id for s in tenure.history.latest().sources.all()] == [source.pk]


def test_changing_a_tenures_sources_through_the_service_leaves_one_version_with_them():
    from people.services import tenure_patch
    from tests.factories import SourceFactory, TenureFactory

    tenure = TenureFactory()
    first, second = SourceFactory(), SourceFactory()
    tenure_patch(tenure=tenure, changes={"sources": [first]})
    entries = tenure.history.count()
    tenure_patch(tenure=tenure, changes={"sources": [second]})
    assert tenure.history.count() == entries + 1
    versions = tenure.history.order_by("-history_id")
    assert [s.source_id for s in versions[0].sources.all()] == [second.pk]
    assert [s.source_id for s in versions[1].sources.all()] == [first.pk]  # the earlier list, to revert to
