"""The offices a synthetic country has, from head of state to ministry directors-general."""

from dataclasses import dataclass

from events.synthetic.vocabulary import BUREAUS, COUNTRIES, ENVOY_ISSUES, CountrySpec
from people.models import OfficeKind


@dataclass(frozen=True)
class OfficeTemplate:
    title: str
    kind: str
    body: str
    other_titles: tuple[str, ...]
    single_holder: bool = True
    seats: int = 1  # parallel chains of holders, for offices many hold at once
    term_days: tuple[int, int] = (540, 1825)


def office_templates(*, country: CountrySpec) -> list[OfficeTemplate]:
    """The offices of a country, most prominent first."""
    c, d, K = country, country.demonym, OfficeKind
    us, gb, india = c.iso2 == "US", c.iso2 == "GB", c.iso2 == "IN"
    ministry = (
        "Department of State"
        if us
        else "Foreign, Commonwealth and Development Office"
        if gb
        else "Ministry of External Affairs"
        if india
        else "Ministry of Foreign Affairs"
    )
    leader_office = f"Office of the {c.head_of_state}"
    T = OfficeTemplate
    if us:
        fm = T("Secretary of State", K.MINISTER, ministry, ("US Secretary of State", "Secretary of State"))
    elif gb:
        fm = T(
            "Secretary of State for Foreign, Commonwealth and Development Affairs",
            K.MINISTER,
            ministry,
            ("Foreign Secretary", "British Foreign Secretary"),
        )
    elif india:
        fm = T(
            "Minister of External Affairs",
            K.MINISTER,
            ministry,
            ("External Affairs Minister", "Indian Foreign Minister"),
        )
    else:
        fm = T("Minister of Foreign Affairs", K.MINISTER, ministry, (f"{d} Foreign Minister", "Foreign Minister"))
    head = [
        T(
            f"{c.head_of_state} of {c.the_name}",
            K.HEAD_OF_STATE,
            leader_office,
            (f"{d} {c.head_of_state}", c.head_of_state),
            term_days=(1460, 3650),
        ),
        fm,
    ]
    if c.head_of_government:
        head.append(
            T(
                f"{c.head_of_government} of {c.the_name}",
                K.HEAD_OF_GOVERNMENT,
                f"Office of the {c.head_of_government}",
                (f"{d} {c.head_of_government}", c.head_of_government),
                term_days=(730, 2920),
            )
        )
    vice1, vice2 = (
        ("Deputy Secretary of State", "Under Secretary of State for Political Affairs")
        if us
        else ("First Vice Minister of Foreign Affairs", "Second Vice Minister of Foreign Affairs")
    )
    head += [
        T(
            vice1,
            K.VICE_MINISTER,
            ministry,
            (f"US {vice1}",) if us else (f"{d} Vice Foreign Minister", "Vice Foreign Minister"),
        ),
        T(
            f"Spokesperson of the {ministry}",
            K.SPOKESPERSON,
            ministry,
            (f"{d} foreign ministry spokesperson", "Foreign Ministry Spokesperson"),
            term_days=(365, 1095),
        ),
        T(
            vice2,
            K.VICE_MINISTER,
            ministry,
            ("US Under Secretary of State",) if us else (f"{d} Vice Foreign Minister", "Second Vice Foreign Minister"),
        ),
        T(
            "National Security Adviser",
            K.ADVISER,
            leader_office,
            (f"{d} National Security Adviser", "security adviser"),
        ),
        T(
            "Secretary of Defense" if us else "Minister of Defence",
            K.MINISTER,
            "Department of Defense" if us else "Ministry of Defence",
            (f"{d} Defence Minister", "Defense Minister"),
        ),
    ]
    ambassadors = [
        T(
            f"Ambassador to {other.the_name}",
            K.AMBASSADOR,
            f"Embassy in {other.capital}",
            (f"{d} Ambassador to {other.the_name}", f"{d} envoy to {other.the_name}"),
            term_days=(730, 1460),
        )
        for other in COUNTRIES
        if other.iso2 != c.iso2
    ]
    envoys = [
        T(
            f"Special Representative for {issue}",
            K.ENVOY,
            ministry,
            (f"{d} special envoy for {issue}", f"Special Envoy for {issue}"),
            term_days=(365, 1460),
        )
        for issue in ENVOY_ISSUES
    ]
    bureaus = [
        T(
            f"Director-General for {bureau} Affairs",
            K.OFFICIAL,
            ministry,
            (f"{d} director-general for {bureau.lower()} affairs",),
            term_days=(365, 1095),
        )
        for bureau in BUREAUS
    ]
    others = [
        T(
            "United States Trade Representative" if us else "Minister of Trade",
            K.MINISTER,
            "Office of the US Trade Representative" if us else "Ministry of Trade",
            (f"{d} Trade Minister", "trade chief"),
        ),
        envoys[0],
        T(
            f"Deputy Spokesperson of the {ministry}",
            K.SPOKESPERSON,
            ministry,
            (f"{d} foreign ministry deputy spokesperson", "deputy spokesperson"),
            single_holder=False,
            seats=2,
            term_days=(365, 1095),
        ),
        envoys[1],
        T(
            f"Senior Adviser to the {c.head_of_state}",
            K.ADVISER,
            leader_office,
            (f"{d} presidential adviser" if c.head_of_state == "President" else f"{d} senior adviser",),
            single_holder=False,
            seats=3,
        ),
        bureaus[0],
        T(
            "Member of the Foreign Affairs Committee",
            K.LEGISLATOR,
            "Senate" if us else "Parliament",
            (f"{d} lawmaker", "legislator"),
            single_holder=False,
            seats=4,
            term_days=(1460, 2920),
        ),
        *(x for pair in zip(envoys[2:], bureaus[1:], strict=False) for x in pair),
        *envoys[2 + len(bureaus[1:]) :],
        *bureaus[1 + len(envoys[2:]) :],
    ]
    tail: list[OfficeTemplate] = []
    for i in range(max(len(ambassadors), len(others))):
        tail += ambassadors[i : i + 1] + others[i : i + 1]
    return head + tail
