"""Liveness and readiness for load balancers and container health checks.

``/healthz``: the process answers (no database touched). ``/readyz``: the database answers
``SELECT 1`` within a second; otherwise 503 within about a second, so a balancer stops sending
traffic to a machine whose database is gone. Both are answered first thing, before host
validation and sessions, so a probe on 127.0.0.1 works whatever ``ALLOWED_HOSTS`` says, and
neither is cached or throttled.
"""

from __future__ import annotations

import time

from django.db import DEFAULT_DB_ALIAS, connections
from django.http import HttpRequest, JsonResponse

READY_TIMEOUT_SECONDS = 1


def database_ready() -> tuple[bool, str]:
    """Whether the default database answers within ``READY_TIMEOUT_SECONDS``, and what went wrong if not."""
    settings = connections[DEFAULT_DB_ALIAS].settings_dict
    try:
        if settings["ENGINE"] == "django.db.backends.postgresql":
            import psycopg

            # A connection of its own, outside the pool: a dead database must not keep the probe
            # waiting for a pooled connection (DB_POOL_TIMEOUT) or hold one the requests need.
            with psycopg.connect(
                dbname=settings["NAME"],
                user=settings.get("USER") or None,
                password=settings.get("PASSWORD") or None,
                host=settings.get("HOST") or None,
                port=settings.get("PORT") or None,
                connect_timeout=READY_TIMEOUT_SECONDS,
                options=f"-c statement_timeout={READY_TIMEOUT_SECONDS * 1000}",
                application_name="attache-readyz",
            ) as conn:
                conn.execute("SELECT 1")
        else:
            with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                cursor.execute("SELECT 1")
    except Exception as exc:  # any failure means not ready; say which
        return False, type(exc).__name__
    return True, ""


class HealthMiddleware:
    """Answers the two probe paths before any other middleware runs."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.path_info == "/healthz":
            return JsonResponse({"status": "ok"})
        if request.path_info == "/readyz":
            started = time.monotonic()
            ready, problem = database_ready()
            body = {"status": "ok" if ready else "unavailable", "database": "ok" if ready else problem}
            body["seconds"] = round(time.monotonic() - started, 3)
            return JsonResponse(body, status=200 if ready else 503)
        return self.get_response(request)
