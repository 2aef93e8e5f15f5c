"""Read serializers for events, topics and sources; the event write serializer.

An event renders everything a client needs in one call: participants (person,
role, the office held then), topics, sources, place, dates with precision.
"""

from rest_framework import serializers

from common.api.fields import known
from events.models import Event, Participation, Topic
from people.api.serializers import CountryRefSerializer, OfficeRefSerializer, OtherNameSerializer, PersonRefSerializer
from people.models import Country, Office, Person
from sources.models import Source


class TopicParentSerializer(serializers.ModelSerializer):
    """A topic wherever another resource names one: id, slug and name (docs/vocabulary.md)."""

    class Meta:
        model = Topic
        fields = ["id", "slug", "name"]
        read_only_fields = fields


class TopicRefSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    parent_ref = TopicParentSerializer(
        source="parent", read_only=True, allow_null=True, help_text="The parent topic as an object."
    )

    class Meta:
        model = Topic
        fields = ["id", "slug", "name", "parent", "parent_ref"]
        read_only_fields = fields


class TopicSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:topic-detail", lookup_field="slug")
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    parent_ref = TopicParentSerializer(
        source="parent", read_only=True, allow_null=True, help_text="The parent topic as an object."
    )
    other_names = OtherNameSerializer(many=True, read_only=True)

    class Meta:
        model = Topic
        fields = [
            "url",
            "id",
            "slug",
            "name",
            "parent",
            "parent_ref",
            "description",
            "other_names",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class SourceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")

    class Meta:
        model = Source
        fields = [
            "url",
            "id",
            "link",
            "publisher",
            "agency",
            "headline",
            "byline",
            "published_on",
            "published_precision",
            "language",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    link = serializers.CharField(
        source="url", read_only=True, help_text="Where the report can be read: a URL, or empty when it is not online."
    )


class SourceRefSerializer(serializers.ModelSerializer):
    link = serializers.CharField(
        source="url", read_only=True, help_text="Where the report can be read: a URL, or empty when it is not online."
    )

    class Meta:
        model = Source
        fields = ["id", "link", "publisher", "agency", "headline", "byline", "published_on", "published_precision"]
        read_only_fields = fields


class SourceInParticipantSerializer(serializers.ModelSerializer):
    """A source named by a participant: id, link, publisher and headline (sources have no slug or name)."""

    link = serializers.CharField(source="url", read_only=True)

    class Meta:
        model = Source
        fields = ["id", "link", "publisher", "headline"]
        read_only_fields = fields


class ParticipantSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer(read_only=True, allow_null=True)
    office = OfficeRefSerializer(read_only=True, allow_null=True, help_text="The office held on the event date.")
    country = serializers.CharField(source="country.iso2", default=None, read_only=True, allow_null=True)
    country_ref = CountryRefSerializer(
        source="country", read_only=True, allow_null=True, help_text="The country as an object (id, iso2, name)."
    )
    source = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    source_ref = SourceInParticipantSerializer(
        source="source", read_only=True, allow_null=True, help_text="The source as an object."
    )

    class Meta:
        model = Participation
        fields = [
            "id",
            "person",
            "description",
            "affiliation",
            "role",
            "office",
            "title_as_reported",
            "country",
            "country_ref",
            "source",
            "source_ref",
            "quote",
        ]
        read_only_fields = fields


class EventSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:event-detail", lookup_field="slug")
    country = CountryRefSerializer(read_only=True, allow_null=True)
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    topics = TopicRefSerializer(many=True, read_only=True)
    sources = SourceRefSerializer(many=True, read_only=True)
    cameo_code = serializers.CharField(read_only=True)
    plover_category = serializers.CharField(read_only=True)
    plover_mode = serializers.CharField(read_only=True)

    class Meta:
        model = Event
        fields = [
            "url",
            "id",
            "slug",
            "title",
            "kind",
            "cameo_code",
            "plover_category",
            "plover_mode",
            "status",
            "review_state",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "city",
            "venue",
            "country",
            "summary",
            "participants",
            "topics",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
        # The model properties above and the columns they are computed from (common.api.shapes).
        property_columns = {"cameo_code": ("kind",), "plover_category": ("kind",), "plover_mode": ("kind",)}


def _choices(model, name):
    return model._meta.get_field(name).choices


class ParticipantWriteSerializer(serializers.Serializer):
    person = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Person.objects.all(),
        required=False,
        allow_null=True,
        error_messages=known("person"),
    )
    role = serializers.ChoiceField(choices=_choices(Participation, "role"), default="participant")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    affiliation = serializers.CharField(required=False, allow_blank=True, default="")
    country = serializers.SlugRelatedField(
        slug_field="iso2",
        queryset=Country.objects.all(),
        required=False,
        allow_null=True,
        error_messages=known("country code"),
    )
    title_as_reported = serializers.CharField(required=False, allow_blank=True, default="")
    office = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Office.objects.all(),
        required=False,
        allow_null=True,
        help_text="Leave out to have it filled from the person's tenures on the event date.",
        error_messages=known("office"),
    )
    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), required=False, allow_null=True, error_messages=known("source", by_id=True)
    )
    quote = serializers.CharField(required=False, allow_blank=True, default="")


class EventWriteSerializer(serializers.Serializer):
    """An event with its participants, topics (slugs) and sources (ids), written in one transaction."""

    title = serializers.CharField(max_length=300)
    slug = serializers.SlugField(max_length=200)
    kind = serializers.ChoiceField(choices=_choices(Event, "kind"))
    start_date = serializers.DateField()
    start_precision = serializers.ChoiceField(choices=_choices(Event, "start_precision"), default="day")
    end_date = serializers.DateField(required=False, allow_null=True, default=None)
    end_precision = serializers.ChoiceField(choices=_choices(Event, "end_precision"), default="day")
    status = serializers.ChoiceField(choices=_choices(Event, "status"), default="took_place")
    city = serializers.CharField(required=False, allow_blank=True, default="")
    country = serializers.SlugRelatedField(
        slug_field="iso2",
        queryset=Country.objects.all(),
        required=False,
        allow_null=True,
        error_messages=known("country code"),
    )
    venue = serializers.CharField(required=False, allow_blank=True, default="")
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    participants = ParticipantWriteSerializer(many=True, required=False, default=list)
    topics = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Topic.objects.all(),
        many=True,
        required=False,
        default=list,
        error_messages=known("topic"),
    )
    sources = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), many=True, error_messages=known("source", by_id=True)
    )

    def validate_participants(self, value: list[dict]) -> list[dict]:
        seen: dict[tuple, int] = {}
        errors: list[dict] = [{} for _ in value]
        for index, p in enumerate(value):
            if p.get("person") is None:
                continue
            key = (p["person"].pk, p.get("role", "participant"))
            if key in seen:
                errors[index] = {"person": [f"Already listed as participants[{seen[key]}] with the role {key[1]}."]}
            seen.setdefault(key, index)
        if any(errors):
            raise serializers.ValidationError(errors)
        return value
