"""REST routes: /api/v1/ resources, /api/schema/ (OpenAPI 3), /api/docs/ (Swagger UI), /api/redoc/ (Redoc).

Both explorers load pinned copies from drf-spectacular-sidecar's static files, never a CDN.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from common.api.exceptions import not_found
from project.changes_api import ChangesView

v1 = [
    path("", include("people.api.urls")),
    path("", include("events.api.urls")),
    path("changes/", ChangesView.as_view(), name="changes"),
]

urlpatterns = [
    path("api/v1/", include((v1, "api"), namespace="api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    # Our template (common/templates/api/redoc.html) drops the web fonts and Redoc's CDN logo: all from this server.
    path(
        "api/redoc/",
        SpectacularRedocView.as_view(url_name="api-schema", template_name="api/redoc.html"),
        name="api-redoc",
    ),
    re_path(r"^api/", not_found),
]
