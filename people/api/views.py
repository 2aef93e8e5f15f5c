"""REST views for countries, people, offices and tenures: thin wrappers over people.selectors and services."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import AllowAny, DjangoModelPermissionsOrAnonReadOnly

from common.api.conditional import ConditionalMixin
from common.api.docs import ERROR_RESPONSES, WRITE_ERROR_RESPONSES, if_match_parameter
from common.api.filters import SelectorFiltersMixin, SlugOrIdLookupMixin
from common.api.views import ConditionalWriteMixin
from people.api.filters import CountryFilterSet, OfficeFilterSet, PersonFilterSet, TenureFilterSet
from people.api.serializers import (
    CountrySerializer,
    OfficeSerializer,
    PersonSerializer,
    TenureSerializer,
    TenureWriteSerializer,
)
from people.selectors import (
    country_list,
    office_list,
    office_with_details,
    person_list,
    person_with_details,
    tenure_list,
    tenure_with_details,
)
from people.services import tenure_create, tenure_delete, tenure_patch, tenure_update


@extend_schema_view(
    list=extend_schema(summary="List countries", responses={200: CountrySerializer(many=True), **ERROR_RESPONSES}),
    retrieve=extend_schema(
        summary="A country, by ISO 3166-1 alpha-2 code", responses={200: CountrySerializer, **ERROR_RESPONSES}
    ),
)
class CountryViewSet(ConditionalMixin, SelectorFiltersMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]  # read-only: writes answer 405
    serializer_class = CountrySerializer
    filterset_class = CountryFilterSet
    lookup_field = "iso2"
    lookup_value_regex = "[A-Za-z]{2}"

    def build_queryset(self):
        return country_list(**self.filter_kwargs())

    def get_object(self):
        self.kwargs["iso2"] = self.kwargs["iso2"].upper()
        return super().get_object()


@extend_schema_view(
    list=extend_schema(summary="List people", responses={200: PersonSerializer(many=True), **ERROR_RESPONSES}),
    retrieve=extend_schema(
        summary="A person with their tenures, by slug or id", responses={200: PersonSerializer, **ERROR_RESPONSES}
    ),
)
class PersonViewSet(ConditionalMixin, SelectorFiltersMixin, SlugOrIdLookupMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]  # read-only: writes answer 405
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet

    def build_queryset(self):
        return person_with_details(person_list(**self.filter_kwargs()))


@extend_schema_view(
    list=extend_schema(summary="List offices", responses={200: OfficeSerializer(many=True), **ERROR_RESPONSES}),
    retrieve=extend_schema(
        summary="An office with its holders, by slug or id", responses={200: OfficeSerializer, **ERROR_RESPONSES}
    ),
)
class OfficeViewSet(ConditionalMixin, SelectorFiltersMixin, SlugOrIdLookupMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]  # read-only: writes answer 405
    serializer_class = OfficeSerializer
    filterset_class = OfficeFilterSet

    def build_queryset(self):
        return office_with_details(office_list(**self.filter_kwargs()))


@extend_schema_view(
    list=extend_schema(
        summary="List tenures (who held which office when)",
        responses={200: TenureSerializer(many=True), **ERROR_RESPONSES},
    ),
    retrieve=extend_schema(summary="A tenure", responses={200: TenureSerializer, **ERROR_RESPONSES}),
    create=extend_schema(
        summary="Record a tenure (curators)",
        request=TenureWriteSerializer,
        responses={201: TenureSerializer, **WRITE_ERROR_RESPONSES},
    ),
    update=extend_schema(
        summary="Replace a tenure (curators)",
        request=TenureWriteSerializer,
        parameters=[if_match_parameter()],
        responses={200: TenureSerializer, **WRITE_ERROR_RESPONSES},
    ),
    partial_update=extend_schema(
        summary="Change some fields of a tenure (curators)",
        request=TenureWriteSerializer(partial=True),
        parameters=[if_match_parameter()],
        responses={200: TenureSerializer, **WRITE_ERROR_RESPONSES},
    ),
    destroy=extend_schema(
        summary="Delete a tenure (curators)",
        parameters=[if_match_parameter()],
        responses={204: None, **WRITE_ERROR_RESPONSES},
    ),
)
class TenureViewSet(ConditionalWriteMixin, SelectorFiltersMixin, viewsets.ModelViewSet):
    serializer_class = TenureSerializer
    write_serializer_class = TenureWriteSerializer
    filterset_class = TenureFilterSet
    permission_classes = [DjangoModelPermissionsOrAnonReadOnly]

    def build_queryset(self):
        return tenure_with_details(tenure_list(**self.filter_kwargs()))

    def perform_write(self, instance, data: dict, *, partial: bool):
        if instance is None:
            return tenure_create(**data)
        if partial:
            return tenure_patch(tenure=instance, changes=data)
        return tenure_update(tenure=instance, **data)

    def perform_remove(self, instance) -> None:
        tenure_delete(tenure=instance)
