"""Two writers sending the same version at once: one wins, the other gets 412 (PostgreSQL row locks)."""

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from tests.factories import EventFactory, SourceFactory


@pytest.mark.postgresql  # SQLite's shared in-memory test database fails a waiting writer at once ("table is locked")
@pytest.mark.django_db(transaction=True)
def test_concurrent_writes_with_the_same_if_match_let_exactly_one_through(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("editor")  # a published event: only editors change it
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_event", "change_event", "publish_event"]))
    event = EventFactory(review_state="published")
    event.sources.add(SourceFactory())
    url = f"/api/v1/events/{event.slug}/"
    reader = APIClient()
    etag = reader.get(url)["ETag"]

    barrier, statuses = threading.Barrier(2), []

    def write(venue: str) -> None:
        api = APIClient()
        api.force_authenticate(user)
        barrier.wait()
        statuses.append(api.patch(url, {"venue": venue}, format="json", HTTP_IF_MATCH=etag).status_code)
        connection.close()

    threads = [threading.Thread(target=write, args=(v,)) for v in ("Seoul", "Washington")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [200, 412]
