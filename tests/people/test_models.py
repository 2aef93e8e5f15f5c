"""Integrity rules and readable names of countries, people, offices and tenures."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from common.models import DatePrecision
from people.models import IdentifierScheme, PersonIdentifier, TenureStatus
from tests.factories import (
    CountryFactory,
    OfficeFactory,
    PersonFactory,
    PersonIdentifierFactory,
    TenureFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date


# --- __str__ -----------------------------------------------------------------


def test_tenure_str_reads_person_office_and_dates():
    tenure = TenureFactory.build(
        person=PersonFactory.build(name="Choi Jong-kun"),
        office=OfficeFactory.build(title="First Vice Minister of Foreign Affairs"),
        start=D(2020, 8, 20),
        end=D(2022, 5, 10),
    )
    assert str(tenure) == "Choi Jong-kun — First Vice Minister of Foreign Affairs (2020-08-20 – 2022-05-10)"


def test_tenure_str_marks_acting_and_shows_dates_only_as_precise_as_known():
    tenure = TenureFactory.build(
        person=PersonFactory.build(name="Lee Tae-ho"),
        office=OfficeFactory.build(title="First Vice Minister of Foreign Affairs"),
        status=TenureStatus.ACTING,
        start=D(2021, 3, 1),
        start_precision=DatePrecision.MONTH,
        end=D(2022, 1, 1),
        end_precision=DatePrecision.YEAR,
    )
    assert str(tenure) == "Lee Tae-ho — First Vice Minister of Foreign Affairs (acting) (2021-03 – 2022)"


def test_country_str_shows_name_and_iso2():
    assert str(CountryFactory.build(name="South Korea", iso2="KR")) == "South Korea (KR)"


def test_office_str_shows_country_code_and_international_post_only_title():
    korea = CountryFactory(iso2="KR")
    assert (
        str(OfficeFactory.build(title="Minister of Foreign Affairs", country=korea))
        == "Minister of Foreign Affairs (KR)"
    )
    assert str(OfficeFactory.build(title="Secretary-General of the United Nations", country=None)) == (
        "Secretary-General of the United Nations"
    )


def test_person_identifier_str_names_the_scheme():
    identifier = PersonIdentifierFactory.build(scheme=IdentifierScheme.WIKIDATA, identifier="Q6279")
    assert str(identifier) == "Wikidata: Q6279"


# --- tenure dates ------------------------------------------------------------


def test_database_refuses_tenure_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        TenureFactory(start=D(2021, 5, 1), end=D(2021, 4, 30))


def test_full_clean_refuses_tenure_ending_before_it_starts_on_end():
    tenure = TenureFactory.build(
        person=PersonFactory(), office=OfficeFactory(), start=D(2021, 5, 1), end=D(2021, 4, 30)
    )
    with pytest.raises(ValidationError) as exc:
        tenure.full_clean()
    assert exc.value.message_dict["end"] == ["A tenure cannot end before it starts."]


def test_full_clean_refuses_month_precision_start_that_is_not_the_first():
    tenure = TenureFactory.build(
        person=PersonFactory(), office=OfficeFactory(), start=D(2020, 8, 15), start_precision=DatePrecision.MONTH
    )
    with pytest.raises(ValidationError) as exc:
        tenure.full_clean()
    assert list(exc.value.message_dict) == ["start"]


def test_full_clean_refuses_year_precision_end_that_is_not_first_of_january():
    tenure = TenureFactory.build(
        person=PersonFactory(),
        office=OfficeFactory(),
        start=D(2020, 1, 1),
        end=D(2022, 5, 1),
        end_precision=DatePrecision.YEAR,
    )
    with pytest.raises(ValidationError) as exc:
        tenure.full_clean()
    assert list(exc.value.message_dict) == ["end"]


def test_full_clean_accepts_normalised_month_and_year_precision_dates():
    tenure = TenureFactory.build(
        person=PersonFactory(),
        office=OfficeFactory(),
        start=D(2020, 8, 1),
        start_precision=DatePrecision.MONTH,
        end=D(2022, 1, 1),
        end_precision=DatePrecision.YEAR,
    )
    tenure.full_clean()


# --- unique slugs and codes --------------------------------------------------


def test_database_refuses_two_people_with_the_same_slug():
    PersonFactory(slug="choi-jong-kun")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonFactory(slug="choi-jong-kun")


def test_full_clean_refuses_a_taken_person_slug_on_slug():
    PersonFactory(slug="choi-jong-kun")
    with pytest.raises(ValidationError) as exc:
        PersonFactory.build(slug="choi-jong-kun").full_clean()
    assert list(exc.value.message_dict) == ["slug"]


def test_database_refuses_two_offices_with_the_same_slug():
    OfficeFactory(slug="kr-foreign-minister")
    with pytest.raises(IntegrityError), transaction.atomic():
        OfficeFactory(slug="kr-foreign-minister")


def test_full_clean_refuses_a_taken_office_slug_on_slug():
    OfficeFactory(slug="kr-foreign-minister")
    with pytest.raises(ValidationError) as exc:
        OfficeFactory.build(slug="kr-foreign-minister", country=None).full_clean()
    assert list(exc.value.message_dict) == ["slug"]


def test_database_refuses_two_countries_with_the_same_iso2():
    CountryFactory(iso2="KR")
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryFactory(iso2="KR")


def test_full_clean_refuses_a_taken_iso2_on_iso2():
    CountryFactory(iso2="KR")
    with pytest.raises(ValidationError) as exc:
        CountryFactory.build(iso2="KR").full_clean()
    assert list(exc.value.message_dict) == ["iso2"]


def test_full_clean_refuses_iso2_that_is_not_two_capital_letters():
    with pytest.raises(ValidationError) as exc:
        CountryFactory.build(iso2="kr").full_clean()
    assert exc.value.message_dict["iso2"] == ["Two capital letters, e.g. KR."]


# --- external identifiers ----------------------------------------------------


def test_database_refuses_a_malformed_wikidata_identifier():
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonIdentifierFactory(scheme=IdentifierScheme.WIKIDATA, identifier="6279")


def test_database_accepts_a_wellformed_wikidata_identifier_and_other_schemes_freely():
    PersonIdentifierFactory(scheme=IdentifierScheme.WIKIDATA, identifier="Q6279")
    PersonIdentifierFactory(scheme=IdentifierScheme.POCOM, identifier="biegun-stephen-edward")
    assert PersonIdentifier.objects.count() == 2


def test_full_clean_refuses_a_malformed_wikidata_identifier_with_readable_message():
    identifier = PersonIdentifierFactory.build(
        person=PersonFactory(), scheme=IdentifierScheme.WIKIDATA, identifier="q6279"
    )
    with pytest.raises(ValidationError) as exc:
        identifier.full_clean()
    assert "A Wikidata identifier looks like Q42." in exc.value.messages


def test_full_clean_reports_a_malformed_wikidata_identifier_once_on_identifier():
    identifier = PersonIdentifierFactory.build(
        person=PersonFactory(), scheme=IdentifierScheme.WIKIDATA, identifier="42"
    )
    with pytest.raises(ValidationError) as exc:
        identifier.full_clean()
    assert exc.value.message_dict == {"identifier": ["A Wikidata identifier looks like Q42."]}


def test_full_clean_accepts_non_wikidata_identifiers_that_do_not_look_like_q_numbers():
    PersonIdentifierFactory.build(
        person=PersonFactory(), scheme=IdentifierScheme.VIAF, identifier="12345678"
    ).full_clean()


def test_database_refuses_the_same_wikidata_identifier_for_two_people():
    PersonIdentifierFactory(identifier="Q6279")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonIdentifierFactory(identifier="Q6279")


def test_database_refuses_two_identifiers_of_one_scheme_for_one_person():
    person = PersonFactory()
    PersonIdentifierFactory(person=person, identifier="Q1")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonIdentifierFactory(person=person, identifier="Q2")
