"""The shared name matcher (people.matching): people, titles and countries found in free text, with spans."""

from datetime import date

import pytest

from people.matching import NameIndex, shared_index
from people.models import CountryName
from tests.factories import (
    CountryFactory,
    OfficeFactory,
    OfficeTitleFactory,
    PersonFactory,
    PersonNameFactory,
    TenureFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def korea():
    kr = CountryFactory(iso2="KR", iso3="KOR", name="South Korea")
    CountryName.objects.create(country=kr, name="ROK", language="en")
    us = CountryFactory(iso2="US", iso3="USA", name="United States")
    CountryName.objects.create(country=us, name="US", language="en")
    minister = OfficeFactory(title="Minister of Foreign Affairs", slug="kr-fm", country=kr)
    OfficeTitleFactory(office=minister, name="Foreign Minister")
    vice = OfficeFactory(title="First Vice Minister of Foreign Affairs", slug="kr-vfm", country=kr)
    OfficeTitleFactory(office=vice, name="Vice Foreign Minister")
    kr_president = OfficeFactory(title="President of the Republic of Korea", slug="kr-president", country=kr)
    us_president = OfficeFactory(title="President of the United States", slug="us-president", country=us)
    for office in (kr_president, us_president):
        OfficeTitleFactory(office=office, name="President")
    choi = PersonFactory(
        name="Choi Jong-kun", sort_name="Choi, Jong-kun", native_name="최종건", slug="choi", nationality=kr
    )
    kang = PersonFactory(name="Kang Kyung-wha", sort_name="Kang, Kyung-wha", slug="kang", nationality=kr)
    PersonNameFactory(person=kang, name="Kang Kyung-hwa")
    cho_ty = PersonFactory(name="Cho Tae-yul", sort_name="Cho, Tae-yul", slug="cho-tae-yul", nationality=kr)
    cho_sy = PersonFactory(name="Cho Sei-young", sort_name="Cho, Sei-young", slug="cho-sei-young", nationality=kr)
    moon = PersonFactory(name="Moon Jae-in", sort_name="Moon, Jae-in", slug="moon", nationality=kr)
    trump = PersonFactory(name="Donald Trump", sort_name="Trump, Donald", slug="trump", nationality=us)
    TenureFactory(person=kang, office=minister, start=date(2017, 6, 18), end=date(2021, 2, 8))
    TenureFactory(person=cho_ty, office=minister, start=date(2024, 1, 10), end=None)
    TenureFactory(person=cho_sy, office=vice, start=date(2019, 5, 23), end=date(2020, 8, 18))
    TenureFactory(person=choi, office=vice, start=date(2020, 8, 18), end=date(2022, 5, 10))
    TenureFactory(person=moon, office=kr_president, start=date(2017, 5, 10), end=date(2022, 5, 10))
    TenureFactory(person=trump, office=us_president, start=date(2017, 1, 20), end=date(2021, 1, 20))
    return {p.slug: p for p in (choi, kang, cho_ty, cho_sy, moon, trump)} | {
        o.slug: o for o in (minister, vice, kr_president, us_president)
    }


def slugs(found):
    return [(m.text, m.person.slug if m.person else None) for m in found.people]


def test_names_match_whatever_the_hyphens_case_and_script(korea):
    index = NameIndex.build()
    text = "Choi Jong Kun met CHOI JONG-KUN's aide; 최종건은 said; Kang Kyung-hwa too."
    found = index.find(text)
    assert slugs(found) == [
        ("Choi Jong Kun", "choi"),
        ("CHOI JONG-KUN", "choi"),
        ("최종건", "choi"),
        ("Kang Kyung-hwa", "kang"),
    ]
    first = found.people[0]
    assert text[first.start : first.end] == "Choi Jong Kun"


def test_a_surname_alone_is_the_person_named_in_full_before_it(korea):
    found = NameIndex.build().find("Choi asked for help. Later Choi Jong-kun arrived, and Choi said yes.")
    assert slugs(found) == [("Choi Jong-kun", "choi"), ("Choi", "choi")]  # the first "Choi" came before any full name
    assert found.people[1].how == "surname"


def test_two_people_sharing_a_surname_are_never_confused(korea):
    text = "Cho Tae-yul and Cho Sei-young spoke. Cho said the talks went well."
    found = NameIndex.build().find(text)
    ambiguous = found.people[-1]
    assert (ambiguous.text, ambiguous.person) == ("Cho", None)
    assert {p.slug for p in ambiguous.candidates} == {"cho-tae-yul", "cho-sei-young"}


def test_a_surname_followed_by_an_unknown_given_name_is_another_person(korea):
    found = NameIndex.build().find("Choi Jong-kun spoke. Choi Sang-mok, the finance minister, did not.")
    assert slugs(found) == [("Choi Jong-kun", "choi")]


def test_title_and_name_give_the_title_as_reported_and_the_office_held_that_day(korea):
    found = NameIndex.build().find("South Korean Vice Foreign Minister Choi Jong-kun met him.", on=date(2020, 12, 9))
    (choi,) = found.people
    assert choi.title.text == "South Korean Vice Foreign Minister"
    assert (choi.office.slug, choi.country) == ("kr-vfm", "KR")


def test_a_title_before_a_surname_picks_the_holder_of_that_surname(korea):
    found = NameIndex.build().find("Foreign Minister Cho said so.", on=date(2025, 1, 6))
    (cho,) = found.people
    assert (cho.person.slug, cho.office.slug) == ("cho-tae-yul", "kr-fm")


@pytest.mark.parametrize(("day", "holder"), [(date(2020, 12, 9), "kang"), (date(2025, 1, 6), "cho-tae-yul")])
def test_a_bare_title_is_its_holder_on_the_day(korea, day, holder):
    found = NameIndex.build().find("He will meet the South Korean foreign minister.", on=day)
    (minister,) = found.people
    assert (minister.how, minister.person.slug, minister.office.slug) == ("title", holder, "kr-fm")
    assert minister.text == "South Korean foreign minister"


def test_former_and_elect_titles_never_resolve_to_the_holder(korea):
    index = NameIndex.build()
    assert index.find("He met the former foreign minister.", on=date(2020, 12, 9)).people == []
    assert index.find("He met the President-elect.", on=date(2020, 12, 9)).people == []


def test_a_country_word_picks_which_office_a_shared_title_names(korea):
    index = NameIndex.build()
    (us,) = index.find("the US President spoke", on=date(2020, 1, 2)).people
    (kr,) = index.find("the ROK President spoke", on=date(2020, 1, 2)).people
    assert (us.person.slug, kr.person.slug) == ("trump", "moon")


def test_an_unknown_name_after_a_title_is_a_candidate_with_title_and_country(korea):
    text = "Met with Acting President Choi Sang-mok and Foreign Minister Cho Tae-yul."
    found = NameIndex.build().find(text, on=date(2025, 1, 6), country="KR")
    unknown, cho = found.people
    assert (unknown.text, unknown.person, unknown.title.text, unknown.country) == (
        "Choi Sang-mok",
        None,
        "Acting President",
        "KR",
    )
    assert unknown.title.qualifier == "acting"
    assert found.unresolved() == [unknown]
    assert (cho.person.slug, cho.office.slug) == ("cho-tae-yul", "kr-fm")


def test_a_generic_title_of_another_country_guesses_that_country(korea):
    CountryFactory(iso2="JP", iso3="JPN", name="Japan")
    found = NameIndex.build().find("Japanese Defence Minister Gen Nakatani arrived.", on=date(2025, 1, 6))
    (candidate,) = found.unresolved()
    assert (candidate.text, candidate.title.text) == ("Gen Nakatani", "Japanese Defence Minister")
    assert candidate.country == "JP"


def test_countries_by_name_adjective_capital_and_code_as_written(korea):
    text = "Seoul and the US agreed; South Korean officials told us so."
    found = NameIndex.build().find(text)
    assert [(c.text, c.iso2, c.how) for c in found.countries] == [
        ("Seoul", "KR", "capital"),
        ("US", "US", "name"),
        ("South Korean", "KR", "adjective"),
    ]


def test_building_the_index_takes_the_same_queries_for_one_or_many_people(korea, django_assert_num_queries):
    with django_assert_num_queries(7):
        NameIndex.build()
    PersonFactory.create_batch(50)
    with django_assert_num_queries(7):
        index = NameIndex.build()
    with django_assert_num_queries(0):
        index.find("Choi Jong-kun met the foreign minister.", on=date(2020, 12, 9))


def test_the_shared_index_is_rebuilt_when_the_data_changes(korea):
    before = shared_index()
    assert shared_index() is before
    PersonFactory(name="Park Jin", sort_name="Park, Jin", slug="park-jin")
    after = shared_index()
    assert after is not before
    assert [m.person.slug for m in after.find("Park Jin spoke.").people] == ["park-jin"]
