"""The built-in word lists: countries, topics, news publishers, envoys' issues and ministry bureaus."""

from dataclasses import dataclass


@dataclass(frozen=True)
class CountrySpec:
    iso2: str
    iso3: str
    name: str
    demonym: str
    capital: str
    region: str
    head_of_state: str
    head_of_government: str
    other_names: tuple[str, ...]

    @property
    def the_name(self) -> str:
        """'the United States', 'Japan': the name as it follows 'of' or 'to'."""
        plural = self.name.startswith("United") or self.name in {"Netherlands", "Philippines"}
        return f"the {self.name}" if plural else self.name


# iso2, iso3, short name, demonym, seat of government, name region, head of state, head of government,
# other names (separated by ';'; a line starting with ';' adds more to the line above)
_COUNTRY_ROWS = """
KR|KOR|South Korea|South Korean|Seoul|korean|President|Prime Minister|Republic of Korea;ROK
US|USA|United States|US|Washington, D.C.|anglo|President||United States of America;USA
JP|JPN|Japan|Japanese|Tokyo|japanese|Emperor|Prime Minister|Nippon
CN|CHN|China|Chinese|Beijing|chinese|President|Premier|People's Republic of China;PRC
KP|PRK|North Korea|North Korean|Pyongyang|korean|Chairman of the State Affairs Commission|Premier|DPRK
;Democratic People's Republic of Korea
RU|RUS|Russia|Russian|Moscow|russian|President|Prime Minister|Russian Federation
GB|GBR|United Kingdom|British|London|anglo|Monarch|Prime Minister|Britain
;United Kingdom of Great Britain and Northern Ireland
FR|FRA|France|French|Paris|french|President|Prime Minister|French Republic
DE|DEU|Germany|German|Berlin|german|President|Chancellor|Federal Republic of Germany
IN|IND|India|Indian|New Delhi|indian|President|Prime Minister|Republic of India;Bharat
CA|CAN|Canada|Canadian|Ottawa|anglo|Governor General|Prime Minister|
AU|AUS|Australia|Australian|Canberra|anglo|Governor-General|Prime Minister|Commonwealth of Australia
IT|ITA|Italy|Italian|Rome|italian|President|Prime Minister|Italian Republic
ES|ESP|Spain|Spanish|Madrid|hispanic|King|Prime Minister|Kingdom of Spain
BR|BRA|Brazil|Brazilian|Brasília|lusophone|President||Federative Republic of Brazil;Brasil
MX|MEX|Mexico|Mexican|Mexico City|hispanic|President||United Mexican States
ID|IDN|Indonesia|Indonesian|Jakarta|malay|President||Republic of Indonesia
VN|VNM|Vietnam|Vietnamese|Hanoi|vietnamese|President|Prime Minister|Viet Nam
TH|THA|Thailand|Thai|Bangkok|thai|King|Prime Minister|Kingdom of Thailand
PH|PHL|Philippines|Philippine|Manila|hispanic|President||Republic of the Philippines
SG|SGP|Singapore|Singaporean|Singapore|chinese|President|Prime Minister|Republic of Singapore
MY|MYS|Malaysia|Malaysian|Kuala Lumpur|malay|Yang di-Pertuan Agong|Prime Minister|
MN|MNG|Mongolia|Mongolian|Ulaanbaatar|mongolian|President|Prime Minister|
TR|TUR|Turkey|Turkish|Ankara|turkish|President||Türkiye;Republic of Türkiye
SA|SAU|Saudi Arabia|Saudi|Riyadh|arabic|King|Crown Prince and Prime Minister|Kingdom of Saudi Arabia
AE|ARE|United Arab Emirates|Emirati|Abu Dhabi|arabic|President|Prime Minister|UAE
EG|EGY|Egypt|Egyptian|Cairo|arabic|President|Prime Minister|Arab Republic of Egypt
IR|IRN|Iran|Iranian|Tehran|persian|Supreme Leader|President|Islamic Republic of Iran
IL|ISR|Israel|Israeli|Jerusalem|hebrew|President|Prime Minister|State of Israel
QA|QAT|Qatar|Qatari|Doha|arabic|Emir|Prime Minister|State of Qatar
ZA|ZAF|South Africa|South African|Pretoria|southern_african|President||Republic of South Africa
NG|NGA|Nigeria|Nigerian|Abuja|west_african|President||Federal Republic of Nigeria
KE|KEN|Kenya|Kenyan|Nairobi|east_african|President||Republic of Kenya
ET|ETH|Ethiopia|Ethiopian|Addis Ababa|ethiopian|President|Prime Minister|
AR|ARG|Argentina|Argentine|Buenos Aires|hispanic|President||Argentine Republic
CL|CHL|Chile|Chilean|Santiago|hispanic|President||Republic of Chile
CO|COL|Colombia|Colombian|Bogotá|hispanic|President||Republic of Colombia
PE|PER|Peru|Peruvian|Lima|hispanic|President|Prime Minister|Republic of Peru
PL|POL|Poland|Polish|Warsaw|central_european|President|Prime Minister|Republic of Poland
UA|UKR|Ukraine|Ukrainian|Kyiv|ukrainian|President|Prime Minister|
NL|NLD|Netherlands|Dutch|The Hague|dutch|King|Prime Minister|Holland;Kingdom of the Netherlands
SE|SWE|Sweden|Swedish|Stockholm|nordic|King|Prime Minister|Kingdom of Sweden
NO|NOR|Norway|Norwegian|Oslo|nordic|King|Prime Minister|Kingdom of Norway
FI|FIN|Finland|Finnish|Helsinki|nordic|President|Prime Minister|Republic of Finland
DK|DNK|Denmark|Danish|Copenhagen|nordic|Monarch|Prime Minister|Kingdom of Denmark
CH|CHE|Switzerland|Swiss|Bern|german|President of the Confederation||Swiss Confederation
AT|AUT|Austria|Austrian|Vienna|german|President|Chancellor|Republic of Austria
BE|BEL|Belgium|Belgian|Brussels|french|King|Prime Minister|Kingdom of Belgium
PT|PRT|Portugal|Portuguese|Lisbon|lusophone|President|Prime Minister|Portuguese Republic
GR|GRC|Greece|Greek|Athens|greek|President|Prime Minister|Hellenic Republic
CZ|CZE|Czechia|Czech|Prague|central_european|President|Prime Minister|Czech Republic
HU|HUN|Hungary|Hungarian|Budapest|central_european|President|Prime Minister|
NZ|NZL|New Zealand|New Zealand|Wellington|anglo|Governor-General|Prime Minister|Aotearoa
PK|PAK|Pakistan|Pakistani|Islamabad|south_asian|President|Prime Minister|Islamic Republic of Pakistan
BD|BGD|Bangladesh|Bangladeshi|Dhaka|south_asian|President|Prime Minister|People's Republic of Bangladesh
KZ|KAZ|Kazakhstan|Kazakh|Astana|central_asian|President|Prime Minister|Republic of Kazakhstan
UZ|UZB|Uzbekistan|Uzbek|Tashkent|central_asian|President|Prime Minister|Republic of Uzbekistan
JO|JOR|Jordan|Jordanian|Amman|arabic|King|Prime Minister|Hashemite Kingdom of Jordan
MA|MAR|Morocco|Moroccan|Rabat|arabic|King|Head of Government|Kingdom of Morocco
DZ|DZA|Algeria|Algerian|Algiers|arabic|President|Prime Minister|People's Democratic Republic of Algeria
"""

COUNTRIES: tuple[CountrySpec, ...] = tuple(
    CountrySpec(*fields[:8], tuple(n for n in fields[8].split(";") if n))
    for fields in (line.split("|") for line in _COUNTRY_ROWS.strip().replace("\n;", ";").splitlines())
)
# (area, other spellings), then its subjects with theirs.
TOPIC_TREE: tuple[tuple[str, tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]], ...] = (
    (
        "Security",
        ("national security",),
        (
            ("Nuclear non-proliferation", ("nonproliferation", "non-proliferation")),
            ("Denuclearization", ("denuclearisation",)),
            ("Missile defence", ("missile defense",)),
            ("Counter-terrorism", ("counterterrorism",)),
        ),
    ),
    (
        "Economy and trade",
        ("trade and economy",),
        (
            ("Trade agreements", ("free trade agreements", "FTA")),
            ("Supply chains", ("supply-chain resilience",)),
            ("Investment", ("foreign direct investment", "FDI")),
            ("Sanctions", ("economic sanctions",)),
        ),
    ),
    (
        "Regional affairs",
        (),
        (
            ("Korean Peninsula", ("inter-Korean relations",)),
            ("Indo-Pacific", ("Asia-Pacific",)),
            ("Middle East peace", ("Middle East peace process",)),
            ("War in Ukraine", ("Russia–Ukraine war",)),
            ("Arctic", ("High North",)),
        ),
    ),
    (
        "Climate and energy",
        (),
        (
            ("Climate change", ("climate crisis",)),
            ("Energy security", ()),
            ("Nuclear energy", ("civil nuclear cooperation",)),
            ("Critical minerals", ("rare earths",)),
        ),
    ),
    (
        "Human rights and humanitarian affairs",
        ("humanitarian affairs",),
        (
            ("Human rights", ()),
            ("Refugees", ("displaced persons",)),
            ("Humanitarian aid", ("humanitarian assistance",)),
            ("Separated families", ("divided families",)),
        ),
    ),
    (
        "Global health",
        (),
        (
            ("Pandemic response", ("pandemic preparedness",)),
            ("Vaccines", ("vaccine cooperation",)),
            ("Health security", ("global health security",)),
        ),
    ),
    (
        "Technology",
        ("science and technology",),
        (
            ("Cybersecurity", ("cyber security",)),
            ("Artificial intelligence", ("AI",)),
            ("Semiconductors", ("chips",)),
            ("Space cooperation", ("outer space",)),
        ),
    ),
    (
        "Diplomacy and institutions",
        (),
        (
            ("United Nations reform", ("UN reform",)),
            ("Consular affairs", ()),
            ("Cultural exchange", ("people-to-people exchange",)),
            ("Development cooperation", ("official development assistance", "ODA")),
        ),
    ),
)

PUBLISHERS = (
    "Yonhap News Agency",
    "The Korea Herald",
    "The Korea Times",
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "The New York Times",
    "The Washington Post",
    "The Guardian",
    "Financial Times",
    "Nikkei Asia",
    "Kyodo News",
    "South China Morning Post",
    "Xinhua",
    "Al Jazeera",
    "Deutsche Welle",
    "The Hindu",
    "NHK World",
    "The Straits Times",
    "Politico",
)
AGENCIES = ("Reuters", "AP", "AFP", "Yonhap", "Kyodo", "Xinhua", "IANS", "dpa")
ENVOY_ISSUES = (
    "Korean Peninsula Peace and Security Affairs",
    "Climate Change",
    "Nuclear Non-Proliferation",
    "Middle East Peace",
    "Trade Negotiations",
    "Human Rights",
    "Arctic Affairs",
    "Counter-Terrorism",
    "Cyber Affairs",
    "Global Health",
)
BUREAUS = (
    "North American",
    "Asian and Pacific",
    "European",
    "Middle Eastern",
    "African",
    "Latin American",
    "International Organization",
    "Treaties and Legal",
    "International Economic",
    "Consular",
)
