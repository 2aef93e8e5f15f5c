"""Read serializers for countries, people, offices and tenures, and the tenure write serializer.

Every related object they render comes from the selectors' select_related /
prefetch_related, so a page of any size costs a fixed number of queries.
"""

from rest_framework import serializers

from common.api.fields import known
from people.models import Country, Office, OfficeTitle, Person, PersonIdentifier, Tenure
from sources.models import Source

DATE_PRECISION_HELP = "day, month or year: a date known only to the month is stored as the 1st."


class OtherNameSerializer(serializers.Serializer):
    name = serializers.CharField()
    language = serializers.CharField()
    note = serializers.CharField()


class CountryRefSerializer(serializers.ModelSerializer):
    """A country wherever another resource names one: id, code and name (docs/vocabulary.md)."""

    class Meta:
        model = Country
        fields = ["id", "iso2", "name"]
        read_only_fields = fields


class CountrySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:country-detail", lookup_field="iso2")
    other_names = OtherNameSerializer(many=True, read_only=True)

    class Meta:
        model = Country
        fields = ["url", "iso2", "iso3", "name", "other_names", "created_at", "updated_at"]
        read_only_fields = fields


class PersonRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "slug", "name"]
        read_only_fields = fields


class OfficeRefSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.iso2", default=None, read_only=True)
    country_ref = CountryRefSerializer(
        source="country", read_only=True, allow_null=True, help_text="The country as an object (id, iso2, name)."
    )

    class Meta:
        model = Office
        fields = ["id", "slug", "title", "country", "country_ref"]
        read_only_fields = fields


class IdentifierSerializer(serializers.ModelSerializer):
    class Meta:
        model = PersonIdentifier
        fields = ["scheme", "identifier"]
        read_only_fields = fields


class TenureInPersonSerializer(serializers.ModelSerializer):
    office = OfficeRefSerializer(read_only=True)

    class Meta:
        model = Tenure
        fields = ["id", "office", "start", "start_precision", "end", "end_precision", "status", "updated_at"]
        read_only_fields = fields


class TenureInOfficeSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer(read_only=True)

    class Meta:
        model = Tenure
        fields = ["id", "person", "start", "start_precision", "end", "end_precision", "status", "updated_at"]
        read_only_fields = fields


class PersonSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:person-detail", lookup_field="slug")
    nationality = CountryRefSerializer(read_only=True, allow_null=True)
    other_names = OtherNameSerializer(many=True, read_only=True)
    identifiers = IdentifierSerializer(many=True, read_only=True)
    tenures = TenureInPersonSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "url",
            "id",
            "slug",
            "name",
            "sort_name",
            "native_name",
            "nationality",
            "description",
            "other_names",
            "identifiers",
            "tenures",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class OfficeTitleSerializer(serializers.ModelSerializer):
    class Meta:
        model = OfficeTitle
        fields = ["name", "language", "note"]
        read_only_fields = fields


class OfficeSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:office-detail", lookup_field="slug")
    country = CountryRefSerializer(read_only=True, allow_null=True)
    other_titles = OfficeTitleSerializer(many=True, read_only=True)
    tenures = TenureInOfficeSerializer(many=True, read_only=True, help_text="Who held this office (GraphQL's name).")
    holders = TenureInOfficeSerializer(
        source="tenures", many=True, read_only=True, help_text="Deprecated: the same list as tenures."
    )

    class Meta:
        model = Office
        fields = [
            "url",
            "id",
            "slug",
            "title",
            "country",
            "body",
            "kind",
            "single_holder",
            "description",
            "other_titles",
            "tenures",
            "holders",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class TenureSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:tenure-detail")
    person = PersonRefSerializer(read_only=True)
    office = OfficeRefSerializer(read_only=True)
    sources = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Tenure
        fields = [
            "url",
            "id",
            "person",
            "office",
            "start",
            "start_precision",
            "end",
            "end_precision",
            "status",
            "note",
            "sources",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class TenureWriteSerializer(serializers.Serializer):
    """What a curator sends to record a tenure: the person and office by slug, sources by id."""

    person = serializers.SlugRelatedField(
        slug_field="slug", queryset=Person.objects.all(), error_messages=known("person")
    )
    office = serializers.SlugRelatedField(
        slug_field="slug", queryset=Office.objects.all(), error_messages=known("office")
    )
    start = serializers.DateField()
    start_precision = serializers.ChoiceField(choices=Tenure._meta.get_field("start_precision").choices, default="day")
    end = serializers.DateField(required=False, allow_null=True, default=None)
    end_precision = serializers.ChoiceField(choices=Tenure._meta.get_field("end_precision").choices, default="day")
    status = serializers.ChoiceField(choices=Tenure._meta.get_field("status").choices, default="holder")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    sources = serializers.PrimaryKeyRelatedField(
        many=True,
        queryset=Source.objects.all(),
        required=False,
        default=list,
        error_messages=known("source", by_id=True),
    )
