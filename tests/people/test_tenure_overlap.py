"""One holder at a time: Tenure.clean() and tenure_create on every database, the database itself on PostgreSQL."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from people.models import Tenure, TenureStatus
from people.services import tenure_create
from tests.factories import OfficeFactory, PersonFactory, TenureFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def minister():
    return OfficeFactory(title="Minister of Foreign Affairs")


@pytest.fixture
def kang(minister):
    """Kang Kyung-wha, holder from 2017-06-18 to 2021-02-08."""
    return TenureFactory(
        person=PersonFactory(name="Kang Kyung-wha"), office=minister, start=D(2017, 6, 18), end=D(2021, 2, 8)
    )


def _overlap_error(**kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as exc:
        Tenure(person=kwargs.pop("person", None) or PersonFactory(), **kwargs).full_clean()
    return exc.value


# --- validation, both backends -----------------------------------------------


def test_full_clean_refuses_second_overlapping_holder_naming_office_and_other_holder(minister, kang):
    error = _overlap_error(office=minister, start=D(2021, 1, 1), end=D(2022, 5, 10))
    [message] = error.message_dict["start"]
    assert "Minister of Foreign Affairs has one holder at a time" in message
    assert "Kang Kyung-wha" in message
    assert "(2017-06-18 – 2021-02-08)" in message


def test_tenure_create_refuses_overlapping_holder_and_saves_nothing(minister, kang):
    with pytest.raises(ValidationError) as exc:
        tenure_create(person=PersonFactory(name="Chung Eui-yong"), office=minister, start=D(2021, 2, 1))
    assert "Kang Kyung-wha" in exc.value.message_dict["start"][0]
    assert Tenure.objects.count() == 1


def test_tenure_create_allows_an_acting_holder_alongside_the_holder(minister, kang):
    acting = tenure_create(
        person=PersonFactory(), office=minister, start=D(2020, 1, 1), end=D(2020, 2, 1), status=TenureStatus.ACTING
    )
    assert acting.pk is not None


def test_full_clean_allows_two_acting_holders_at_once(minister):
    TenureFactory(office=minister, status=TenureStatus.ACTING, start=D(2020, 1, 1))
    Tenure(person=PersonFactory(), office=minister, status=TenureStatus.ACTING, start=D(2020, 1, 2)).full_clean()


def test_tenure_create_allows_a_designate_while_the_holder_is_in_office(minister, kang):
    designate = tenure_create(
        person=PersonFactory(name="Chung Eui-yong"),
        office=minister,
        start=D(2021, 1, 20),
        end=D(2021, 2, 8),
        status=TenureStatus.DESIGNATE,
    )
    assert designate.pk is not None


def test_full_clean_refuses_two_overlapping_designates(minister):
    TenureFactory(office=minister, status=TenureStatus.DESIGNATE, start=D(2021, 1, 20), end=D(2021, 2, 8))
    error = _overlap_error(office=minister, status=TenureStatus.DESIGNATE, start=D(2021, 2, 1), end=D(2021, 2, 10))
    assert "designate tenure" in error.message_dict["start"][0]


def test_tenure_create_allows_overlapping_holders_of_a_multi_holder_office():
    senator = OfficeFactory(title="Senator", single_holder=False)
    TenureFactory(office=senator, start=D(2019, 1, 3))
    second = tenure_create(person=PersonFactory(), office=senator, start=D(2020, 1, 3))
    assert second.single_holder is False
    assert Tenure.objects.filter(office=senator).count() == 2


def test_tenure_create_allows_a_successor_starting_the_day_after(minister, kang):
    successor = tenure_create(person=PersonFactory(name="Chung Eui-yong"), office=minister, start=D(2021, 2, 9))
    assert successor.pk is not None


def test_full_clean_allows_a_predecessor_ending_the_day_before(minister, kang):
    Tenure(person=PersonFactory(), office=minister, start=D(2013, 3, 11), end=D(2017, 6, 17)).full_clean()


def test_open_ended_tenure_overlaps_every_later_tenure(minister):
    TenureFactory(person=PersonFactory(name="Park Jin"), office=minister, start=D(2022, 5, 12), end=None)
    error = _overlap_error(office=minister, start=D(2030, 1, 1), end=D(2030, 6, 1))
    assert "Park Jin" in error.message_dict["start"][0]
    assert "in office" in error.message_dict["start"][0]


def test_new_open_ended_tenure_overlaps_a_later_recorded_tenure(minister, kang):
    error = _overlap_error(office=minister, start=D(2015, 1, 1), end=None)
    assert "Kang Kyung-wha" in error.message_dict["start"][0]


def test_full_clean_does_not_count_a_saved_tenure_as_overlapping_itself(minister, kang):
    kang.note = "Corrected the source."
    kang.full_clean()


def test_saving_copies_single_holder_from_the_office_without_full_clean():
    tenure = Tenure(person=PersonFactory(), office=OfficeFactory(single_holder=False), start=D(2020, 1, 1))
    tenure.save()  # a script, a shell, a fixture: no full_clean
    tenure.refresh_from_db()
    assert tenure.single_holder is False


def test_full_clean_validates_without_changing_the_tenure():
    tenure = Tenure(person=PersonFactory(), office=OfficeFactory(single_holder=False), start=D(2020, 1, 1))
    tenure.full_clean()
    assert tenure.single_holder is True  # the field's default: clean() validates, it does not write


# --- the database itself, PostgreSQL only --------------------------------------


@pytest.mark.postgresql
def test_postgresql_refuses_overlapping_holder_created_without_validation(minister, kang):
    with pytest.raises(IntegrityError), transaction.atomic():
        Tenure.objects.create(person=PersonFactory(), office=minister, start=D(2020, 1, 1))


@pytest.mark.postgresql
def test_postgresql_refuses_overlapping_holders_in_bulk_create(minister):
    rows = [
        Tenure(person=PersonFactory(), office=minister, start=D(2020, 1, 1), end=D(2020, 12, 31)),
        Tenure(person=PersonFactory(), office=minister, start=D(2020, 6, 1), end=D(2021, 6, 1)),
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        Tenure.objects.bulk_create(rows)
    assert Tenure.objects.count() == 0


@pytest.mark.postgresql
def test_postgresql_accepts_acting_and_designate_overlaps_created_without_validation(minister, kang):
    Tenure.objects.create(person=PersonFactory(), office=minister, start=D(2020, 1, 1), status=TenureStatus.ACTING)
    Tenure.objects.create(person=PersonFactory(), office=minister, start=D(2021, 1, 1), status=TenureStatus.DESIGNATE)
    assert Tenure.objects.count() == 3


@pytest.mark.postgresql
def test_postgresql_office_single_holder_change_cascades_to_its_tenures(minister, kang):
    minister.single_holder = False
    minister.save()
    kang.refresh_from_db()
    assert kang.single_holder is False


@pytest.mark.postgresql
def test_postgresql_refuses_switching_an_office_with_overlapping_tenures_to_single_holder():
    office = OfficeFactory(single_holder=False)
    TenureFactory(office=office, start=D(2020, 1, 1))
    TenureFactory(office=office, start=D(2020, 6, 1))
    office.single_holder = True
    with pytest.raises(IntegrityError), transaction.atomic():
        office.save()


@pytest.mark.postgresql
def test_postgresql_refuses_a_tenure_whose_single_holder_copy_disagrees_with_its_office(minister, kang):
    # Without the composite key, a wrong copy would slip an overlap past the exclusion constraint.
    with pytest.raises(IntegrityError), transaction.atomic():
        # bulk_create writes the row as given (save() would derive the copy from the office)
        Tenure.objects.bulk_create(
            [Tenure(person=PersonFactory(), office=minister, start=D(2020, 1, 1), single_holder=False)]
        )
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS tenure_office_single_holder_fk IMMEDIATE")


@pytest.mark.postgresql
def test_postgresql_and_full_clean_agree_on_a_successor_starting_on_the_handover_day(minister, kang):
    # The same rule lives twice (Tenure.clean and the exclusion constraint); a bulk import and the
    # admin must accept or refuse the same records.
    successor = {"office": minister, "start": kang.end}
    try:
        Tenure(person=PersonFactory(), **successor).full_clean()
        clean_refuses = False
    except ValidationError:
        clean_refuses = True
    try:
        with transaction.atomic():
            Tenure.objects.create(person=PersonFactory(), **successor)
        database_refuses = False
    except IntegrityError:
        database_refuses = True
    assert clean_refuses == database_refuses
