"""A mirror started from nothing and kept up to date through the changes feed alone ends up equal to the source,
after every kind of write: the fixtures (loaddata), the synthetic data generator, edits, merges and deletes."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from events.models import Event
from people.models import Country, Person
from people.services import person_merge
from tests.admin.test_bad_input import _page_data

FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))
RESOURCES = ["countries", "people", "offices", "tenures", "topics", "sources", "events"]

pytestmark = pytest.mark.django_db


class Mirror:
    """What a mirroring service keeps: each object's detail representation, by resource and id."""

    def __init__(self, client: APIClient) -> None:
        self.client, self.since, self.objects = client, "1970-01-01T00:00:00Z", {}

    def sync(self) -> None:
        url = f"/api/v1/changes/?since={self.since}&limit=50"  # small pages: the paging is part of the test
        while url:
            body = self.client.get(url).json()
            for change in body["changes"]:
                key = (change["resource"], change["id"])
                if change["change"] == "deleted":
                    self.objects.pop(key, None)
                else:
                    self.objects[key] = self.client.get(change["url"]).json()
            url, until = body["next"], body["until"]
        self.since = until


def source_of_truth(client: APIClient) -> dict:
    """Every object the lists show, by its detail URL, as its detail endpoint shows it now."""
    everything = {}
    for resource in RESOURCES:
        url = f"/api/v1/{resource}/?page_size=100"
        while url:
            body = client.get(url).json()
            for item in body["results"]:
                everything[item["url"]] = client.get(item["url"]).json()
            url = body["next"]
    return everything


@pytest.fixture
def editor_api() -> APIClient:
    editor = User.objects.create_user("mirror-editor", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="editor"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


def assert_in_step(mirror: Mirror, client: APIClient) -> None:
    mirror.sync()
    truth = source_of_truth(client)
    mirrored = {body["url"]: body for body in mirror.objects.values()}
    assert len(mirrored) == len(mirror.objects)  # no object mirrored twice
    assert set(mirrored) == set(truth)
    stale = [url for url in truth if mirrored[url] != truth[url]]
    assert stale == []


def test_a_mirror_fed_by_the_changes_feed_stays_equal_to_the_source(editor_api):
    mirror = Mirror(editor_api)

    call_command("loaddata", *FIXTURES, verbosity=0)
    assert_in_step(mirror, editor_api)
    assert len(mirror.objects) > 100  # the fixtures, all of them

    call_command("generate_synthetic_data", events=30, seed=7, verbosity=0)
    assert_in_step(mirror, editor_api)
    assert any(str(body.get("slug", "")).startswith("syn7-") for body in mirror.objects.values())

    event = Event.objects.get(slug="2020-12-09-biegun-choi-jong-kun")
    response = editor_api.patch(f"/api/v1/events/{event.slug}/", {"title": "Biegun and Choi meet in Seoul"})
    assert response.status_code == 200, response.content
    admin = Client()
    admin.force_login(User.objects.get(username="mirror-editor"))
    url = f"/admin/people/person/{Person.objects.get(slug='choi-jong-kun').pk}/change/"
    data = _page_data(admin, url, {}) | {"name": "Choi Jong-kun (First Vice FM)"}
    assert admin.post(url, data).status_code == 302  # renamed in the admin: what shows his name changed
    for url, change in [
        (f"/admin/sources/source/{event.sources.get().pk}/change/", {"headline": "U.S. envoy: ties stay strong"}),
        (f"/admin/people/country/{Country.objects.get(iso2='KR').pk}/change/", {"name": "South Korea"}),
    ]:
        response = admin.post(url, _page_data(admin, url, {}) | change)
        assert response.status_code == 302, response.content.decode()[:3000]
    assert_in_step(mirror, editor_api)

    survivor, duplicate = Person.objects.filter(slug__startswith="syn7-").order_by("id")[:2]
    person_merge(survivor=survivor, duplicates=[duplicate])
    assert_in_step(mirror, editor_api)

    response = editor_api.delete(f"/api/v1/events/{event.slug}/")
    assert response.status_code == 204, response.content
    tenure = survivor.tenures.first()
    if tenure is not None:
        assert editor_api.delete(f"/api/v1/tenures/{tenure.pk}/").status_code == 204
    assert_in_step(mirror, editor_api)
    assert ("events", event.pk) not in mirror.objects
