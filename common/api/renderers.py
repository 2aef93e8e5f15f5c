"""JSON rendering with orjson: several times faster than the standard library for a page of 100 events.

The output matches DRF's own ``JSONRenderer`` (compact, UTF-8, date-times in ISO 8601 with ``Z``
for UTC); ``?indent`` requests (``Accept: application/json; indent=4``) still go through DRF's.
"""

from typing import Any

import orjson
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.encoders import JSONEncoder

_drf_default = JSONEncoder().default  # DRF's conversions: lazy strings, Decimals, date-times with "Z", ...
OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


def render_json(data: Any) -> bytes:
    return orjson.dumps(data, default=_drf_default, option=OPTIONS)


class FastJSONRenderer(JSONRenderer):
    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        if data is None:
            return b""
        if self.get_indent(accepted_media_type or "", renderer_context or {}):
            return super().render(data, accepted_media_type, renderer_context)
        return render_json(data)
