from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

admin.site.site_header = "Attaché curation"
admin.site.site_title = "Attaché"
admin.site.index_title = "Curate diplomacy data"

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("admin/", admin.site.urls),
    path("", include("project.api_urls")),  # REST: /api/v1/…, /api/schema/, /api/docs/
    path("", include("project.graphql_urls")),  # GraphQL: /graphql/
]
