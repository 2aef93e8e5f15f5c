"""Streamed downloads (the exports): admitted a few at a time per client, closed cleanly however they end.

A client (a signed-in user, or an address) holds at most ``EXPORTS_PER_CLIENT`` downloads open at once, each
keeping a server process busy; a slot is counted in the shared cache and given back when the download ends,
fails, or is abandoned (the server closes the response), whether or not a line was read.
"""

from collections.abc import Callable, Iterator
from datetime import datetime

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from rest_framework.throttling import AnonRateThrottle

from common.api.conditional import not_modified, set_validators
from common.api.exceptions import error_body

EXPORTS_PER_CLIENT = 2  # streams one client may hold open at once; each keeps a server process busy
SLOT_SECONDS = 3600  # a slot a crashed process never gave back is free again after this


def _client_key(request) -> str:
    user = getattr(request, "user", None)
    who = (
        f"user:{user.pk}"
        if user is not None and user.is_authenticated
        else f"ip:{AnonRateThrottle().get_ident(request)}"
    )
    return f"exports:{who}"


def _take_slot(key: str) -> bool:
    cache.add(key, 0, SLOT_SECONDS)
    if cache.incr(key) > EXPORTS_PER_CLIENT:
        cache.decr(key)
        return False
    return True


def streamed(
    request,
    start: Callable[[], Iterator[bytes]],
    content_type: str,
    filename: str,
    validators: tuple[str, datetime | None] | None = None,
) -> HttpResponse:
    """The lines ``start()`` gives, as a streamed download; a 304 to a client that has it (``validators``: ETag,
    Last-Modified), a 429 when the client already has its share of exports running.

    ``start`` runs only once the export is admitted; the export's query runs as the client reads."""
    if validators is not None:
        unchanged = not_modified(request, *validators)
        if unchanged is not None:
            return unchanged
    key = _client_key(request)
    if not _take_slot(key):
        message = f"At most {EXPORTS_PER_CLIENT} exports at once per client: wait for one to finish."
        response = JsonResponse(error_body(429, "throttled", message), status=429)
        response["Retry-After"] = "30"
        return response
    try:
        lines = start()
    except BaseException:
        cache.decr(key)
        raise
    response = StreamingHttpResponse(_Download(lines, lambda: cache.decr(key)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if validators is not None:
        set_validators(response, *validators)
    return response


class _Download:
    """An export's lines; closing it (the stream ended, failed, or the client went away: the server closes the
    response) ends the export's query and gives the client's slot back, whether or not a line was read."""

    def __init__(self, lines: Iterator[bytes], release: Callable[[], None]) -> None:
        self.lines, self.release, self.closed = lines, release, False

    def __iter__(self) -> "_Download":
        return self

    def __next__(self) -> bytes:
        try:
            return next(self.lines)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            if hasattr(self.lines, "close"):
                self.lines.close()
        finally:
            self.release()
