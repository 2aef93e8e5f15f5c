"""generate_synthetic_data: a dataset in proportion, consistent with the tenures, the same for a seed."""

from io import StringIO
from itertools import pairwise
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, Q

from common.dates import is_normalised
from events.models import Event, Participation, Topic, TopicName
from events.synthetic import URL_ROOT, event_rows, generate_synthetic_data, slug_prefix
from people.models import Country, Office, Person, Tenure, TenureStatus
from people.selectors import offices_held_on
from sources.models import Source

pytestmark = pytest.mark.django_db

N, SEED, OTHER_SEED = 50, 7, 8
FIXTURES = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "fixtures").glob("*.json"))


def _generate(seed: int = SEED, events: int = N) -> str:
    out = StringIO()
    call_command("generate_synthetic_data", events=events, seed=seed, verbosity=0, stdout=out)
    return out.getvalue()


def _events(seed: int = SEED):
    return Event.objects.filter(slug__startswith=slug_prefix(seed=seed))


def _fingerprint(seed: int) -> dict[str, list[tuple]]:
    """Everything a run wrote for ``seed``, by natural keys rather than primary keys."""
    prefix = slug_prefix(seed=seed)
    events = _events(seed)
    return {
        "events": list(
            events.order_by("slug").values_list(
                *("slug", "title", "kind", "start_date", "start_precision", "end_date", "status", "city"),
                *("country__iso2", "venue", "summary", "review_state"),
            )
        ),
        "participations": list(
            Participation.objects.filter(event__in=events)
            .order_by("event__slug", "role", "person__slug")
            .values_list("event__slug", "role", "person__slug", "office__slug", "country__iso2", "title_as_reported")
        ),
        "people": list(
            Person.objects.filter(slug__startswith=prefix)
            .order_by("slug")
            .values_list("slug", "name", "sort_name", "native_name", "nationality__iso2", "description")
        ),
        "tenures": list(
            Tenure.objects.filter(office__slug__startswith=prefix)
            .order_by("office__slug", "start", "status")
            .values_list("office__slug", "person__slug", "start", "start_precision", "end", "status")
        ),
        "sources": list(
            Source.objects.filter(url__startswith=f"{URL_ROOT}/{seed}/")
            .order_by("url")
            .values_list("url", "publisher", "agency", "headline", "byline", "published_on")
        ),
        "event_topics": sorted(events.values_list("slug", "topics__slug")),
        "event_sources": sorted(events.values_list("slug", "sources__url")),
    }


def _delete(seed: int) -> None:
    prefix = slug_prefix(seed=seed)
    _events(seed).delete()
    Source.objects.filter(url__startswith=f"{URL_ROOT}/{seed}/").delete()
    Tenure.objects.filter(office__slug__startswith=prefix).delete()
    Office.objects.filter(slug__startswith=prefix).delete()
    Person.objects.filter(slug__startswith=prefix).delete()
    Topic.objects.filter(slug__startswith=prefix, parent__isnull=False).delete()
    Topic.objects.filter(slug__startswith=prefix).delete()


def test_sizes_are_in_proportion_to_the_events():
    result = generate_synthetic_data(events=N, seed=SEED)
    connection.check_constraints()  # the deferred foreign keys (and on PostgreSQL the composite one) hold

    prefix = slug_prefix(seed=SEED)
    assert _events().count() == N
    assert Person.objects.filter(slug__startswith=prefix).count() == 20
    assert Office.objects.filter(slug__startswith=prefix).count() == 10
    assert Source.objects.filter(url__startswith=f"{URL_ROOT}/{SEED}/").count() == N // 2
    topics = Topic.objects.filter(slug__startswith=prefix)
    assert 30 <= topics.count() <= 50
    assert topics.filter(parent__isnull=True).count() >= 5
    assert not topics.filter(parent__parent__isnull=False).exists()  # two levels
    assert TopicName.objects.filter(topic__in=topics).exists()
    assert result.rows[Event._meta.db_table] == N
    assert result.method == ("copy" if connection.vendor == "postgresql" else "insert")

    for event in _events().annotate(
        n_people=Count("participations", distinct=True),
        n_topics=Count("topics", distinct=True),
        n_sources=Count("sources", distinct=True),
    ):
        assert 2 <= event.n_people <= 4, event
        assert 1 <= event.n_topics <= 3, event
        assert 1 <= event.n_sources <= 2, event


def test_the_command_prints_what_it_made():
    out = _generate()
    assert "Generated seed 7" in out
    assert f"{Event._meta.db_table}" in out
    assert f"{Participation._meta.db_table}" in out


def test_holders_of_a_single_holder_office_never_overlap():
    _generate()
    tenures = Tenure.objects.filter(office__slug__startswith=slug_prefix(seed=SEED)).select_related("office")
    assert tenures.exists()
    assert all(t.single_holder == t.office.single_holder for t in tenures)
    holders = tenures.filter(office__single_holder=True, status=TenureStatus.HOLDER).order_by("office_id", "start")
    for a, b in pairwise(holders):
        if a.office_id == b.office_id:
            assert a.end is not None, f"{a} is still in office when {b} starts"
            assert a.end < b.start, f"{a} overlaps {b}"
    assert tenures.filter(status=TenureStatus.ACTING).exists()
    assert all(is_normalised(t.start, t.start_precision) for t in tenures)


def test_every_participant_held_the_recorded_office_on_the_event_date():
    _generate()
    participations = Participation.objects.filter(event__in=_events()).select_related("event", "office")
    assert participations.count() >= 2 * N
    for p in participations:
        day = p.event.start_date
        held = Tenure.objects.filter(person_id=p.person_id, office_id=p.office_id, start__lte=day).filter(
            Q(end__isnull=True) | Q(end__gte=day)
        )
        assert held.exists(), f"{p} on {day}"
        assert p.office in offices_held_on(person=p.person_id, day=day)
        assert p.country_id == p.office.country_id
        assert p.title_as_reported in {p.office.title, *p.office.other_titles.values_list("name", flat=True)}
        assert p.role in {"host", "guest", "participant"}
    assert {"host", "guest"} <= set(participations.values_list("role", flat=True))


def test_dates_are_stored_normalised_and_some_are_vague():
    _generate(events=400)
    events = list(_events())
    assert all(is_normalised(e.start_date, e.start_precision) for e in events)
    assert {e.start_precision for e in events} == {"day", "month", "year"}
    assert all(e.end_date is None or e.end_date > e.start_date for e in events)


def test_the_same_seed_gives_the_same_rows_whatever_else_is_in_the_database():
    _generate(SEED)
    first = _fingerprint(SEED)
    _delete(SEED)
    assert not _events().exists()

    _generate(OTHER_SEED)  # other rows first: other primary keys, the same content
    _generate(SEED)
    assert _fingerprint(SEED) == first
    assert _fingerprint(OTHER_SEED)["events"] != first["events"]


def test_the_chunk_size_changes_how_rows_are_written_not_which(monkeypatch):
    monkeypatch.setattr(event_rows, "EVENT_BLOCK", 10)
    generate_synthetic_data(events=N, seed=SEED, chunk_size=10)  # five batches
    in_batches = _fingerprint(SEED)
    _delete(SEED)
    generate_synthetic_data(events=N, seed=SEED, chunk_size=1000)  # one
    assert _fingerprint(SEED) == in_batches


def test_two_seeds_live_side_by_side_without_collisions():
    _generate(SEED)
    _generate(OTHER_SEED)
    assert _events(SEED).count() == N
    assert _events(OTHER_SEED).count() == N
    assert not Country.objects.values("iso2").annotate(n=Count("id")).filter(n__gt=1).exists()
    assert Source.objects.count() == 2 * (N // 2)


def test_generating_a_seed_twice_is_refused():
    _generate(SEED)
    with pytest.raises(CommandError, match="seed 7 already generated"):
        _generate(SEED)
    assert _events().count() == N


def test_an_existing_country_is_reused_not_duplicated():
    korea = Country.objects.create(iso2="KR", iso3="KOR", name="Korea (curated)")
    result = generate_synthetic_data(events=N, seed=SEED)
    assert result.countries_reused == 1
    assert Country.objects.filter(iso2="KR").get() == korea
    assert Country.objects.get(iso2="KR").name == "Korea (curated)"
    assert Participation.objects.filter(event__in=_events(), country=korea).exists()
    assert Person.objects.filter(slug__startswith=slug_prefix(seed=SEED), nationality=korea).exists()


def test_it_adds_to_the_curated_fixtures_and_leaves_the_database_usable():
    call_command("loaddata", *FIXTURES, verbosity=0)
    curated_events = set(Event.objects.values_list("slug", flat=True))
    curated_countries = dict(Country.objects.values_list("iso2", "pk"))

    _generate()
    connection.check_constraints()

    assert set(Event.objects.exclude(slug__startswith=slug_prefix(seed=SEED)).values_list("slug", flat=True)) == (
        curated_events
    )
    for iso2, pk in curated_countries.items():
        assert Country.objects.filter(iso2=iso2).get().pk == pk
    # The sequences were moved past the keys the generator allocated.
    topic = Topic.objects.create(name="Added after generating", slug="added-after-generating")
    assert topic.pk > Topic.objects.exclude(pk=topic.pk).order_by("-pk").first().pk


def _foreign_keys() -> set[tuple[str, str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND connamespace = 'public'::regnamespace"
        )
        return set(cursor.fetchall())


@pytest.mark.postgresql
def test_copy_keeps_the_postgresql_constraints_and_satisfies_them():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'people_tenure'::regclass AND conname = ANY(%s)",
            [["tenure_no_overlap", "tenure_office_single_holder_fk"]],
        )
        assert {row[0] for row in cursor.fetchall()} == {"tenure_no_overlap", "tenure_office_single_holder_fk"}
    foreign_keys = _foreign_keys()

    result = generate_synthetic_data(events=N, seed=SEED)

    assert result.method == "copy"
    # The foreign keys of the big tables, dropped for the load, are back as they were.
    assert _foreign_keys() == foreign_keys
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check the deferred composite key now
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


@pytest.mark.postgresql
def test_the_planner_knows_the_loaded_sizes_on_postgresql():
    """Statistics are refreshed after the bulk load, so the APIs' queries get index plans at once."""
    generate_synthetic_data(events=300, seed=41)
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'events_participation'")
        (estimate,) = cursor.fetchone()
    assert estimate >= Participation.objects.count() * 0.5
