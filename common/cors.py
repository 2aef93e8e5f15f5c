"""Paths any origin may call from a browser, whatever ``CORS_ALLOWED_ORIGINS`` says (settings
``CORS_ANY_ORIGIN_URLS_REGEX``; by default the GraphQL read API)."""

import re

from django.conf import settings
from django.http import HttpRequest


def open_to_any_origin(sender, request: HttpRequest, **kwargs) -> bool:
    """django-cors-headers' ``check_request_enabled``: true for a path matching the setting.

    Cookies are not part of it (no Access-Control-Allow-Credentials unless CORS_ALLOW_CREDENTIALS is set),
    and writes by session cookie need the CSRF token anyway, so another site can read public data but
    change nothing.
    """
    pattern = settings.CORS_ANY_ORIGIN_URLS_REGEX
    return bool(pattern) and re.match(pattern, request.path_info) is not None
