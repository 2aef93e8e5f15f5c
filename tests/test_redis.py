"""REDIS_URL, the documented setting for a shared cache, works with a real Redis (issue #16.5).

Runs against Redis on 127.0.0.1:6379 (database 15), or TEST_REDIS_URL. Without one it is skipped,
except where CI_REQUIRE_REDIS is set (``.ci/run`` sets it): there a missing Redis fails loudly.
"""

import os

import pytest
import redis
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle

from tests.api.conftest import FIXTURES

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def _redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except redis.exceptions.RedisError:
        return False


pytestmark = pytest.mark.skipif(
    not os.environ.get("CI_REQUIRE_REDIS") and not _redis_answers(), reason=f"no Redis at {REDIS_URL}"
)


@pytest.fixture
def redis_cache(settings, db):
    from django.core.cache import cache
    from django.core.management import call_command

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    call_command("loaddata", *FIXTURES, verbosity=0)
    cache.clear()
    yield redis.Redis.from_url(REDIS_URL)
    cache.clear()


def test_anonymous_throttling_counts_in_redis(redis_cache, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    client = APIClient()
    assert [client.get("/api/v1/countries/").status_code for _ in range(3)] == [200, 200, 429]
    assert any(b"throttle_anon" in key for key in redis_cache.keys("*"))


def test_the_response_cache_lives_in_redis_and_a_write_makes_it_stale(redis_cache, settings):
    from events.models import Event

    settings.RESPONSE_CACHE_SECONDS = 60
    client = APIClient()
    first = client.get("/api/v1/events/?page_size=1")
    assert (first["X-Cache"], client.get("/api/v1/events/?page_size=1")["X-Cache"]) == ("miss", "hit")
    assert redis_cache.dbsize() > 0
    Event.objects.filter(slug=first.json()["results"][0]["slug"]).update(title="Retitled")
    again = client.get("/api/v1/events/?page_size=1")
    assert again["X-Cache"] == "miss" and again.json()["results"][0]["title"] == "Retitled"
