"""A merge or a rename changes what events say (their participant, office or topic): the events are listed as
changed (#16.3), so a mirror syncing by ``updated_since`` or the changes feed sees the new names."""

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from events.models import ReviewState
from events.services import topic_merge
from people.services import office_merge, person_merge
from tests.factories import EventFactory, OfficeFactory, ParticipationFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def _changed_since(moment) -> tuple[list[str], list[str]]:
    client = APIClient()
    listed = client.get("/api/v1/events/", {"updated_since": moment.isoformat()}).json()["results"]
    feed = client.get("/api/v1/changes/", {"since": moment.isoformat()}).json()["changes"]
    return [e["slug"] for e in listed], [c["key"] for c in feed if c["resource"] == "events"]


@pytest.fixture
def editor_client(client):
    from tests.conftest import member_of

    client.force_login(member_of("editor"))
    return client


@pytest.fixture
def published():
    return EventFactory(slug="biegun-choi-talks", review_state=ReviewState.PUBLISHED)


def test_merging_a_person_lists_their_events_as_changed(published):
    duplicate, survivor = PersonFactory(name="Choi Jongkun"), PersonFactory(name="Choi Jong-kun")
    ParticipationFactory(event=published, person=duplicate)
    before = timezone.now()
    person_merge(survivor=survivor, duplicates=[duplicate])
    assert _changed_since(before) == (["biegun-choi-talks"], ["biegun-choi-talks"])
    assert published.history.latest().history_change_reason.startswith("merged person")


def test_merging_an_office_lists_the_events_that_name_it(published):
    duplicate, survivor = OfficeFactory(), OfficeFactory()
    ParticipationFactory(event=published, office=duplicate)
    before = timezone.now()
    office_merge(survivor=survivor, duplicates=[duplicate])
    assert _changed_since(before) == (["biegun-choi-talks"], ["biegun-choi-talks"])


def test_merging_a_topic_lists_its_events_with_one_history_entry_each(published):
    duplicate, survivor = TopicFactory(), TopicFactory()
    published.topics.add(duplicate)
    entries = published.history.count()
    before = timezone.now()
    topic_merge(survivor=survivor, duplicates=[duplicate])
    assert _changed_since(before) == (["biegun-choi-talks"], ["biegun-choi-talks"])
    assert published.history.count() == entries + 1
    assert [t.topic_id for t in published.history.latest().topics.all()] == [survivor.pk]


def _edit_in_admin(client, url: str, **changes) -> None:
    from tests.admin.test_bad_input import _page_data

    data = _page_data(client, url, {}) | changes
    assert client.post(url, data).status_code == 302


def test_renaming_a_person_in_the_admin_lists_their_events(editor_client, published):
    person = PersonFactory(name="Choi Jongkun", sort_name="Choi, Jongkun")
    ParticipationFactory(event=published, person=person)
    before = timezone.now()
    _edit_in_admin(editor_client, f"/admin/people/person/{person.pk}/change/", name="Choi Jong-kun")
    assert _changed_since(before) == (["biegun-choi-talks"], ["biegun-choi-talks"])


def test_describing_a_person_does_not_touch_their_events(editor_client, published):
    person = PersonFactory()
    ParticipationFactory(event=published, person=person)
    before = timezone.now()
    _edit_in_admin(editor_client, f"/admin/people/person/{person.pk}/change/", description="South Korean diplomat")
    assert _changed_since(before) == ([], [])  # events do not show a person's description


def test_renaming_an_office_or_a_topic_in_the_admin_lists_their_events(editor_client, published):
    office, topic = OfficeFactory(title="First Vice Minister"), TopicFactory(name="Alliance")
    ParticipationFactory(event=published, office=office)
    published.topics.add(topic)
    before = timezone.now()
    _edit_in_admin(editor_client, f"/admin/people/office/{office.pk}/change/", title="First Vice Foreign Minister")
    assert _changed_since(before) == (["biegun-choi-talks"], ["biegun-choi-talks"])
    before = timezone.now()
    _edit_in_admin(editor_client, f"/admin/events/topic/{topic.pk}/change/", name="The alliance")
    assert _changed_since(before) == (["biegun-choi-talks"], ["biegun-choi-talks"])


def test_renaming_a_person_by_import_lists_their_events(published):
    import tablib

    from people.resources import PersonResource

    person = PersonFactory(slug="choi-jong-kun", name="Choi Jongkun", sort_name="Choi, Jongkun")
    ParticipationFactory(event=published, person=person)
    headers = ["slug", "name", "sort_name", "native_name", "nationality", "description"]
    before = timezone.now()
    row = ["choi-jong-kun", "Choi Jong-kun", "Choi, Jong-kun", "", "", ""]
    result = PersonResource().import_data(tablib.Dataset(row, headers=headers))
    assert not result.has_errors() and not result.has_validation_errors()
    assert _changed_since(before) == (["biegun-choi-talks"], ["biegun-choi-talks"])
