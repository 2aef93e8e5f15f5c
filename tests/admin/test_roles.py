"""Rule 3: the curator and editor groups, created by a data migration, with the right permissions."""

import pytest
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


def _perms(group: str) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in Group.objects.get(name=group).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_only_editors_hold_the_publish_permission():
    assert "events.publish_event" in _perms("editor")
    assert "events.publish_event" not in _perms("curator")
    assert Group.objects.filter(permissions__codename="publish_event").count() == 1


@pytest.mark.parametrize(
    "perm",
    [
        "events.add_event",
        "events.change_event",
        "events.view_event",
        "people.add_person",
        "people.change_tenure",
        "events.add_participation",
        "events.delete_participation",
        "sources.change_source",
        "events.add_topic",
    ],
)
def test_curators_create_and_edit(perm):
    assert perm in _perms("curator")


@pytest.mark.parametrize(
    "perm",
    [
        "events.delete_event",
        "people.delete_person",
        "people.delete_office",
        "events.delete_topic",
        "people.change_country",
    ],
)
def test_curators_do_not_delete_records(perm):
    assert perm not in _perms("curator")
    assert perm in _perms("editor")


def test_editors_hold_every_curator_permission():
    assert _perms("curator") <= _perms("editor")


def test_curator_and_editor_users_have_the_permissions_of_their_group(curator, editor):
    assert curator.has_perm("events.change_event") and not curator.has_perm("events.publish_event")
    assert editor.has_perm("events.publish_event") and editor.has_perm("events.delete_event")
