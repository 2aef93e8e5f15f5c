"""Rule 5: merging duplicate people, offices and topics, in one transaction, recorded in history."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events.models import Participation, Topic
from events.services import topic_merge
from people.models import Office, Person, PersonIdentifier, Tenure
from people.services import office_merge, person_merge
from tests.factories import (
    EventFactory,
    OfficeFactory,
    OfficeTitleFactory,
    ParticipationFactory,
    PersonFactory,
    PersonIdentifierFactory,
    PersonNameFactory,
    SourceFactory,
    TenureFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def twins():
    """The same man recorded twice: 'Choi Jong-kun' and 'Choi Jong-geon'."""
    survivor = PersonFactory(name="Choi Jong-kun", slug="choi-jong-kun")
    dup = PersonFactory(name="Choi Jong-geon", slug="choi-jong-geon", native_name="최종건")
    return survivor, dup


def test_person_merge_moves_participations_tenures_and_names(twins):
    survivor, dup = twins
    ParticipationFactory(person=dup)
    tenure = TenureFactory(person=dup)
    PersonNameFactory(person=dup, name="Ch'oe Chong-gŏn", language="ko-Latn")
    PersonIdentifierFactory(person=dup, identifier="Q12345")
    person_merge(survivor=survivor, duplicates=[dup])
    assert not Person.objects.filter(pk=dup.pk).exists()
    assert Participation.objects.get().person == survivor
    assert Tenure.objects.get(pk=tenure.pk).person == survivor
    assert set(survivor.other_names.values_list("name", flat=True)) == {"Ch'oe Chong-gŏn", "Choi Jong-geon"}
    assert PersonIdentifier.objects.get().person == survivor
    survivor.refresh_from_db()
    assert survivor.native_name == "최종건"  # blanks filled from the duplicate


def test_person_merge_keeps_one_of_the_same_participation(twins):
    survivor, dup = twins
    event = EventFactory()
    ParticipationFactory(event=event, person=survivor, role="host")
    ParticipationFactory(event=event, person=dup, role="host")
    person_merge(survivor=survivor, duplicates=[dup])
    assert list(event.participations.values_list("person_id", "role")) == [(survivor.pk, "host")]


def test_person_merge_folds_the_same_tenure_and_keeps_its_sources(twins):
    survivor, dup = twins
    office = OfficeFactory(single_holder=False)  # two records of one tenure overlap, which PostgreSQL refuses
    kept = TenureFactory(person=survivor, office=office, start=D(2020, 8, 20))
    twin = TenureFactory(person=dup, office=office, start=D(2020, 8, 20))
    source = SourceFactory()
    twin.sources.add(source)
    person_merge(survivor=survivor, duplicates=[dup])
    assert list(Tenure.objects.all()) == [kept]
    assert list(kept.sources.all()) == [source]


def test_person_merge_refuses_different_identifiers_and_changes_nothing(twins):
    survivor, dup = twins
    PersonIdentifierFactory(person=survivor, identifier="Q1")
    PersonIdentifierFactory(person=dup, identifier="Q2")
    ParticipationFactory(person=dup)
    with pytest.raises(ValidationError, match="are they the same person"):
        person_merge(survivor=survivor, duplicates=[dup])
    assert Person.objects.filter(pk=dup.pk).exists()
    assert Participation.objects.get().person == dup


def test_person_merge_is_recorded_in_history(twins, editor):
    survivor, dup = twins
    participation, dup_pk = ParticipationFactory(person=dup), dup.pk
    person_merge(survivor=survivor, duplicates=[dup])
    moved = participation.history.latest()
    assert moved.person_id == survivor.pk
    assert moved.history_change_reason == f"merged person {dup_pk} (Choi Jong-geon) into {survivor.pk}"
    deleted = Person.history.filter(id=dup_pk).latest()
    assert deleted.history_type == "-"


def test_office_merge_moves_tenures_participations_and_titles():
    survivor = OfficeFactory(title="First Vice Foreign Minister", slug="a")
    dup = OfficeFactory(title="1st Vice Minister of Foreign Affairs", slug="b", country=survivor.country)
    tenure = TenureFactory(office=dup)
    participation = ParticipationFactory(office=dup)
    OfficeTitleFactory(office=dup, name="Vice Foreign Minister")
    office_merge(survivor=survivor, duplicates=[dup])
    assert not Office.objects.filter(pk=dup.pk).exists()
    assert Tenure.objects.get(pk=tenure.pk).office == survivor
    assert Participation.objects.get(pk=participation.pk).office == survivor
    titles = set(survivor.other_titles.values_list("name", flat=True))
    assert titles == {"Vice Foreign Minister", "1st Vice Minister of Foreign Affairs"}


def test_office_merge_refuses_overlapping_holders_and_changes_nothing():
    survivor, dup = OfficeFactory(slug="a"), OfficeFactory(slug="b")
    TenureFactory(office=survivor, start=D(2020, 1, 1), end=D(2021, 1, 1))
    moving = TenureFactory(office=dup, start=D(2020, 6, 1), end=D(2022, 1, 1))
    with pytest.raises(ValidationError, match="one holder at a time"):
        office_merge(survivor=survivor, duplicates=[dup])
    assert Tenure.objects.get(pk=moving.pk).office == dup


def test_topic_merge_moves_events_subtopics_and_names():
    survivor = TopicFactory(name="denuclearisation", slug="denuclearisation")
    dup = TopicFactory(name="denuclearization", slug="denuclearization")
    child = TopicFactory(name="North Korea", parent=dup)
    event = EventFactory()
    event.topics.add(dup)
    dup_pk = dup.pk
    topic_merge(survivor=survivor, duplicates=[dup])
    assert not Topic.objects.filter(pk=dup_pk).exists()
    assert list(event.topics.all()) == [survivor]
    assert Topic.objects.get(pk=child.pk).parent == survivor
    assert list(survivor.other_names.values_list("name", flat=True)) == ["denuclearization"]
    assert event.history.latest().history_change_reason.startswith(f"merged topic {dup_pk}")


# --- the admin action ----------------------------------------------------------------------


def test_merge_action_asks_which_record_to_keep_then_merges(editor_client, twins):
    survivor, dup = twins
    ParticipationFactory(person=dup)
    selected = {"action": "merge", "_selected_action": [str(survivor.pk), str(dup.pk)]}
    page = editor_client.post("/admin/people/person/", selected)
    assert page.status_code == 200 and page.templates[0].name == "admin/merge_confirmation.html"
    assert Person.objects.count() == 2
    response = editor_client.post(
        "/admin/people/person/", selected | {"apply": "yes", "survivor": survivor.pk}, follow=True
    )
    assert list(Person.objects.all()) == [survivor]
    assert Participation.objects.get().person == survivor
    assert "Merged Choi Jong-geon into Choi Jong-kun" in response.content.decode()
    assert survivor.history.latest().history_user.username == "editor"


def test_merge_action_reports_a_refusal(editor_client, twins):
    survivor, dup = twins
    PersonIdentifierFactory(person=survivor, identifier="Q1")
    PersonIdentifierFactory(person=dup, identifier="Q2")
    data = {"action": "merge", "_selected_action": [survivor.pk, dup.pk], "apply": "yes", "survivor": survivor.pk}
    response = editor_client.post("/admin/people/person/", data, follow=True)
    assert "Nothing merged" in response.content.decode()
    assert Person.objects.count() == 2


def _actions(page) -> set[str]:
    form = page.context["action_form"]
    return set(dict(form.fields["action"].choices)) if form else set()


@pytest.mark.parametrize("path", ["/admin/people/person/", "/admin/people/office/", "/admin/events/topic/"])
def test_only_editors_may_merge(curator_client, editor_client, curator, editor, path):
    curator_client.force_login(curator)
    assert "merge" not in _actions(curator_client.get(path))
    editor_client.force_login(editor)
    assert "merge" in _actions(editor_client.get(path))
