"""REST views for events, topics and sources: thin wrappers over events.selectors and services."""

from drf_spectacular.utils import extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, DjangoModelPermissionsOrAnonReadOnly

from common.api.conditional import ConditionalMixin
from common.api.docs import ERROR_RESPONSES, WRITE_ERROR_RESPONSES, if_match_parameter
from common.api.filters import SelectorFiltersMixin, SlugOrIdLookupMixin
from common.api.pagination import EventCursorPagination
from common.api.views import ConditionalWriteMixin
from events.api.filters import EventFilterSet, SourceFilterSet, TopicFilterSet
from events.api.serializers import EventSerializer, EventWriteSerializer, SourceSerializer, TopicSerializer
from events.selectors import EventFilters, event_list, event_with_details, source_list, topic_list
from events.services import (
    EventIn,
    ParticipantIn,
    event_create,
    event_delete,
    event_patch,
    event_publish,
    event_retract,
    event_return_to_draft,
    event_submit_for_review,
    event_update,
)


def event_values(data: dict) -> dict:
    """Validated write data as ``EventIn`` values (participants as ``ParticipantIn``)."""
    if "participants" in data:
        data["participants"] = [ParticipantIn(**p) for p in data["participants"]]
    return data


@extend_schema_view(
    list=extend_schema(
        summary="List events (cursor-paginated)",
        description="Anonymous clients see published events; curators (events.change_event) see every review state.",
        responses={200: EventSerializer(many=True), **ERROR_RESPONSES},
    ),
    retrieve=extend_schema(summary="An event, by slug or id", responses={200: EventSerializer, **ERROR_RESPONSES}),
    create=extend_schema(
        summary="Create an event with its participants, topics and sources (curators)",
        description="The event starts as a draft; publish it through the review workflow. "
        "A participant's office is filled from the person's tenures on the event date when left out.",
        request=EventWriteSerializer,
        responses={201: EventSerializer, **WRITE_ERROR_RESPONSES},
    ),
    update=extend_schema(
        summary="Replace an event, its participants, topics and sources (curators)",
        request=EventWriteSerializer,
        parameters=[if_match_parameter()],
        responses={200: EventSerializer, **WRITE_ERROR_RESPONSES},
    ),
    partial_update=extend_schema(
        summary="Change some fields of an event (curators); a list given replaces the whole list",
        request=EventWriteSerializer(partial=True),
        parameters=[if_match_parameter()],
        responses={200: EventSerializer, **WRITE_ERROR_RESPONSES},
    ),
    destroy=extend_schema(
        summary="Delete an event (editors: events.delete_event and events.publish_event)",
        parameters=[if_match_parameter()],
        responses={204: None, **WRITE_ERROR_RESPONSES},
    ),
)
class EventViewSet(ConditionalWriteMixin, SelectorFiltersMixin, SlugOrIdLookupMixin, viewsets.ModelViewSet):
    serializer_class = EventSerializer
    write_serializer_class = EventWriteSerializer
    filterset_class = EventFilterSet
    pagination_class = EventCursorPagination
    permission_classes = [DjangoModelPermissionsOrAnonReadOnly]

    def event_filters(self) -> EventFilters:
        filterset = self.validated_filterset()
        return filterset.event_filters() if filterset else EventFilters()

    def build_queryset(self):
        return event_with_details(event_list(filters=self.event_filters(), user=self.request.user))

    def perform_write(self, instance, data: dict, *, partial: bool):
        values = event_values(dict(data))
        if instance is None:
            return event_create(data=EventIn(**values))
        if partial:
            return event_patch(event=instance, changes=values, user=self.request.user)
        return event_update(event=instance, data=EventIn(**values), user=self.request.user)

    def perform_remove(self, instance) -> None:
        event_delete(event=instance, user=self.request.user)

    # --- the review workflow: draft → in review → published (→ retracted)

    @extend_schema(
        operation_id="events_submit",  # not events_<action>_create: a readable name in generated clients
        summary="Hand a draft (or a corrected retracted event) to the editors (curators)",
        request=None,
        parameters=[if_match_parameter()],
        responses={200: EventSerializer, **WRITE_ERROR_RESPONSES},
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, *args, **kwargs):
        return self.conditional_change(request, lambda e: event_submit_for_review(event=e, user=request.user))

    @extend_schema(
        operation_id="events_return_to_draft",
        summary="Take an event out of review, back to draft (curators)",
        request=None,
        parameters=[if_match_parameter()],
        responses={200: EventSerializer, **WRITE_ERROR_RESPONSES},
    )
    @action(detail=True, methods=["post"], url_path="return-to-draft")
    def return_to_draft(self, request, *args, **kwargs):
        return self.conditional_change(request, lambda e: event_return_to_draft(event=e, user=request.user))

    @extend_schema(
        operation_id="events_publish",
        summary="Publish a reviewed event (editors: events.publish_event)",
        request=None,
        parameters=[if_match_parameter()],
        responses={200: EventSerializer, **WRITE_ERROR_RESPONSES},
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, *args, **kwargs):
        return self.conditional_change(request, lambda e: event_publish(event=e, user=request.user))

    @extend_schema(
        operation_id="events_retract",
        summary="Withdraw a published event from the public, saying why (editors)",
        request=inline_serializer("RetractIn", {"reason": serializers.CharField()}),
        parameters=[if_match_parameter()],
        responses={200: EventSerializer, **WRITE_ERROR_RESPONSES},
    )
    @action(detail=True, methods=["post"])
    def retract(self, request, *args, **kwargs):
        reason = request.data.get("reason", "")  # the body is an object (ConditionalWriteMixin.initial)
        if not isinstance(reason, str):
            raise serializers.ValidationError({"reason": ["A string: say why the event is retracted."]})
        return self.conditional_change(request, lambda e: event_retract(event=e, user=request.user, reason=reason))


@extend_schema_view(
    list=extend_schema(summary="List topics", responses={200: TopicSerializer(many=True), **ERROR_RESPONSES}),
    retrieve=extend_schema(summary="A topic, by slug or id", responses={200: TopicSerializer, **ERROR_RESPONSES}),
)
class TopicViewSet(ConditionalMixin, SelectorFiltersMixin, SlugOrIdLookupMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]  # read-only: writes answer 405
    serializer_class = TopicSerializer
    filterset_class = TopicFilterSet

    def build_queryset(self):
        return topic_list(**self.filter_kwargs())


@extend_schema_view(
    list=extend_schema(
        summary="List sources (the reports events rest on)",
        responses={200: SourceSerializer(many=True), **ERROR_RESPONSES},
    ),
    retrieve=extend_schema(summary="A source, by id", responses={200: SourceSerializer, **ERROR_RESPONSES}),
)
class SourceViewSet(ConditionalMixin, SelectorFiltersMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]  # read-only: writes answer 405
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet

    def build_queryset(self):
        return source_list(**self.filter_kwargs())
