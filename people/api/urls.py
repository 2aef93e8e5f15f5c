from django.urls import path
from rest_framework.routers import SimpleRouter

from people.api.popolo import PopoloExportView
from people.api.views import CountryViewSet, OfficeViewSet, PersonViewSet, TenureViewSet

router = SimpleRouter()
router.register("countries", CountryViewSet, basename="country")
router.register("people", PersonViewSet, basename="person")
router.register("offices", OfficeViewSet, basename="office")
router.register("tenures", TenureViewSet, basename="tenure")

urlpatterns = [
    path("exports/popolo.json", PopoloExportView.as_view(), name="export-popolo"),
    *router.urls,
]
