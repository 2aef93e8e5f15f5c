"""People, offices and tenures as Popolo JSON: persons, organizations, posts and memberships.

Popolo (popoloproject.com) is the common format of civic-data tools. Here a
country's government and each body (ministry, office) are organizations, an
office is a post of its body, and a tenure is a membership of a person in a
post. Dates keep their precision ("2022-05" for a month-precise end).
"""

from collections.abc import Iterator
from datetime import datetime

import orjson
from django.utils.text import slugify
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from common.api.conditional import etag_of_parts
from common.api.docs import ERROR_RESPONSES
from common.api.streaming import streamed
from common.bulk import batched
from common.cache import data_version
from common.dates import format_with_precision
from people.models import Office, Person, Tenure
from people.selectors import country_list, last_people_change, office_list, person_list, tenure_list


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


CHUNK = 2000  # people or tenures per database round trip


def popolo_chunks(counts: dict | None = None) -> Iterator[bytes]:
    """The Popolo document, written a record at a time: ``{"persons": [...], "organizations": [...], "posts":
    [...], "memberships": [...]}``, in constant memory whatever the number of people and tenures (offices and
    countries, a few thousand, are held to derive the organizations). ``counts`` receives each list's length."""
    counts = {} if counts is None else counts
    people = person_list().select_related("nationality").prefetch_related("other_names", "identifiers")
    yield b'{"persons":['
    yield from _items(counts, "persons", (popolo_person(p) for p in people.order_by("id").iterator(CHUNK)))
    offices = list(office_list().prefetch_related("other_titles").order_by("id"))
    organizations = popolo_organizations(offices, country_list())
    yield b'],"organizations":['
    yield from _items(counts, "organizations", organizations)
    yield b'],"posts":['
    yield from _items(counts, "posts", (popolo_post(o) for o in offices))
    yield b'],"memberships":['
    tenures = tenure_list().order_by("start", "id").iterator(CHUNK)
    yield from _items(counts, "memberships", (popolo_membership(t) for t in tenures))
    yield b"]}"


def _items(counts: dict, part: str, items) -> Iterator[bytes]:
    counts[part] = 0
    for item in items:
        yield (b"," if counts[part] else b"") + orjson.dumps(item)
        counts[part] += 1


def popolo_validators(request) -> tuple[str, datetime | None]:
    """ETag and Last-Modified of the document without reading it: the data version and the last change of a
    person, office, tenure or country."""
    last = last_people_change()
    return etag_of_parts(request.path, data_version(), last), last


@extend_schema(
    summary="People, offices and tenures as Popolo JSON (streamed)",
    description="persons, organizations (governments and their bodies), posts (offices) and memberships "
    "(tenures), following the Popolo specification.",
    responses={200: OpenApiResponse(OpenApiTypes.OBJECT), **ERROR_RESPONSES},
    operation_id="export_popolo",  # as the URL name (drf-spectacular's had a dot in it)
)
class PopoloExportView(APIView):
    permission_classes = [AllowAny]

    def get(self, request, *args, **kwargs):
        validators = popolo_validators(request)
        return streamed(request, lambda: batched(popolo_chunks()), "application/json", "popolo.json", validators)
