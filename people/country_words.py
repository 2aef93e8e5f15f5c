"""How the press names a country without its name: adjectives and demonyms, and capitals used as metonyms.

"South Korean officials", "Seoul's top nuclear envoy", "talks between Washington and Pyongyang". Keyed by
ISO 3166-1 alpha-2; the name matcher (``people.matching``) uses the entries of the countries the database
holds. Adjectives are the forms English-language wire copy uses (Reuters, AP, Yonhap style guides); a
capital is listed once even where it names a city too, so the matcher treats it as a place and a metonym.
"""

COUNTRY_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # iso2: ((adjectives and demonyms), (capitals and seats of government))
    "AF": (("Afghan",), ("Kabul",)),
    "AR": (("Argentine", "Argentinian"), ("Buenos Aires",)),
    "AU": (("Australian",), ("Canberra",)),
    "AT": (("Austrian",), ("Vienna",)),
    "BD": (("Bangladeshi",), ("Dhaka",)),
    "BE": (("Belgian",), ("Brussels",)),
    "BR": (("Brazilian",), ("Brasilia", "Brasília")),
    "BY": (("Belarusian",), ("Minsk",)),
    "CA": (("Canadian",), ("Ottawa",)),
    "CH": (("Swiss",), ("Bern",)),
    "CL": (("Chilean",), ("Santiago",)),
    "CN": (("Chinese",), ("Beijing",)),
    "CO": (("Colombian",), ("Bogota", "Bogotá")),
    "CU": (("Cuban",), ("Havana",)),
    "CZ": (("Czech",), ("Prague",)),
    "DE": (("German",), ("Berlin",)),
    "DK": (("Danish",), ("Copenhagen",)),
    "EG": (("Egyptian",), ("Cairo",)),
    "ES": (("Spanish",), ("Madrid",)),
    "ET": (("Ethiopian",), ("Addis Ababa",)),
    "FI": (("Finnish",), ("Helsinki",)),
    "FR": (("French",), ("Paris",)),
    "GB": (("British",), ("London",)),
    "GR": (("Greek",), ("Athens",)),
    "HU": (("Hungarian",), ("Budapest",)),
    "ID": (("Indonesian",), ("Jakarta",)),
    "IE": (("Irish",), ("Dublin",)),
    "IL": (("Israeli",), ("Jerusalem",)),
    "IN": (("Indian",), ("New Delhi",)),
    "IQ": (("Iraqi",), ("Baghdad",)),
    "IR": (("Iranian",), ("Tehran",)),
    "IT": (("Italian",), ("Rome",)),
    "JP": (("Japanese",), ("Tokyo",)),
    "KE": (("Kenyan",), ("Nairobi",)),
    "KH": (("Cambodian",), ("Phnom Penh",)),
    "KP": (("North Korean",), ("Pyongyang",)),
    "KR": (("South Korean",), ("Seoul",)),
    "KZ": (("Kazakh",), ("Astana",)),
    "LA": (("Lao", "Laotian"), ("Vientiane",)),
    "MM": (("Myanmar", "Burmese"), ("Naypyidaw",)),
    "MN": (("Mongolian",), ("Ulaanbaatar",)),
    "MX": (("Mexican",), ("Mexico City",)),
    "MY": (("Malaysian",), ("Kuala Lumpur",)),
    "NG": (("Nigerian",), ("Abuja",)),
    "NL": (("Dutch",), ("Amsterdam", "The Hague")),
    "NO": (("Norwegian",), ("Oslo",)),
    "NZ": (("New Zealand",), ("Wellington",)),
    "PH": (("Philippine", "Filipino"), ("Manila",)),
    "PK": (("Pakistani",), ("Islamabad",)),
    "PL": (("Polish",), ("Warsaw",)),
    "PT": (("Portuguese",), ("Lisbon",)),
    "QA": (("Qatari",), ("Doha",)),
    "RO": (("Romanian",), ("Bucharest",)),
    "RU": (("Russian",), ("Moscow", "the Kremlin")),
    "SA": (("Saudi",), ("Riyadh",)),
    "SE": (("Swedish",), ("Stockholm",)),
    "SG": (("Singaporean",), ()),
    "SY": (("Syrian",), ("Damascus",)),
    "TH": (("Thai",), ("Bangkok",)),
    "TR": (("Turkish",), ("Ankara",)),
    "TW": (("Taiwanese",), ("Taipei",)),
    "UA": (("Ukrainian",), ("Kyiv", "Kiev")),
    "AE": (("Emirati",), ("Abu Dhabi",)),
    "US": (("American", "U.S.", "US"), ("Washington", "Washington, D.C.", "the White House")),
    "VE": (("Venezuelan",), ("Caracas",)),
    "VN": (("Vietnamese",), ("Hanoi",)),
    "ZA": (("South African",), ("Pretoria",)),
}


def adjectives(iso2: str) -> tuple[str, ...]:
    return COUNTRY_WORDS.get(iso2, ((), ()))[0]


def capitals(iso2: str) -> tuple[str, ...]:
    return COUNTRY_WORDS.get(iso2, ((), ()))[1]
