"""The admin's sign-in refuses password guessing (issue #16.10): a locked-out pair gets 429 until the cool-off."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db
LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def staff():
    return User.objects.create_user("curator", password="right-password", is_staff=True)


def _sign_in(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password})


def test_the_fifth_wrong_password_locks_out_and_then_even_the_right_one_is_refused(staff):
    client = Client()
    assert [_sign_in(client, "curator", f"guess-{i}").status_code for i in range(5)] == [200] * 4 + [429]
    locked = _sign_in(client, "curator", "right-password")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_lockout_holds_one_username_and_address_not_everyone(staff):
    User.objects.create_user("editor", password="editor-password", is_staff=True)
    client = Client()
    for i in range(5):
        _sign_in(client, "curator", f"guess-{i}")
    assert _sign_in(Client(), "editor", "editor-password").status_code == 302  # another user signs in
    assert _sign_in(Client(REMOTE_ADDR="10.0.0.9"), "curator", "right-password").status_code == 302


def test_a_few_mistakes_then_the_right_password_signs_in_and_starts_the_count_again(staff):
    client = Client()
    for i in range(4):
        _sign_in(client, "curator", f"guess-{i}")
    assert _sign_in(client, "curator", "right-password").status_code == 302
    client.logout()
    for i in range(4):
        _sign_in(client, "curator", f"guess-again-{i}")
    assert _sign_in(client, "curator", "right-password").status_code == 302
