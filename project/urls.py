from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView

admin.site.site_header = "Attaché curation"
admin.site.site_title = "Attaché"
admin.site.index_title = "Curate diplomacy data"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    # Sources moved from the events app to their own; bookmarks of the old admin pages still work.
    re_path(
        r"^admin/events/source/(?P<rest>.*)$",
        RedirectView.as_view(url="/admin/sources/source/%(rest)s", query_string=True),
    ),
    path("admin/", admin.site.urls),
    path("", include("project.api_urls")),  # REST: /api/v1/…, /api/schema/, /api/docs/
    path("", include("project.graphql_urls")),  # GraphQL: /graphql/
]
