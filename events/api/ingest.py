"""POST /api/v1/ingest/: the article assistant for curators (the permission of the event write endpoints)."""

from django.core.exceptions import RequestDataTooBig
from django.db import transaction
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.docs import WRITE_ERROR_RESPONSES
from events.ingest.drafts import drafts_from_proposal
from events.ingest.proposal import propose
from events.ingest.text import MAX_CHARS
from events.services.ingest import ADD_PERMISSION, article_drafts_create


class CanAddEvents(BasePermission):
    message = f"The article assistant is for curators: it needs the '{ADD_PERMISSION}' permission."

    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.is_authenticated and request.user.has_perm(ADD_PERMISSION))


class IngestIn(serializers.Serializer):
    text = serializers.CharField(allow_blank=True, trim_whitespace=False, help_text="The article as plain text.")
    url = serializers.URLField(required=False, allow_blank=True, default="", max_length=1000)
    publisher = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    published = serializers.DateField(required=False, allow_null=True, default=None, help_text="YYYY-MM-DD")
    save = serializers.ListField(
        child=serializers.IntegerField(min_value=0),
        required=False,
        default=None,
        allow_null=True,
        help_text="Numbers of the proposed events to save as drafts with the source (all dated ones: omit "
        "'save' to only propose). Nothing is saved when any of them is invalid.",
    )


@extend_schema(
    operation_id="ingest_article",
    summary="Propose the source and events of a news article; optionally save chosen events as drafts (curators)",
    description="The proposal: the source's headline, byline, agency, publisher and date; candidate events with "
    "date, place, kind, status, participants (matched people, offices held that day, unknown people as "
    "candidates), topics and countries; every fact with its character span in `text`. Offline, nothing "
    "downloaded. With `save`, the chosen events are created as drafts citing the source (201).",
    request=IngestIn,
    responses={
        200: inline_serializer(
            "IngestProposal", {"source": serializers.DictField(), "events": serializers.ListField()}
        ),
        201: inline_serializer("IngestSaved", {"saved": serializers.DictField()}),
        **WRITE_ERROR_RESPONSES,
    },
)
class IngestView(APIView):
    permission_classes = [CanAddEvents]

    def post(self, request, *args, **kwargs):
        try:
            body = request.data
        except RequestDataTooBig:
            raise ValidationError(
                {"text": [f"The request is too large; an article has at most {MAX_CHARS:,} characters."]}
            ) from None
        if not hasattr(body, "get"):
            raise ValidationError({"non_field_errors": ["The request body must be a JSON object."]})
        given = IngestIn(data=body)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        proposal = propose(data["text"], url=data["url"], publisher=data["publisher"], published=data["published"])
        if data["save"] is None:
            return Response(proposal)
        unknown = sorted(set(data["save"]) - {e["number"] for e in proposal["events"]})
        if unknown:
            raise ValidationError({"save": [f"No proposed event numbered {unknown[0]}."]})
        with transaction.atomic():
            saved = article_drafts_create(drafts=drafts_from_proposal(proposal, data["save"]), user=request.user)
        proposal["saved"] = {
            "source": saved.source.pk,
            "source_created": saved.source_created,
            "events": [{"slug": e.slug, "title": e.title, "review_state": e.review_state} for e in saved.events],
        }
        return Response(proposal, status=status.HTTP_201_CREATED)
