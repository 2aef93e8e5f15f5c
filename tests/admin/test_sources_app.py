"""Sources live in their own app; the admin pages curators bookmarked under events/ still lead there."""

import pytest

pytestmark = pytest.mark.django_db


def test_old_source_admin_address_redirects_to_the_new_one(editor_client):
    response = editor_client.get("/admin/events/source/3/change/?_changelist_filters=publisher%3DYonhap")
    assert response.status_code == 302
    assert response["Location"] == "/admin/sources/source/3/change/?_changelist_filters=publisher%3DYonhap"


def test_curators_keep_their_source_permissions_after_the_move(curator):
    assert curator.has_perms(["sources.add_source", "sources.change_source", "sources.view_source"])
    assert not curator.has_perm("sources.delete_source")
