"""ETag / Last-Modified on reads (304 on a conditional GET) and If-Match on writes (412 when stale).

An ETag is a hash of the resource's JSON representation, so it changes
whenever anything the client sees changes (a person's tenures included)
and never otherwise. The same hash answers GET, PUT, PATCH and DELETE.
"""

import hashlib
import json
from datetime import datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, parse_etags, quote_etag

from common.api.exceptions import PreconditionFailed


def _without_urls(node: Any) -> Any:
    """The representation minus its API links, which depend on the host name the client used."""
    if isinstance(node, dict):
        return {k: _without_urls(v) for k, v in node.items() if k not in ("url", "next", "previous")}
    if isinstance(node, list):
        return [_without_urls(item) for item in node]
    return node


def etag_for(data: Any) -> str:
    payload = json.dumps(_without_urls(data), sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    return quote_etag(hashlib.sha256(payload).hexdigest()[:32])


def _latest_update(data: Any) -> datetime | None:
    """The latest ``updated_at`` anywhere in a representation."""
    found: list[datetime] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "updated_at" and isinstance(value, str):
                    parsed = parse_datetime(value)
                    if parsed:
                        found.append(parsed)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return max(found) if found else None


def _strip_weak(tag: str) -> str:
    return tag[2:] if tag.startswith("W/") else tag


def check_if_match(request, current_etag: str) -> None:
    """Refuse a write whose If-Match names another version (weak comparison: gzip weakens ETags)."""
    header = request.headers.get("If-Match")
    if not header:
        return
    if header.strip() == "*":
        return
    wanted = {_strip_weak(t) for t in parse_etags(header)}
    if _strip_weak(current_etag) not in wanted:
        raise PreconditionFailed()


class ConditionalMixin:
    """For DRF generic views: ETag and Last-Modified on successful reads and writes, 304 when unchanged."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (
            request.method in ("GET", "HEAD", "POST", "PUT", "PATCH")
            and 200 <= response.status_code < 300
            and not response.streaming
            and getattr(response, "data", None) is not None
        ):
            etag = etag_for(response.data)
            response["ETag"] = etag
            last_modified = _latest_update(response.data)
            if last_modified is not None:
                response["Last-Modified"] = http_date(last_modified.timestamp())
            if request.method in ("GET", "HEAD"):
                # If-Modified-Since is honoured on single resources only: a list whose row was
                # deleted or unpublished can change without its newest updated_at changing.
                # The ETag covers both.
                honour_date = last_modified is not None and getattr(self, "action", None) == "retrieve"
                response = get_conditional_response(
                    request._request,
                    etag=etag,
                    last_modified=int(last_modified.timestamp()) if honour_date else None,
                    response=response,
                )
        return response
