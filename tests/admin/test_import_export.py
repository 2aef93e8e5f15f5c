"""Rule 6: CSV, XLSX and JSON import and export, with a dry-run preview, per-row errors, all or nothing."""

import datetime

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from events.models import Event, ReviewState
from events.resources import EventResource
from people.models import Office, Person, Tenure
from people.resources import OfficeResource, PersonResource, TenureResource
from tests.factories import CountryFactory, EventFactory, OfficeFactory, PersonFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db
D = datetime.date
FORMAT_INDEX = {"csv": 0, "xlsx": 1, "json": 2}  # the admin's import formats, in order


def _dataset(headers: list[str], rows: list[list]) -> tablib.Dataset:
    return tablib.Dataset(*rows, headers=headers)


PEOPLE_HEADERS = ["slug", "name", "sort_name", "native_name", "nationality", "description"]


@pytest.fixture
def korea():
    return CountryFactory(iso2="KR", name="South Korea")


# --- round trips through each format ---------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize(
    ("resource", "model"), [(PersonResource, Person), (OfficeResource, Office), (TenureResource, Tenure)]
)
def test_export_then_import_round_trips_without_duplicates(fmt, resource, model, korea):
    person = PersonFactory(nationality=korea)
    office = OfficeFactory(country=korea)
    Tenure.objects.create(person=person, office=office, start=D(2020, 8, 20), single_holder=True)
    exported = resource().export().export(fmt)
    before = model.objects.count()
    dataset = tablib.Dataset().load(exported, format=fmt)
    result = resource().import_data(dataset)
    assert not result.has_errors() and not result.has_validation_errors()
    assert model.objects.count() == before
    assert result.totals["skip"] == before  # unchanged rows are reported as skipped


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_events_export_with_topics_sources_and_review_state(fmt):
    event = EventFactory(slug="talks", review_state=ReviewState.PUBLISHED)
    event.topics.add(TopicFactory(slug="alliance"))
    source = SourceFactory()
    event.sources.add(source)
    dataset = tablib.Dataset().load(EventResource().export().export(fmt), format=fmt)
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["slug"], row["topics"], str(row["sources"]), row["review_state"]) == (
        "talks",
        '["alliance"]',
        f'["{source.url}"]',  # a source by its URL (events.csv_format)
        "published",
    )


# --- validation: every row or none ------------------------------------------------------------


def test_a_bad_row_writes_nothing_and_names_the_row(korea):
    dataset = _dataset(
        PEOPLE_HEADERS,
        [
            ["choi-jong-kun", "Choi Jong-kun", "Choi, Jong-kun", "", "KR", ""],
            ["nobody", "Nobody", "Nobody", "", "XX", ""],  # no such country
        ],
    )
    result = PersonResource().import_data(dataset)
    assert result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] == [2]
    assert result.invalid_rows[0].field_specific_errors["nationality"] == ["No country has iso2 'XX'."]
    assert Person.objects.count() == 0


def test_an_overlapping_tenure_row_is_refused_with_the_usual_message(korea):
    office = OfficeFactory(slug="kr-1vfm", country=korea, single_holder=True)
    PersonFactory(slug="choi"), PersonFactory(slug="lee")
    dataset = _dataset(
        ["person", "office", "start", "start_precision", "end", "end_precision", "status", "note"],
        [
            ["choi", "kr-1vfm", "2020-08-20", "day", "2022-05-10", "day", "holder", ""],
            ["lee", "kr-1vfm", "2021-01-01", "day", "", "day", "holder", ""],
        ],
    )
    result = TenureResource().import_data(dataset)
    assert result.has_validation_errors()
    assert "one holder at a time" in str([r.error_dict for r in result.invalid_rows])
    assert office.tenures.count() == 0


def test_an_imported_tenure_is_written_by_the_service_and_keeps_its_sources(korea):
    OfficeFactory(slug="kr-1vfm", country=korea, single_holder=True)
    PersonFactory(slug="choi")
    headers = ["person", "office", "start", "start_precision", "end", "end_precision", "status", "note"]
    row = ["choi", "kr-1vfm", "2020-08-20", "day", "", "day", "holder", ""]
    assert not TenureResource().import_data(_dataset(headers, [row])).has_validation_errors()
    tenure = Tenure.objects.get()
    assert tenure.history.latest().history_change_reason == "admin import"
    tenure.sources.add(SourceFactory())
    row[4] = "2022-05-10"  # the tenure ended: the file says so, and says nothing of sources
    assert not TenureResource().import_data(_dataset(headers, [row])).has_validation_errors()
    tenure.refresh_from_db()
    assert tenure.end == datetime.date(2022, 5, 10) and tenure.sources.count() == 1
    assert tenure.history.latest().history_change_reason == "admin import"


def test_imported_events_are_drafts_whatever_the_file_says():
    topic, source = TopicFactory(slug="alliance"), SourceFactory()
    dataset = _dataset(
        ["slug", "title", "kind", "start_date", "topics", "sources", "review_state"],
        [["talks", "Talks", "talks", "2020-09-10", "alliance", str(source.pk), "published"]],
    )
    result = EventResource().import_data(dataset)
    assert not result.has_errors() and not result.has_validation_errors()
    event = Event.objects.get(slug="talks")
    assert event.review_state == ReviewState.DRAFT
    assert list(event.topics.all()) == [topic] and list(event.sources.all()) == [source]


def test_a_curator_cannot_change_a_published_event_by_import(curator, editor):
    EventFactory(slug="talks", title="Talks", review_state=ReviewState.PUBLISHED).sources.add(SourceFactory())
    dataset = _dataset(["slug", "title", "kind", "start_date"], [["talks", "Changed", "talks", "2021-03-01"]])
    result = EventResource().import_data(dataset, user=curator)
    assert result.has_validation_errors()
    assert Event.objects.get(slug="talks").title == "Talks"
    result = EventResource().import_data(dataset, user=editor)
    assert not result.has_validation_errors()
    assert Event.objects.get(slug="talks").title == "Changed"


# --- the admin: dry-run preview, then confirm ----------------------------------------------------


def _upload(client, path: str, dataset: tablib.Dataset, fmt: str):
    content = dataset.export(fmt)
    content = content.encode() if isinstance(content, str) else content
    upload = SimpleUploadedFile(f"people.{fmt}", content)
    return client.post(f"{path}import/", {"format": FORMAT_INDEX[fmt], "import_file": upload})


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_admin_import_previews_then_writes_on_confirmation(curator_client, curator, korea, fmt):
    dataset = _dataset(PEOPLE_HEADERS, [["choi-jong-kun", "Choi Jong-kun", "Choi, Jong-kun", "최종건", "KR", ""]])
    preview = _upload(curator_client, "/admin/people/person/", dataset, fmt)
    assert preview.status_code == 200
    result = preview.context["result"]
    assert [row.import_type for row in result.rows] == ["new"]
    assert "Choi Jong-kun" in preview.content.decode()
    assert Person.objects.count() == 0  # the preview is a dry run
    confirm = preview.context["confirm_form"].initial
    response = curator_client.post("/admin/people/person/process_import/", confirm)
    assert response.status_code == 302
    person = Person.objects.get(slug="choi-jong-kun")
    assert person.native_name == "최종건" and person.nationality == korea
    assert person.history.latest().history_user == curator


def test_admin_import_shows_errors_per_row_and_offers_no_confirmation(curator_client, korea):
    dataset = _dataset(
        PEOPLE_HEADERS,
        [
            ["choi-jong-kun", "Choi Jong-kun", "Choi, Jong-kun", "", "KR", ""],
            ["lee-do-hoon", "", "Lee, Do-hoon", "", "KR", ""],  # no name
        ],
    )
    preview = _upload(curator_client, "/admin/people/person/", dataset, "csv")
    assert preview.context["result"].has_validation_errors()
    assert "confirm_form" not in preview.context
    assert [row.number for row in preview.context["result"].invalid_rows] == [2]
    html = preview.content.decode()
    assert "Some rows failed to validate" in html
    assert "<td>2 </td>" in html and "This field cannot be blank." in html
    assert Person.objects.count() == 0


@pytest.mark.parametrize(
    "path", ["/admin/people/person/", "/admin/people/office/", "/admin/people/tenure/", "/admin/events/event/"]
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_admin_exports_each_format(editor_client, path, fmt):
    form = editor_client.get(f"{path}export/").context["form"]
    every_field = {name: "on" for name, field in form.fields.items() if getattr(field, "is_selectable_field", False)}
    response = editor_client.post(f"{path}export/", every_field | {"format": FORMAT_INDEX[fmt], "resource": "0"})
    assert response.status_code == 200, response.content[:500]
    assert f".{fmt}" in response["Content-Disposition"]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_admin_imports_tenures_and_events_by_natural_keys(curator_client, korea, fmt):
    PersonFactory(slug="choi-jong-kun"), OfficeFactory(slug="kr-1vfm", country=korea)
    TopicFactory(slug="alliance")
    source = SourceFactory()
    tenures = _dataset(
        ["person", "office", "start", "start_precision", "end", "end_precision", "status", "note"],
        [["choi-jong-kun", "kr-1vfm", "2020-08-20", "day", "2022-05-10", "day", "holder", ""]],
    )
    preview = _upload(curator_client, "/admin/people/tenure/", tenures, fmt)
    curator_client.post("/admin/people/tenure/process_import/", preview.context["confirm_form"].initial)
    assert Tenure.objects.get().office.slug == "kr-1vfm"
    events = _dataset(
        ["slug", "title", "kind", "start_date", "country", "topics", "sources", "review_state"],
        [["talks", "Talks", "talks", "2020-09-10", "KR", "alliance", str(source.pk), "published"]],
    )
    preview = _upload(curator_client, "/admin/events/event/", events, fmt)
    curator_client.post("/admin/events/event/process_import/", preview.context["confirm_form"].initial)
    event = Event.objects.get(slug="talks")
    assert (event.review_state, event.country, [t.slug for t in event.topics.all()]) == ("draft", korea, ["alliance"])


# --- events go through the services: nothing the API would refuse, nothing silently dropped ----------------


EVENT_HEADERS = ["slug", "title", "kind", "start_date", "topics", "sources"]


@pytest.fixture
def published_talks():
    event = EventFactory(slug="talks", title="Talks", review_state=ReviewState.PUBLISHED)
    event.topics.add(TopicFactory(slug="alliance"))
    event.sources.add(SourceFactory())
    return event


def test_an_unknown_topic_slug_or_source_id_is_a_row_error_and_the_event_keeps_its_links(
    editor_client, published_talks
):
    source = published_talks.sources.get()
    rows = [["talks", "Talks", "talks", "2020-09-10", "alliance|aliance", f"{source.pk}|99999"]]
    preview = _upload(editor_client, "/admin/events/event/", _dataset(EVENT_HEADERS, rows), "csv")
    result = preview.context["result"]
    assert "confirm_form" not in preview.context
    errors = result.invalid_rows[0].field_specific_errors
    assert errors["topics"] == ["No topic with slug aliance: nothing was imported."]
    assert errors["sources"] == ["No source with id 99999: nothing was imported."]
    published_talks.refresh_from_db()
    assert [t.slug for t in published_talks.topics.all()] == ["alliance"]
    assert list(published_talks.sources.all()) == [source]


def test_a_new_event_without_a_source_is_refused_like_the_api_refuses_it(editor):
    TopicFactory(slug="alliance")
    result = EventResource().import_data(
        _dataset(EVENT_HEADERS, [["talks", "Talks", "talks", "2020-09-10", "alliance", ""]]), user=editor
    )
    assert result.invalid_rows[0].field_specific_errors["sources"] == ["Every event rests on at least one source."]
    assert not Event.objects.exists()


def test_columns_left_out_keep_the_events_values_and_participants(editor, published_talks):
    participation = published_talks.participations.create(
        person=PersonFactory(), role="host", title_as_reported="Minister"
    )
    result = EventResource().import_data(
        _dataset(["slug", "title", "kind", "start_date"], [["talks", "Renamed", "talks", "2020-09-10"]]), user=editor
    )
    assert not result.has_errors() and not result.has_validation_errors(), result.invalid_rows
    published_talks.refresh_from_db()
    assert published_talks.title == "Renamed"
    assert [t.slug for t in published_talks.topics.all()] == ["alliance"]
    assert published_talks.sources.count() == 1
    assert [p.pk for p in published_talks.participations.all()] == [participation.pk]  # kept, same id


def test_an_imported_change_leaves_one_history_entry_with_the_user_and_a_reason(editor_client, editor, published_talks):
    before = published_talks.history.count()
    TopicFactory(slug="trade")
    source = published_talks.sources.get()
    rows = [["talks", "Talks, renamed", "talks", "2020-09-10", "alliance|trade", str(source.pk)]]
    preview = _upload(editor_client, "/admin/events/event/", _dataset(EVENT_HEADERS, rows), "csv")
    editor_client.post("/admin/events/event/process_import/", preview.context["confirm_form"].initial)
    assert published_talks.history.count() == before + 1
    entry = published_talks.history.latest()
    assert (entry.title, entry.history_user, entry.history_change_reason) == ("Talks, renamed", editor, "admin import")
    assert sorted(t.topic.slug for t in entry.topics.all()) == ["alliance", "trade"]  # the entry holds the new list


def test_the_import_page_does_not_offer_the_read_only_review_state(curator_client):
    page = curator_client.get("/admin/events/event/import/")
    (_, columns), *_ = page.context["fields_list"]
    assert "review_state" not in columns and "topics" in columns


def test_an_imported_person_is_written_by_the_service_with_the_reason(korea):
    headers = ["slug", "name", "sort_name", "native_name", "nationality", "description"]
    rows = [["choi-jong-kun", "Choi Jong-kun", "Choi, Jong-kun", "최종건", "KR", ""]]
    assert not PersonResource().import_data(_dataset(headers, rows)).has_validation_errors()
    person = Person.objects.get(slug="choi-jong-kun")
    assert person.history.latest().history_change_reason == "admin import"
