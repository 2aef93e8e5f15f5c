"""People, offices and tenures as Popolo JSON: persons, organizations, posts and memberships.

Popolo (popoloproject.com) is the common format of civic-data tools. Here a
country's government and each body (ministry, office) are organizations, an
office is a post of its body, and a tenure is a membership of a person in a
post. Dates keep their precision ("2022-05" for a month-precise end).
"""

from django.utils.text import slugify
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from common.api.conditional import ConditionalMixin
from common.api.docs import ERROR_RESPONSES
from common.dates import format_with_precision
from people.models import Office, Person, Tenure
from people.selectors import country_list, office_list, person_list, person_with_details, tenure_list


def person_id(person: Person) -> str:
    return f"person/{person.slug}"


def post_id(office: Office) -> str:
    return f"post/{office.slug}"


def government_id(iso2: str) -> str:
    return f"organization/{iso2.lower()}"


def body_id(office: Office) -> str:
    scope = office.country.iso2.lower() if office.country_id else "international"
    return f"organization/{scope}/{slugify(office.body)}" if office.body else government_id(scope)


def popolo_person(person: Person) -> dict:
    other_names = [{"name": n.name, "note": n.note or n.language or None} for n in person.other_names.all()]
    if person.native_name:
        other_names.append({"name": person.native_name, "note": "native script"})
    return {
        "id": person_id(person),
        "name": person.name,
        "sort_name": person.sort_name,
        "summary": person.description or None,
        "national_identity": person.nationality.name if person.nationality_id else None,
        "other_names": other_names,
        "identifiers": [{"scheme": i.scheme, "identifier": i.identifier} for i in person.identifiers.all()],
        "created_at": person.created_at.isoformat(),
        "updated_at": person.updated_at.isoformat(),
    }


def popolo_post(office: Office) -> dict:
    return {
        "id": post_id(office),
        "label": office.title,
        "other_label": [t.name for t in office.other_titles.all()],
        "role": office.get_kind_display(),
        "organization_id": body_id(office),
        "created_at": office.created_at.isoformat(),
        "updated_at": office.updated_at.isoformat(),
    }


def popolo_membership(tenure: Tenure) -> dict:
    return {
        "id": f"membership/{tenure.pk}",
        "label": tenure.get_status_display(),
        "role": tenure.office.title,
        "person_id": person_id(tenure.person),
        "post_id": post_id(tenure.office),
        "organization_id": body_id(tenure.office),
        "start_date": format_with_precision(tenure.start, tenure.start_precision),
        "end_date": format_with_precision(tenure.end, tenure.end_precision) or None,
        "created_at": tenure.created_at.isoformat(),
        "updated_at": tenure.updated_at.isoformat(),
    }


def popolo_organizations(offices: list[Office], countries) -> list[dict]:
    organizations = {
        government_id(c.iso2): {
            "id": government_id(c.iso2),
            "name": f"Government of {c.name}",
            "classification": "government",
            "other_names": [{"name": n.name, "note": n.language or None} for n in c.other_names.all()],
            "identifiers": [{"scheme": "iso3166-1-alpha-2", "identifier": c.iso2}],
        }
        for c in countries
    }
    for office in offices:
        key = body_id(office)
        if key not in organizations:
            parent = government_id(office.country.iso2) if office.country_id else None
            organizations[key] = {
                "id": key,
                "name": office.body or "International organisations",
                "classification": "body",
                "parent_id": parent,
            }
    return list(organizations.values())


def popolo_document() -> dict:
    offices = list(office_list().prefetch_related("other_titles"))
    return {
        "persons": [popolo_person(p) for p in person_with_details(person_list())],
        "organizations": popolo_organizations(offices, country_list()),
        "posts": [popolo_post(o) for o in offices],
        "memberships": [popolo_membership(t) for t in tenure_list().order_by("start", "id")],
    }


@extend_schema(
    summary="People, offices and tenures as Popolo JSON",
    description="persons, organizations (governments and their bodies), posts (offices) and memberships "
    "(tenures), following the Popolo specification.",
    responses={200: OpenApiResponse(OpenApiTypes.OBJECT), **ERROR_RESPONSES},
)
class PopoloExportView(ConditionalMixin, APIView):
    permission_classes = [AllowAny]

    @extend_schema(operation_id="export_popolo")  # as the URL name (drf-spectacular's had a dot in it)
    def get(self, request, *args, **kwargs):
        return Response(popolo_document())
