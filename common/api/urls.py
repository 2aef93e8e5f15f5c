from django.urls import path

from common.api.changes import ChangesView

urlpatterns = [path("changes/", ChangesView.as_view(), name="changes")]
