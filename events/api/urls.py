from django.urls import path
from rest_framework.routers import SimpleRouter

from events.api.dumps import DumpFileView, DumpManifestView
from events.api.exports import EventCSVExportView, EventImportCSVExportView, EventJSONLinesExportView
from events.api.ingest import IngestView
from events.api.views import EventViewSet, SourceViewSet, TopicViewSet

router = SimpleRouter()
router.register("events", EventViewSet, basename="event")
router.register("topics", TopicViewSet, basename="topic")
router.register("sources", SourceViewSet, basename="source")

urlpatterns = [
    path("exports/events.csv", EventCSVExportView.as_view(), name="export-events-csv"),
    path("exports/events.import.csv", EventImportCSVExportView.as_view(), name="export-events-import-csv"),
    path("exports/events.jsonl", EventJSONLinesExportView.as_view(), name="export-events-jsonl"),
    path("dumps/", DumpManifestView.as_view(), name="dumps"),
    path("dumps/<str:build>/<str:name>", DumpFileView.as_view(), name="dumps-file"),
    path("ingest/", IngestView.as_view(), name="ingest"),
    *router.urls,
]
