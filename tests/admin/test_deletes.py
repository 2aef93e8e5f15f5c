"""Deletes that keep published events whole: a source or topic a published event relies on stays (issue #16.1)."""

import pytest
from django.core.exceptions import ValidationError

from events.models import ReviewState, Topic
from events.services import source_delete, topic_delete
from sources.models import Source
from tests.factories import EventFactory, ParticipationFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    return EventFactory(title="Biegun meets Choi", review_state=ReviewState.PUBLISHED)


def test_a_source_of_a_published_event_cannot_be_deleted_and_the_admin_says_which_event(editor_client, published):
    source = SourceFactory()
    published.sources.add(source)
    page = editor_client.get(f"/admin/sources/source/{source.pk}/delete/")
    html = page.content.decode()
    assert "Biegun meets Choi" in html and f"/admin/events/event/{published.pk}/change/" in html
    assert "Yes, I’m sure" not in html and "cannot be deleted: these published events rely on it" in html
    editor_client.post(f"/admin/sources/source/{source.pk}/delete/", {"post": "yes"})
    assert list(published.sources.all()) == [source]


def test_a_source_cited_only_for_a_participant_of_a_published_event_is_kept_too(published):
    source = SourceFactory()
    ParticipationFactory(event=published, source=source)
    with pytest.raises(ValidationError, match="1 published event"):
        source_delete(source=source)
    assert Source.objects.filter(pk=source.pk).exists()


def test_the_bulk_delete_action_refuses_too(editor_client, published):
    kept, free = SourceFactory(), SourceFactory()
    published.sources.add(kept)
    form = {"action": "delete_selected", "_selected_action": [kept.pk, free.pk], "post": "yes"}
    page = editor_client.post("/admin/sources/source/", form)
    assert "Biegun meets Choi" in page.content.decode()
    assert set(Source.objects.values_list("pk", flat=True)) == {kept.pk, free.pk}


def test_a_source_only_drafts_rely_on_is_deleted_through_the_admin(editor_client):
    draft = EventFactory(review_state=ReviewState.DRAFT)
    source = SourceFactory()
    draft.sources.add(source)
    response = editor_client.post(f"/admin/sources/source/{source.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Source.objects.filter(pk=source.pk).exists() and draft.sources.count() == 0


def test_a_topic_of_a_published_event_cannot_be_deleted(editor_client, published):
    topic = TopicFactory(name="Alliance")
    published.topics.add(topic)
    page = editor_client.get(f"/admin/events/topic/{topic.pk}/delete/")
    assert "Biegun meets Choi" in page.content.decode()
    editor_client.post(f"/admin/events/topic/{topic.pk}/delete/", {"post": "yes"})
    assert list(published.topics.all()) == [topic]
    with pytest.raises(ValidationError, match="Merge it into another topic"):
        topic_delete(topic=topic)


def test_a_topic_no_published_event_uses_is_deleted(editor_client):
    topic = TopicFactory()
    EventFactory(review_state=ReviewState.IN_REVIEW).topics.add(topic)
    assert editor_client.post(f"/admin/events/topic/{topic.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Topic.objects.filter(pk=topic.pk).exists()
