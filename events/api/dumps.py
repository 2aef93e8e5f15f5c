"""GET /api/v1/dumps/: the latest prebuilt dumps' manifest; GET /api/v1/dumps/{build}/{name}: one of its files.

The dumps are written by ``manage.py build_dumps`` (``events.dumps``) into ``DUMPS_DIR``. A file's path names its
build, so a file never changes once written: it is served with its SHA-256 as ETag and cached for a year. The two
newest builds stay on disk, so a client still reading the previous manifest can finish.
"""

import json
import re

from django.conf import settings
from django.http import FileResponse, HttpResponseNotModified
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.docs import ERROR_RESPONSES
from events.dumps import DUMPS, MANIFEST

BUILD = re.compile(r"^\d{8}T\d{12}Z$")
NAMES = {dump.name for dump in DUMPS}

DUMP_FILE_FIELDS = {
    "name": serializers.CharField(),
    "url": serializers.URLField(help_text="Where to download it (gzip)."),
    "path": serializers.CharField(),
    "media_type": serializers.CharField(help_text="Of the content, once decompressed."),
    "compression": serializers.CharField(),
    "rows": serializers.DictField(child=serializers.IntegerField(), help_text="Records by kind."),
    "bytes": serializers.IntegerField(),
    "sha256": serializers.CharField(),
}
ManifestSerializer = inline_serializer(
    name="DumpManifest",
    fields={
        "generated_at": serializers.DateTimeField(),
        "changes_since": serializers.DateTimeField(
            help_text="The moment of the snapshot: ask /api/v1/changes/?since= this for what came after."
        ),
        "newest_change": serializers.DateTimeField(allow_null=True),
        "base_url": serializers.CharField(),
        "files": inline_serializer(name="DumpFile", fields=DUMP_FILE_FIELDS, many=True),
    },
)


def _manifest() -> dict:
    try:
        return json.loads((settings.DUMPS_DIR / MANIFEST).read_text())
    except FileNotFoundError:
        raise NotFound(
            "No dump has been built yet (manage.py build_dumps). The live exports stream from "
            "/api/v1/exports/events.jsonl, events.csv, events.import.csv and popolo.json."
        ) from None


class DumpManifestView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="dumps_manifest",
        summary="The latest prebuilt dumps: every published event, people, offices and tenures, gzipped",
        description="Built nightly from one snapshot. Verify each file's sha256, load it, then continue with "
        "/api/v1/changes/?since={changes_since}.",
        responses={200: ManifestSerializer, **ERROR_RESPONSES},
    )
    def get(self, request, *args, **kwargs):
        manifest = _manifest()
        for item in manifest["files"]:
            item["url"] = request.build_absolute_uri(f"/api/v1/dumps/{item['path']}")
        return Response(manifest)


class DumpFileView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="dumps_file",
        summary="One prebuilt dump file (gzip)",
        responses={(200, "application/gzip"): OpenApiResponse(OpenApiTypes.BINARY), **ERROR_RESPONSES},
    )
    def get(self, request, build: str, name: str, *args, **kwargs):
        path = settings.DUMPS_DIR / build / name
        if not BUILD.match(build) or name not in NAMES or not path.is_file():
            raise NotFound(f"No dump file {build}/{name}: see /api/v1/dumps/ for the latest.")
        etag = f'"{build}/{name}"'  # a build's files never change
        if etag in request.headers.get("If-None-Match", ""):
            response = HttpResponseNotModified()
        else:
            file = open(path, "rb")  # noqa: SIM115 - FileResponse closes it
            response = FileResponse(file, as_attachment=True, filename=name, content_type="application/gzip")
        response["ETag"] = etag
        response["Cache-Control"] = "public, max-age=31536000, immutable"
        return response
