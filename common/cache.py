"""The response cache: anonymous reads of the REST API and GraphQL queries, answered from the cache.

A response is stored under the request (method, path and query string, ``Accept``; for a
GraphQL POST, its body) and the data version (``common.models.DataVersion``), which the
database raises with every committed write. So a write makes every cached response stale
at once, in every process, and nothing is served from before it; entries also expire
after ``RESPONSE_CACHE_SECONDS``. The cache is Django's default cache: Redis when
``REDIS_URL`` is set (shared by every process and machine), local memory otherwise.

Only anonymous requests are cached (no ``Authorization`` header, no session cookie): what a
signed-in curator sees depends on who they are. Only complete 200 responses are stored
(not streams, not responses that set cookies), GraphQL only for queries without errors.
A hit answers ``If-None-Match`` and ``If-Modified-Since`` with 304 and says ``X-Cache: hit``;
the REST API's anonymous rate limit counts hits as it counts other requests.

``CacheControlMiddleware`` tells browsers and shared caches the same rule: anonymous reads of the APIs are
``public, max-age=<RESPONSE_CACHE_SECONDS, at most PUBLIC_MAX_AGE>``, signed-in reads ``private, no-store``
(they may show unpublished events), writes and errors ``no-store``.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, router
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe
from graphql import OperationType, parse
from graphql.error import GraphQLError

CACHED_PREFIXES = ("/api/v1/",)
UNCACHED_PREFIXES = ("/api/v1/exports/",)  # streamed, and large
GRAPHQL_PATH = "/graphql/"
KEPT_HEADERS = ("Content-Type", "ETag", "Last-Modified", "Vary", "Allow", "Link")


def data_version() -> int | None:
    """The current data version; None when there is none (then nothing is cached)."""
    from common.models import DataVersion

    try:  # from the database this request reads, so the version is never newer than the data read after it
        with connections[router.db_for_read(DataVersion)].cursor() as cursor:
            cursor.execute("SELECT version FROM common_dataversion WHERE id = 1")
            row = cursor.fetchone()
    except DatabaseError:
        return None
    return row[0] if row else None


def is_anonymous(request: HttpRequest) -> bool:
    """No token, no session: the request sees what everyone sees."""
    return "Authorization" not in request.headers and settings.SESSION_COOKIE_NAME not in request.COOKIES


def request_key(request: HttpRequest) -> str | None:
    """What identifies the response to ``request``, or None when it must not come from the cache."""
    if not is_anonymous(request):
        return None
    path = request.path_info
    accept = request.headers.get("Accept", "")
    if request.method == "GET" and (
        (path.startswith(CACHED_PREFIXES) and not path.startswith(UNCACHED_PREFIXES))
        or (path == GRAPHQL_PATH and "query" in request.GET and "text/html" not in accept)
    ):
        material = f"GET {request.get_full_path()} {accept}".encode()
    elif request.method == "POST" and path == GRAPHQL_PATH and request.content_type == "application/json":
        material = b"POST " + path.encode() + b" " + accept.encode() + b" " + request.body
    else:
        return None
    return hashlib.sha256(material).hexdigest()


def is_graphql_query(request: HttpRequest) -> bool:
    """True when the request's GraphQL document holds only queries (never cache a mutation)."""
    import json

    try:
        source = request.GET.get("query", "") if request.method == "GET" else json.loads(request.body)["query"]
        document = parse(source)
    except (ValueError, AttributeError, TypeError, KeyError, GraphQLError):
        return False
    operations = [d for d in document.definitions if hasattr(d, "operation")]
    return bool(operations) and all(op.operation == OperationType.QUERY for op in operations)


def throttled(request: HttpRequest) -> HttpResponse | None:
    """The REST API's anonymous rate limit holds for cached answers too: 429 once it is spent."""
    if not request.path_info.startswith(CACHED_PREFIXES):
        return None
    from rest_framework.settings import api_settings
    from rest_framework.throttling import AnonRateThrottle

    if AnonRateThrottle not in api_settings.DEFAULT_THROTTLE_CLASSES:
        return None
    throttle = AnonRateThrottle()
    if throttle.allow_request(request, None):
        return None
    from rest_framework.exceptions import Throttled

    from common.api.exceptions import error_body

    refused = Throttled(wait=throttle.wait())
    response = JsonResponse(error_body(429, "throttled", str(refused.detail)), status=429)
    if refused.wait is not None:
        response["Retry-After"] = str(int(refused.wait) + 1)
    return response


def storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.path_info == GRAPHQL_PATH:
        return b'"errors"' not in response.content and is_graphql_query(request)
    return True


class ResponseCacheMiddleware:
    """Serves and stores anonymous read responses (``RESPONSE_CACHE_SECONDS``; 0 turns it off)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.RESPONSE_CACHE_SECONDS
        key = request_key(request) if seconds else None
        version = data_version() if key else None
        if version is None:
            return self.get_response(request)
        cache_key = f"attache:response:{version}:{key}"
        entry = cache.get(cache_key)
        if entry is not None:
            refused = throttled(request)
            return refused or self.answer(request, *entry)
        response = self.get_response(request)
        if storable(request, response):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(cache_key, (response.content, headers), seconds)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def answer(request: HttpRequest, content: bytes, headers: dict[str, str]) -> HttpResponse:
        """The stored response, or 304 when the client's If-None-Match / If-Modified-Since says it has it."""
        response = HttpResponse(content, content_type=headers.get("Content-Type"))
        for name, value in headers.items():
            response[name] = value
        last_modified = parse_http_date_safe(headers.get("Last-Modified", ""))
        response = get_conditional_response(
            request, etag=headers.get("ETag"), last_modified=last_modified, response=response
        )
        response["X-Cache"] = "hit"
        return response


API_PREFIXES = ("/api/", GRAPHQL_PATH)
PUBLIC_MAX_AGE = 60  # seconds a browser or CDN may reuse a public answer without asking (a write shows after this)


def cache_control(request: HttpRequest, response: HttpResponse) -> str:
    if request.method not in ("GET", "HEAD"):
        return "no-store"
    if not is_anonymous(request):
        return "private, no-store"
    if response.status_code not in (200, 304):
        return "no-store"
    return f"public, max-age={max(0, min(settings.RESPONSE_CACHE_SECONDS, PUBLIC_MAX_AGE))}"


class CacheControlMiddleware:
    """``Cache-Control`` on every REST and GraphQL response that has none (see the module's docstring)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path_info.startswith(API_PREFIXES) and not response.has_header("Cache-Control"):
            response["Cache-Control"] = cache_control(request, response)
            if response["Cache-Control"].startswith("public"):
                patch_vary_headers(response, ("Authorization", "Cookie"))  # signed in, the answer differs
        return response
