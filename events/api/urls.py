from rest_framework.routers import SimpleRouter

from events.api.views import EventViewSet, SourceViewSet, TopicViewSet

router = SimpleRouter()
router.register("events", EventViewSet, basename="event")
router.register("topics", TopicViewSet, basename="topic")
router.register("sources", SourceViewSet, basename="source")

urlpatterns = router.urls
