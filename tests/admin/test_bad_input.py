"""No 500 in the admin (issue #16.8): each bad input is a form error naming the field, and nothing is saved."""

import datetime

import pytest

from events.models import Participation, ReviewState
from people.models import Tenure
from tests.admin.conftest import sourced_event
from tests.factories import OfficeFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def _page_data(client, url: str, rows: dict[str, list[dict]]) -> dict:
    """What the browser posts: the form's current values, each inline's saved rows, and ``rows`` added."""
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {n: str(form[n].value()) for n in form.fields if form[n].value() not in (None, "")}
    for inline in page.context["inline_admin_formsets"]:
        prefix, formset = inline.formset.prefix, inline.formset
        fk = formset.fk.name
        saved = [
            {k: "" if v is None else str(getattr(v, "pk", v)) for k, v in f.initial.items()}
            | {"id": str(f.instance.pk), fk: str(formset.instance.pk)}
            for f in formset.initial_forms
        ]
        every = saved + rows.get(prefix, [])
        data |= {f"{prefix}-TOTAL_FORMS": str(len(every)), f"{prefix}-INITIAL_FORMS": str(len(saved))}
        for i, row in enumerate(every):
            data |= {f"{prefix}-{i}-{k}": v for k, v in row.items()}
    return data


def _errors(response) -> str:
    assert response.status_code == 200, response.status_code  # the form again, not a redirect or a 500
    return response.content.decode()


@pytest.mark.parametrize("start", ["", "not a date"])
def test_a_tenure_without_a_valid_start_is_a_form_error(curator_client, start):
    person, office = PersonFactory(), OfficeFactory()
    data = {"person": person.pk, "office": office.pk, "status": "holder", "start": start}
    data |= {"start_precision": "day", "end_precision": "day"}
    html = _errors(curator_client.post("/admin/people/tenure/add/", data))
    assert "This field is required." in html or "Enter a valid date." in html
    assert not Tenure.objects.exists()


def test_a_tenure_row_without_a_start_on_a_person_page_is_a_form_error(curator_client):
    person, office = PersonFactory(), OfficeFactory()
    row = {"office": str(office.pk), "status": "holder", "start": "", "start_precision": "day", "end_precision": "day"}
    url = f"/admin/people/person/{person.pk}/change/"
    html = _errors(curator_client.post(url, _page_data(curator_client, url, {"tenures": [row]})))
    assert "This field is required." in html
    assert not Tenure.objects.exists()


def test_two_new_overlapping_rows_of_a_one_holder_office_are_refused_against_each_other(curator_client):
    person, office = PersonFactory(), OfficeFactory(title="Foreign Minister", single_holder=True)
    rows = [
        {"office": str(office.pk), "status": "holder", "start": "2020-01-01", "end": "2021-01-01"},
        {"office": str(office.pk), "status": "holder", "start": "2020-06-01", "end": ""},
    ]
    rows = [r | {"start_precision": "day", "end_precision": "day"} for r in rows]
    url = f"/admin/people/person/{person.pk}/change/"
    html = _errors(curator_client.post(url, _page_data(curator_client, url, {"tenures": rows})))
    assert "Foreign Minister has one holder at a time, and this row overlaps the row of" in html
    assert not Tenure.objects.exists()


def test_rows_of_an_office_with_several_holders_may_overlap(curator_client):
    person, office = PersonFactory(), OfficeFactory(single_holder=False)
    rows = [
        {"office": str(office.pk), "status": "holder", "start": "2020-01-01", "end": ""},
        {"office": str(office.pk), "status": "holder", "start": "2020-06-01", "end": ""},
    ]
    rows = [r | {"start_precision": "day", "end_precision": "day"} for r in rows]
    url = f"/admin/people/person/{person.pk}/change/"
    response = curator_client.post(url, _page_data(curator_client, url, {"tenures": rows}))
    assert response.status_code == 302
    assert Tenure.objects.count() == 2


def test_a_participation_row_repeating_a_person_and_role_is_an_error_on_that_row(curator_client):
    event = sourced_event(ReviewState.DRAFT)
    existing = ParticipationFactory(event=event, role="host")
    before = Participation.objects.filter(event=event).count()
    row = {"person": str(existing.person_id), "role": "host", "event": str(event.pk)}
    url = f"/admin/events/event/{event.pk}/change/"
    html = _errors(curator_client.post(url, _page_data(curator_client, url, {"participations": [row]})))
    assert "This person already has this role in the event." in html
    assert Participation.objects.filter(event=event).count() == before


@pytest.mark.parametrize("query", ["?review_state__exact=%00", "?q=a%00b", "?%00=1"])
def test_a_nul_character_in_a_changelist_filter_is_a_400_that_says_so(curator_client, query):
    response = curator_client.get(f"/admin/events/event/{query}")
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
