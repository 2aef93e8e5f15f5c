"""The roles in code (project/roles.py, for a flushed database) are the roles the migrations created."""

import pytest
from django.contrib.auth.models import Group

from project.roles import ensure_roles, role_permissions

pytestmark = pytest.mark.django_db


def granted(name: str) -> set[tuple[str, str]]:
    return set(Group.objects.get(name=name).permissions.values_list("content_type__app_label", "codename"))


@pytest.mark.parametrize("role", ["curator", "editor"])
def test_the_roles_in_code_are_the_migrated_roles(role):
    assert granted(role) == set(role_permissions()[role])


def test_ensure_roles_restores_flushed_groups():
    Group.objects.all().delete()
    ensure_roles()
    assert ("sources", "change_source") in granted("curator")
    assert ("events", "publish_event") in granted("editor") and ("events", "publish_event") not in granted("curator")
