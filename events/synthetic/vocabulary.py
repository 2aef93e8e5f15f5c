"""A realistic, deterministic synthetic dataset of any size, for demos and benchmarks.

``generate_synthetic_data(events=N, seed=S)`` writes countries (reusing any that
already exist with the same ISO code), people, offices with chains of
non-overlapping tenures, a two-level topic tree, sources and N events whose
participants held, on the event date, the office they are recorded in.

* The same N and S always give the same rows: all choices come from one
  ``random.Random(S)``; only ``created_at``/``updated_at`` (one timestamp per
  run) and the primary keys depend on when and where it runs.
* Every slug starts with ``syn<S>-`` and every URL with
  ``https://example.org/synthetic/<S>/``, so runs with different seeds never
  collide with each other or with curated rows; a seed already present is refused.
* Rows are built as tuples in chunks of events and written with COPY on
  PostgreSQL and batched INSERTs elsewhere, with primary keys allocated here
  (max id + 1) and sequences reset afterwards, in one transaction.
* On PostgreSQL the tables are locked until commit, and the foreign keys of
  the four biggest tables are dropped for the load and added back before
  commit, which checks every row once (as pg_restore does). The tenure
  exclusion constraint and composite key of people/migrations/0002 stay in
  place, and the data satisfies them.
"""

import logging
import random
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.core.management.color import no_style
from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model
from django.utils import timezone
from django.utils.text import slugify

from common.models import DatePrecision
from events.kinds import EventKind
from events.models import (
    Event,
    EventStatus,
    Participation,
    ParticipationRole,
    ReviewState,
    Source,
    Topic,
    TopicName,
)
from people.models import (
    Country,
    CountryName,
    Office,
    OfficeKind,
    OfficeTitle,
    Person,
    PersonName,
    Tenure,
    TenureStatus,
)

logger = logging.getLogger(__name__)

FIRST_DAY = date(1990, 1, 1)  # events fall between these days; tenure chains start before
LAST_DAY = date(2025, 12, 31)
DEFAULT_CHUNK_SIZE = 50_000
URL_ROOT = "https://example.org/synthetic"

Progress = Callable[[str, int, int], None]
Row = tuple[object, ...]


class SyntheticDataExists(Exception):
    """The seed's namespace already has rows: generating it again would collide."""


def slug_prefix(*, seed: int) -> str:
    return f"syn{seed}-"


# --------------------------------------------------------------------------- vocabulary


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


@dataclass(frozen=True)
class NamePart:
    latin: str
    native: str = ""
    alt: str = ""  # another romanisation
    female: bool = False


def _parts(spec: str) -> tuple[NamePart, ...]:
    """'Kim:김:Gim|Maria:Мария+' → name parts; a trailing + marks a female given name."""
    parts = []
    for entry in spec.split("|"):
        female = entry.endswith("+")
        latin, native, alt = ([*entry.rstrip("+").split(":"), "", ""])[:3]
        parts.append(NamePart(latin.strip(), native, alt, female))
    return tuple(parts)


@dataclass(frozen=True)
class NameRegion:
    families: tuple[NamePart, ...]
    givens: tuple[NamePart, ...]
    family_first: bool = False  # as English-language reports write it
    native_language: str = ""
    native_family_first: bool = False
    native_joiner: str = " "
    alt_language: str = ""
    alt_note: str = ""
    feminine: tuple[str, str] | None = None  # suffixes (Latin, native) a woman's family name takes
    reversed_note: str = ""  # when set, the other order is recorded as another name


NAME_REGIONS: dict[str, NameRegion] = {
    "korean": NameRegion(
        _parts(
            "Kim:김:Gim|Lee:이:Yi|Park:박:Bak|Choi:최:Choe|Jung:정:Jeong|Kang:강:Gang|Cho:조:Jo|Yoon:윤:Yun|Jang:장"
            "|Lim:임:Im|Han:한|Oh:오:O|Seo:서|Shin:신:Sin|Kwon:권:Gwon|Hwang:황|Ahn:안:An|Song:송|Yoo:유:Yu|Hong:홍"
        ),
        _parts(
            "Min-jun:민준|Seo-yeon:서연+|Ji-hoon:지훈|Hyun-woo:현우|Jong-kun:종건|Kyung-wha:경화+|Eui-yong:의용"
            "|Sung-ho:성호|Ji-won:지원+|Jae-hyun:재현|Young-soo:영수|Hye-jin:혜진+|Dong-hyun:동현|Sang-woo:상우"
            "|Eun-ji:은지+|Chul-soo:철수|Yoon-seo:윤서+|Tae-yong:태용"
        ),
        family_first=True,
        native_language="ko",
        native_family_first=True,
        native_joiner="",
        alt_language="ko-Latn",
        alt_note="Revised Romanization",
    ),
    "chinese": NameRegion(
        _parts(
            "Wang:王|Li:李|Zhang:张:Chang|Liu:刘|Chen:陈:Ch'en|Yang:杨|Huang:黄|Zhao:赵:Chao|Wu:吴|Zhou:周:Chou"
            "|Xu:徐:Hsu|Sun:孙|Ma:马|Zhu:朱:Chu|Hu:胡|Guo:郭:Kuo|He:何:Ho|Lin:林|Luo:罗:Lo|Gao:高:Kao"
        ),
        _parts(
            "Wei:伟|Jianhua:建华|Xiaoming:晓明|Zhiqiang:志强|Yong:勇|Haiyan:海燕+|Guoqing:国庆|Mingyu:明宇"
            "|Hong:红+|Jun:军|Lijuan:丽娟+|Yi:毅|Tao:涛|Hui:辉|Feng:峰|Xiaoyan:晓燕+|Jing:静+"
        ),
        family_first=True,
        native_language="zh-Hans",
        native_family_first=True,
        native_joiner="",
        alt_language="zh-Latn",
        alt_note="Wade–Giles",
    ),
    "japanese": NameRegion(
        _parts(
            "Sato:佐藤:Satō|Suzuki:鈴木|Takahashi:高橋|Tanaka:田中|Watanabe:渡辺|Ito:伊藤:Itō|Yamamoto:山本"
            "|Nakamura:中村|Kobayashi:小林|Kato:加藤:Katō|Yoshida:吉田|Yamada:山田|Sasaki:佐々木|Matsumoto:松本"
            "|Inoue:井上|Kimura:木村|Hayashi:林|Shimizu:清水|Kono:河野:Kōno|Saito:斎藤:Saitō"
        ),
        _parts(
            "Hiroshi:浩|Takeshi:武|Kenji:健二|Yuko:裕子:Yūko+|Akiko:明子+|Taro:太郎:Tarō|Ichiro:一郎:Ichirō"
            "|Fumio:文雄|Shinzo:晋三:Shinzō|Naoko:直子+|Masako:雅子+|Yoko:洋子:Yōko+|Kazuo:和夫|Makoto:誠"
            "|Haruka:遥+|Daisuke:大輔"
        ),
        native_language="ja",
        native_family_first=True,
        native_joiner="",
        alt_language="ja-Latn",
        alt_note="Hepburn with macrons",
        reversed_note="family name first, as the Japanese government asks",
    ),
    "russian": NameRegion(
        _parts(
            "Ivanov:Иванов|Petrov:Петров|Smirnov:Смирнов|Kuznetsov:Кузнецов|Sokolov:Соколов|Popov:Попов"
            "|Lebedev:Лебедев|Kozlov:Козлов|Novikov:Новиков|Morozov:Морозов|Volkov:Волков|Orlov:Орлов"
            "|Zakharov:Захаров|Belov:Белов|Vasilyev:Васильев:Vasiliev|Fyodorov:Фёдоров:Fedorov"
            "|Andreyev:Андреев:Andreev|Alekseyev:Алексеев:Alekseev|Grigoryev:Григорьев:Grigoriev|Frolov:Фролов"
        ),
        _parts(
            "Sergei:Сергей:Sergey|Alexei:Алексей:Aleksey|Dmitry:Дмитрий:Dmitri|Andrei:Андрей:Andrey"
            "|Nikolai:Николай:Nikolay|Mikhail:Михаил|Vladimir:Владимир|Yuri:Юрий:Yury|Igor:Игорь|Pavel:Павел"
            "|Maria:Мария+|Elena:Елена:Yelena+|Olga:Ольга+|Anna:Анна+|Tatiana:Татьяна:Tatyana+"
            "|Natalia:Наталья:Natalya+"
        ),
        native_language="ru",
        alt_language="ru-Latn",
        alt_note="another transliteration",
        feminine=("a", "а"),
    ),
    "ukrainian": NameRegion(
        _parts(
            "Shevchenko:Шевченко|Kovalenko:Коваленко|Bondarenko:Бондаренко|Tkachenko:Ткаченко"
            "|Kravchenko:Кравченко|Melnyk:Мельник|Boyko:Бойко|Oliinyk:Олійник|Kovalchuk:Ковальчук"
            "|Polishchuk:Поліщук|Savchenko:Савченко|Rudenko:Руденко"
        ),
        _parts(
            "Oleksandr:Олександр|Andriy:Андрій|Olena:Олена+|Iryna:Ірина+|Dmytro:Дмитро|Mykola:Микола"
            "|Yulia:Юлія+|Taras:Тарас|Serhiy:Сергій|Oksana:Оксана+|Vasyl:Василь|Kateryna:Катерина+"
        ),
        native_language="uk",
    ),
    "arabic": NameRegion(
        _parts(
            "Al-Masri:المصري|Haddad:حداد|Nasser:ناصر|Al-Otaibi:العتيبي|Al-Harbi:الحربي|Mansour:منصور"
            "|Khalil:خليل|Saleh:صالح|Al-Qahtani:القحطاني|Hamdan:حمدان|Salem:سالم|Darwish:درويش"
        ),
        _parts(
            "Mohammed:محمد:Muhammad|Ahmed:أحمد:Ahmad|Ali:علي|Hassan:حسن|Khalid:خالد|Omar:عمر|Fatima:فاطمة+"
            "|Layla:ليلى+|Abdullah:عبد الله|Youssef:يوسف:Yusuf|Faisal:فيصل|Sara:سارة+|Karim:كريم|Nour:نور+"
        ),
        native_language="ar",
        alt_language="ar-Latn",
        alt_note="another transliteration",
    ),
    "persian": NameRegion(
        _parts(
            "Hosseini:حسینی|Mohammadi:محمدی|Rezaei:رضایی|Ahmadi:احمدی|Moradi:مرادی|Karimi:کریمی|Jafari:جعفری"
            "|Rahimi:رحیمی|Hashemi:هاشمی|Sadeghi:صادقی"
        ),
        _parts(
            "Ali:علی|Reza:رضا|Hossein:حسین|Mohammad:محمد|Mehdi:مهدی|Abbas:عباس|Zahra:زهرا+|Maryam:مریم+"
            "|Hamid:حمید|Javad:جواد"
        ),
        native_language="fa",
    ),
    "hebrew": NameRegion(
        _parts("Cohen:כהן|Levi:לוי|Mizrahi:מזרחי|Peretz:פרץ|Biton:ביטון|Friedman:פרידמן|Katz:כץ|Azoulay:אזולאי"),
        _parts("David:דוד|Yossi:יוסי|Moshe:משה|Noa:נועה+|Yael:יעל+|Avi:אבי|Tamar:תמר+|Eitan:איתן|Michal:מיכל+|Ron:רון"),
        native_language="he",
    ),
    "greek": NameRegion(
        _parts(
            "Papadopoulos:Παπαδόπουλος|Georgiou:Γεωργίου|Dimitriou:Δημητρίου|Nikolaidis:Νικολαΐδης"
            "|Konstantinou:Κωνσταντίνου|Ioannou:Ιωάννου|Pappas:Παππάς|Vlachos:Βλάχος"
        ),
        _parts(
            "Giorgos:Γιώργος|Nikos:Νίκος|Dimitris:Δημήτρης|Kostas:Κώστας|Yannis:Γιάννης|Panagiotis:Παναγιώτης"
            "|Christos:Χρήστος|Vasilis:Βασίλης"
        ),
        native_language="el",
    ),
    "vietnamese": NameRegion(
        _parts("Nguyen:Nguyễn|Tran:Trần|Le:Lê|Pham:Phạm|Hoang:Hoàng|Vu:Vũ|Dang:Đặng|Bui:Bùi|Do:Đỗ|Ho:Hồ"),
        _parts(
            "Van An:Văn An|Thi Lan:Thị Lan+|Duc Minh:Đức Minh|Quoc Hung:Quốc Hùng|Thanh Son:Thanh Sơn"
            "|Thi Mai:Thị Mai+|Minh Chinh:Minh Chính|Van Thanh:Văn Thành|Thi Hoa:Thị Hoa+|Hong Phuc:Hồng Phúc"
        ),
        family_first=True,
        native_language="vi",
        native_family_first=True,
    ),
    "mongolian": NameRegion(
        _parts(
            "Bat-Erdene:Бат-Эрдэнэ|Ganbaatar:Ганбаатар|Enkhbold:Энхболд|Tsogt:Цогт|Bayar:Баяр|Dorj:Дорж"
            "|Erdene:Эрдэнэ|Batbold:Батболд"
        ),
        _parts(
            "Batbayar:Батбаяр|Oyunchimeg:Оюунчимэг+|Enkhjargal:Энхжаргал+|Tumur:Төмөр|Saikhan:Сайхан"
            "|Bolormaa:Болормаа+|Munkh:Мөнх|Altangerel:Алтангэрэл"
        ),
        family_first=True,
        native_language="mn",
        native_family_first=True,
    ),
    "anglo": NameRegion(
        _parts(
            "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|Moore|Martin|Thompson"
            "|White|Harris|Clark|Lewis|Robinson|Walker|Campbell|Stewart|O'Brien|Murphy"
        ),
        _parts(
            "James|John|Robert|Michael|William|David|Richard|Mary+|Patricia+|Jennifer+|Linda+|Elizabeth+|Susan+"
            "|Sarah+|Karen+|Emily+|Daniel|Andrew|Catherine+|Stephen"
        ),
    ),
    "hispanic": NameRegion(
        _parts(
            "García|Rodríguez|Martínez|López|González|Hernández|Pérez|Sánchez|Ramírez|Torres|Flores|Rivera"
            "|Gómez|Díaz|Reyes|Cruz|Morales|Ortiz"
        ),
        _parts(
            "José|Juan|Carlos|Luis|Miguel|Jorge|María+|Ana+|Carmen+|Lucía+|Alejandro|Fernando|Isabel+|Gabriela+"
            "|Ricardo|Sofía+"
        ),
    ),
    "lusophone": NameRegion(
        _parts(
            "Silva|Santos|Oliveira|Souza|Costa|Pereira|Almeida|Ferreira|Rodrigues|Carvalho|Gomes|Ribeiro|Lima|Araújo"
        ),
        _parts("João|António|Francisco|Paulo|Pedro|Luís|Ana+|Maria+|Beatriz+|Mariana+|Rafael|Tiago|Fernanda+|Luíza+"),
    ),
    "french": NameRegion(
        _parts(
            "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèvre|Michel"
            "|Fontaine|Rousseau"
        ),
        _parts(
            "Jean|Pierre|Michel|François|Philippe|Nicolas|Marie+|Nathalie+|Isabelle+|Sophie+|Catherine+|Laurent"
            "|Élise+|Thierry|Hélène+|Benoît"
        ),
    ),
    "german": NameRegion(
        _parts(
            "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Koch|Richter|Bauer|Klein"
            "|Wolf|Schröder"
        ),
        _parts(
            "Thomas|Andreas|Michael|Stefan|Frank|Jürgen|Sabine+|Ursula+|Monika+|Petra+|Katrin+|Annalena+|Markus"
            "|Wolfgang|Heike+|Jens"
        ),
    ),
    "dutch": NameRegion(
        _parts("de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Visser|Smit|Meijer|de Boer"),
        _parts("Jan|Pieter|Sander|Mark|Anouk+|Lotte+|Femke+|Ruud|Sophie+|Willem|Hanneke+|Bas"),
    ),
    "italian": NameRegion(
        _parts(
            "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|De Luca"
            "|Costa|Giordano"
        ),
        _parts(
            "Giuseppe|Marco|Luca|Giovanni|Francesco|Alessandro|Andrea|Paolo|Maria+|Anna+|Giulia+|Francesca+"
            "|Chiara+|Sergio|Roberta+|Matteo"
        ),
    ),
    "nordic": NameRegion(
        _parts(
            "Johansson|Andersson|Karlsson|Nilsson|Eriksson|Larsen|Hansen|Johansen|Olsen|Jensen|Nielsen|Korhonen"
            "|Virtanen|Mäkinen|Nieminen|Lindqvist"
        ),
        _parts(
            "Erik|Lars|Anders|Nils|Ingrid+|Karin+|Anna+|Mette+|Sanna+|Jussi|Pekka|Liisa+|Henrik|Sofie+|Magnus|Astrid+"
        ),
    ),
    "central_european": NameRegion(
        _parts("Nowak|Kowalski|Wiśniewski|Wójcik|Novák|Svoboda|Dvořák|Černý|Nagy|Kovács|Tóth|Szabó|Horváth|Kowalczyk"),
        _parts("Piotr|Krzysztof|Jan|Tomáš|Petr|László|Zoltán|Péter|Marek|Paweł|Jakub|Gábor"),
    ),
    "turkish": NameRegion(
        _parts("Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan"),
        _parts("Mehmet|Ahmet|Mustafa|Ayşe+|Fatma+|Emine+|Ali|Hüseyin|Murat|Elif+|Zeynep+|Hakan"),
    ),
    "central_asian": NameRegion(
        _parts(
            "Akhmetov|Abdullayev|Karimov|Rakhimov|Tursunov|Sultanov|Yusupov|Ismailov|Zhumabayev|Alimov|Sadykov|Nurlanov"
        ),
        _parts("Askar|Timur|Rustam|Aibek|Yerlan|Bakhtiyor|Dauren|Sherzod|Azamat|Marat|Ulugbek|Bolat"),
    ),
    "indian": NameRegion(
        _parts("Sharma|Verma|Gupta|Singh|Kumar|Patel|Reddy|Iyer|Nair|Rao|Mehta|Joshi|Chopra|Banerjee|Das|Menon"),
        _parts(
            "Rahul|Amit|Priya+|Anjali+|Vikram|Suresh|Rajesh|Sunita+|Arjun|Kavita+|Sanjay|Nirmala+|Harsh|Meera+"
            "|Anil|Deepak"
        ),
    ),
    "south_asian": NameRegion(
        _parts("Khan|Ahmed|Hussain|Rahman|Chaudhry|Malik|Qureshi|Siddiqui|Hossain|Islam|Butt|Sheikh"),
        _parts("Imran|Ayesha+|Bilal|Fatima+|Shahid|Asif|Nadia+|Tariq|Sajid|Farhan|Rubina+|Kamal"),
    ),
    "malay": NameRegion(
        _parts("Santoso|Wijaya|Hidayat|Saputra|Kusuma|Pratama|Rahman|Ibrahim|Abdullah|Ismail|Hassan|Halim"),
        _parts("Budi|Siti+|Agus|Dewi+|Retno+|Joko|Ahmad|Nurul+|Aziz|Farah+|Hafiz|Sri+"),
    ),
    "thai": NameRegion(
        _parts("Srisuk|Wongsakul|Chaiyaporn|Suwannarat|Thongchai|Rattanakorn|Boonmee|Kaewkla|Saetang|Phromma"),
        _parts("Somchai|Somsak|Malee+|Suda+|Anan|Niran|Pim+|Kittisak|Wanida+|Chatchai|Siriporn+|Don"),
    ),
    "southern_african": NameRegion(
        _parts("Nkosi|Dlamini|Mokoena|Ndlovu|Khumalo|Mahlangu|Naidoo|Botha"),
        _parts("Thabo|Sipho|Nomvula+|Zanele+|Lindiwe+|Mandla|Naledi+|Kagiso"),
    ),
    "west_african": NameRegion(
        _parts("Okafor|Adeyemi|Okonkwo|Abubakar|Bello|Eze|Ogunleye|Ibrahim"),
        _parts("Chinedu|Ngozi+|Oluwaseun|Amina+|Emeka|Musa|Funmilayo+|Tunde"),
    ),
    "east_african": NameRegion(
        _parts("Mwangi|Otieno|Kamau|Wanjiku|Odhiambo|Kiprono|Njoroge|Mutua"),
        _parts("Wanjiru+|Kipchoge|Achieng+|Juma|Grace+|Peter|Faith+|Samuel"),
    ),
    "ethiopian": NameRegion(
        _parts("Tesfaye|Bekele|Haile|Girma|Alemu|Tadesse|Mekonnen|Kebede"),
        _parts("Dawit|Meron+|Yohannes|Hirut+|Selam+|Getachew|Tigist+|Berhanu"),
    ),
}

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

# --------------------------------------------------------------------------- people and offices


def _fold(text: str) -> str:
    """'Yıldırım' → 'Yildirim', 'Müller' → 'Muller': the form without diacritics."""
    text = text.replace("ı", "i").replace("ł", "l").replace("Ł", "L")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@dataclass(frozen=True)
class SyntheticName:
    name: str
    sort_name: str
    native_name: str
    other_names: tuple[tuple[str, str, str], ...]  # (name, language, note)


def make_person_name(*, rng: random.Random, region: NameRegion) -> SyntheticName:
    family = region.families[int(rng.random() * len(region.families))]
    given = region.givens[int(rng.random() * len(region.givens))]
    fam, fam_native, fam_alt = family.latin, family.native, family.alt
    if given.female and region.feminine:
        fam, fam_native = fam + region.feminine[0], fam_native + region.feminine[1]
        fam_alt = fam_alt + region.feminine[0] if fam_alt else ""

    def ordered(first_family: bool, f: str, g: str, joiner: str = " ") -> str:
        return f"{f}{joiner}{g}" if first_family else f"{g}{joiner}{f}"

    name = ordered(region.family_first, fam, given.latin)
    native = ""
    if fam_native and given.native:
        native = ordered(region.native_family_first, fam_native, given.native, region.native_joiner)
    others: list[tuple[str, str, str]] = []
    if fam_alt or given.alt:
        others.append(
            (
                ordered(region.family_first, fam_alt or fam, given.alt or given.latin),
                region.alt_language,
                region.alt_note,
            )
        )
    if region.reversed_note:
        others.append((ordered(not region.family_first, fam, given.latin), "en", region.reversed_note))
    if _fold(name) != name:
        others.append((_fold(name), "en", "without diacritics"))
    unique = {(n, lang): (n, lang, note) for n, lang, note in others if n != name}
    return SyntheticName(name, f"{fam}, {given.latin}", native, tuple(unique.values()))


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


# --------------------------------------------------------------------------- writing rows


@dataclass(frozen=True)
class _Table:
    model: type[Model]
    fields: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.model._meta.db_table

    @property
    def columns(self) -> list[str]:
        return [self.model._meta.get_field(f).column for f in self.fields]

    def unlisted(self, connection: BaseDatabaseWrapper) -> tuple[list[str], Row]:
        """Columns the model has and the generator does not fill, with the model's defaults.

        Keeps the generator working when a model gains a field with a default;
        a new required field without one is an error to fix here.
        """
        listed = set(self.columns)
        columns, values = [], []
        for f in self.model._meta.concrete_fields:
            if f.column in listed:
                continue
            value = f.get_default()
            if value is None and not f.null:
                raise RuntimeError(f"{self.name}.{f.column} has no default: teach events.synthetic to fill it")
            columns.append(f.column)
            values.append(f.get_db_prep_save(value, connection))
        return columns, tuple(values)


_STAMPED = ("id", "created_at", "updated_at")
_OTHER_NAME = (*_STAMPED, "name", "language", "note")
TABLES = {
    "country": _Table(Country, (*_STAMPED, "iso2", "iso3", "name")),
    "country_name": _Table(CountryName, (*_OTHER_NAME, "country")),
    "person": _Table(Person, (*_STAMPED, "name", "sort_name", "native_name", "slug", "nationality", "description")),
    "person_name": _Table(PersonName, (*_OTHER_NAME, "person")),
    "office": _Table(Office, (*_STAMPED, "title", "slug", "country", "body", "kind", "single_holder", "description")),
    "office_title": _Table(OfficeTitle, (*_OTHER_NAME, "office")),
    "tenure": _Table(
        Tenure,
        (
            *_STAMPED,
            *("person", "office", "start", "start_precision", "end", "end_precision", "status", "single_holder"),
            "note",
        ),
    ),
    "topic": _Table(Topic, (*_STAMPED, "name", "slug", "parent", "description")),
    "topic_name": _Table(TopicName, (*_OTHER_NAME, "topic")),
    "source": _Table(
        Source,
        (
            *_STAMPED,
            *("url", "publisher", "agency", "headline", "byline", "published_on", "published_precision"),
            "language",
        ),
    ),
    "event": _Table(
        Event,
        (
            *_STAMPED,
            *("title", "slug", "kind", "start_date", "start_precision", "end_date", "end_precision", "status"),
            *("city", "country", "venue", "summary", "review_state", "retraction_reason"),
        ),
    ),
    "participation": _Table(
        Participation,
        (
            *_STAMPED,
            *("event", "role", "person", "description", "affiliation", "country", "title_as_reported", "office"),
            *("source", "quote"),
        ),
    ),
    "event_topic": _Table(Event.topics.through, ("id", "event", "topic")),
    "event_source": _Table(Event.sources.through, ("id", "event", "source")),
}


BIG_TABLES = ("event", "participation", "event_topic", "event_source")  # millions of rows at 1M events


class _Writer:
    """Writes tuples into tables: COPY on PostgreSQL, executemany elsewhere."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.method = "copy" if connection.vendor == "postgresql" else "insert"
        self.rows: dict[str, int] = {}

    def next_ids(self) -> dict[str, int]:
        """The first free primary key of each table (max + 1)."""
        qn = self.connection.ops.quote_name
        ids = {}
        with self.connection.cursor() as cursor:
            for key, table in TABLES.items():
                cursor.execute(f"SELECT MAX({qn('id')}) FROM {qn(table.name)}")  # noqa: S608 - names, not data
                ids[key] = (cursor.fetchone()[0] or 0) + 1
        return ids

    def lock(self) -> None:
        """Keep other writers out of these tables until commit, so allocated keys stay free."""
        if self.method == "copy":
            qn = self.connection.ops.quote_name
            names = ", ".join(qn(t.name) for t in TABLES.values())
            with self.connection.cursor() as cursor:
                cursor.execute(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE")

    @contextmanager
    def foreign_keys_checked_once(self, keys: Sequence[str]) -> Iterator[None]:
        """On PostgreSQL, check the foreign keys of the big tables once at the end, not row by row.

        Drops those constraints inside the transaction and adds them back with
        their own definitions, which validates every row in one join per key
        (what pg_restore does) instead of millions of trigger checks. The
        tables are locked exclusively until commit; on error the transaction
        rolls the drop back with everything else.
        """
        if self.method != "copy":
            yield
            return
        tables = [TABLES[key].name for key in keys]
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) ORDER BY 1, 2",
                [tables],
            )
            constraints = cursor.fetchall()
            # An enclosing transaction may have checks pending on these tables, which blocks
            # ALTER TABLE: run them now (they would run at its commit anyway).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table, name, _definition in constraints:
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {self.connection.ops.quote_name(name)}")
        yield
        with self.connection.cursor() as cursor:
            for table, name, definition in constraints:
                cursor.execute(
                    f"ALTER TABLE {table} ADD CONSTRAINT {self.connection.ops.quote_name(name)} {definition}"
                )
        logger.info("Re-checked %d foreign keys of %s", len(constraints), ", ".join(tables))

    def write(self, key: str, rows: Sequence[Row]) -> None:
        if not rows:
            return
        table = TABLES[key]
        qn = self.connection.ops.quote_name
        unlisted, defaults = table.unlisted(self.connection)
        if unlisted and key not in self.rows:
            logger.warning("%s: filling %s with the model defaults", table.name, ", ".join(unlisted))
        columns = ", ".join(qn(c) for c in [*table.columns, *unlisted])
        with self.connection.cursor() as cursor:
            if self.method == "copy":
                with cursor.copy(f"COPY {qn(table.name)} ({columns}) FROM STDIN") as copy:
                    write_row = copy.write_row
                    for row in rows:
                        write_row(row + defaults if defaults else row)
            else:
                marks = ", ".join(["%s"] * (len(table.columns) + len(unlisted)))
                cursor.executemany(
                    f"INSERT INTO {qn(table.name)} ({columns}) VALUES ({marks})",  # noqa: S608 - names, not data
                    [row + defaults for row in rows] if defaults else rows,
                )
        self.rows[key] = self.rows.get(key, 0) + len(rows)

    def finish(self) -> None:
        """Move the sequences past the keys allocated here."""
        statements = self.connection.ops.sequence_reset_sql(no_style(), [t.model for t in TABLES.values()])
        with self.connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


# --------------------------------------------------------------------------- generating


@dataclass(frozen=True)
class Sizes:
    """How much of everything a run makes for a number of events."""

    events: int
    people: int
    offices: int
    countries: int
    sources: int

    @classmethod
    def for_events(cls, events: int) -> "Sizes":
        offices = max(10, events // 200)
        return cls(
            events=events,
            people=max(20, events // 20),
            offices=offices,
            countries=min(len(COUNTRIES), max(3, offices // 5)),
            sources=(events + 1) // 2,
        )


@dataclass(frozen=True)
class SyntheticResult:
    seed: int
    sizes: Sizes
    method: str  # "copy" (PostgreSQL) or "insert"
    rows: dict[str, int]  # table name → rows written
    countries_reused: int


ACTING_RATE = 0.08  # share of handovers with an acting holder in between
YEAR_2000 = date(2000, 1, 1).toordinal()
FIRST_ORD, LAST_ORD = FIRST_DAY.toordinal(), LAST_DAY.toordinal()
EARLIEST_ORD = FIRST_ORD - 6 * 366  # tenure chains start up to six years before the first event
DAY, MONTH, YEAR = DatePrecision.DAY.value, DatePrecision.MONTH.value, DatePrecision.YEAR.value
HOLDER, ACTING = TenureStatus.HOLDER.value, TenureStatus.ACTING.value
K = OfficeKind

_KIND_WEIGHTS = {
    EventKind.MEETING: 30,
    EventKind.TALKS: 12,
    EventKind.NEGOTIATION: 5,
    EventKind.VISIT: 12,
    EventKind.PHONE_CALL: 12,
    EventKind.VIDEO_CALL: 4,
    EventKind.SUMMIT: 6,
    EventKind.BRIEFING: 8,
    EventKind.STATEMENT: 6,
    EventKind.AGREEMENT: 5,
}
_LEADERS = {K.HEAD_OF_STATE: 7, K.HEAD_OF_GOVERNMENT: 3}
_CALLS = {K.MINISTER: 5, K.HEAD_OF_STATE: 3, K.HEAD_OF_GOVERNMENT: 2}
# Which offices host and guest come from, by event kind: office kind → weight.
_KIND_OFFICES: dict[str, tuple[dict[str, int], dict[str, int]]] = {
    EventKind.MEETING: ({K.MINISTER: 4, K.VICE_MINISTER: 3, K.ENVOY: 2, K.AMBASSADOR: 1, K.ADVISER: 1},) * 2,
    EventKind.TALKS: ({K.VICE_MINISTER: 4, K.ENVOY: 3, K.MINISTER: 2, K.OFFICIAL: 1},) * 2,
    EventKind.NEGOTIATION: ({K.ENVOY: 4, K.VICE_MINISTER: 3, K.MINISTER: 2, K.OFFICIAL: 2},) * 2,
    EventKind.VISIT: ({K.HEAD_OF_STATE: 2, K.HEAD_OF_GOVERNMENT: 2, K.MINISTER: 4, K.VICE_MINISTER: 2},) * 2,
    EventKind.PHONE_CALL: (_CALLS, _CALLS),
    EventKind.VIDEO_CALL: (_CALLS, _CALLS),
    EventKind.SUMMIT: (_LEADERS, _LEADERS),
    EventKind.BRIEFING: ({K.SPOKESPERSON: 1}, {K.AMBASSADOR: 2, K.MINISTER: 2, K.ENVOY: 1}),
    EventKind.STATEMENT: ({K.SPOKESPERSON: 1, K.MINISTER: 1}, {K.MINISTER: 2, K.HEAD_OF_STATE: 1, K.AMBASSADOR: 1}),
    EventKind.AGREEMENT: ({K.MINISTER: 6, K.HEAD_OF_STATE: 2, K.HEAD_OF_GOVERNMENT: 2},) * 2,
}
_EXTRA_OFFICES = {K.VICE_MINISTER: 3, K.AMBASSADOR: 3, K.ADVISER: 2, K.ENVOY: 2, K.OFFICIAL: 2, K.LEGISLATOR: 1}
_BYLINE_REGIONS = ("anglo", "anglo", "anglo", "korean", "japanese", "french", "german", "indian", "hispanic")
_ROLES = (ParticipationRole.HOST.value, ParticipationRole.GUEST.value) + (ParticipationRole.PARTICIPANT.value,) * 2


def _table(weights: dict[str, int]) -> list[str]:
    """A list to draw from uniformly that gives each key its weight."""
    return [str(key) for key, weight in weights.items() for _ in range(weight)]


def _first_of_month_from(ordinal: int) -> int:
    day = date.fromordinal(ordinal)
    if day.day == 1:
        return ordinal
    return (date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)).toordinal()


def _first_of_year_from(ordinal: int) -> int:
    day = date.fromordinal(ordinal)
    return ordinal if (day.month, day.day) == (1, 1) else date(day.year + 1, 1, 1).toordinal()


@dataclass
class _Office:
    id: int
    country: int  # index into the run's countries
    titles: tuple[str, ...]  # the official title first
    body: str
    kind: str
    single_holder: bool
    # per seat: the tenures in order of start, as (start, start precision, end or None, status)
    seats: list[list[tuple[int, str, int | None, str]]]
    # per seat, filled once people are assigned: starts, ends (None → far future), person indexes
    chains: list[tuple[list[int], list[int], list[int]]]


class _Generator:
    def __init__(self, *, seed: int, sizes: Sizes, writer: _Writer, stamp: object, progress: Progress | None) -> None:
        self.seed, self.sizes, self.writer, self.stamp = seed, sizes, writer, stamp
        self.progress = progress or (lambda stage, done, total: None)
        self.rng = random.Random(seed)  # noqa: S311 - reproducible sample data, not secrets
        self.prefix = slug_prefix(seed=seed)
        self.ids = writer.next_ids()
        self.iso = {o: date.fromordinal(o).isoformat() for o in range(EARLIEST_ORD, LAST_ORD + 400)}
        self.countries = COUNTRIES[: sizes.countries]
        self.countries_reused = 0

    def _take_ids(self, key: str, n: int = 1) -> int:
        """Reserve ``n`` consecutive primary keys of a table; returns the first."""
        first = self.ids[key]
        self.ids[key] += n
        return first

    def run(self, *, chunk_size: int) -> None:
        self._write_countries()
        self._write_people_and_offices()
        self._write_topics()
        self._write_events(chunk_size=chunk_size)

    # -- countries, people, offices, tenures

    def _write_countries(self) -> None:
        st = self.stamp
        countries = Country.objects.using(self.writer.connection.alias)
        existing = dict(countries.filter(iso2__in=[c.iso2 for c in self.countries]).values_list("iso2", "id"))
        rows: list[Row] = []
        names: list[Row] = []
        self.country_ids: list[int] = []
        for spec in self.countries:
            country_id = existing.get(spec.iso2)
            if country_id is None:
                country_id = self._take_ids("country")
                rows.append((country_id, st, st, spec.iso2, spec.iso3, spec.name))
                for other in spec.other_names:
                    names.append((self._take_ids("country_name"), st, st, other, "en", "", country_id))
            self.country_ids.append(country_id)
        self.countries_reused = len(existing)
        self.writer.write("country", rows)
        self.writer.write("country_name", names)
        logger.info("Countries: %d reused, %d created", len(existing), len(rows))

    def _write_people_and_offices(self) -> None:
        n_countries = len(self.countries)
        self.people = [
            make_person_name(rng=self.rng, region=NAME_REGIONS[self.countries[i % n_countries].region])
            for i in range(self.sizes.people)
        ]
        person_base = self._take_ids("person", len(self.people))
        self.person_ids = range(person_base, person_base + len(self.people))
        self.offices = self._make_offices()
        holders = self._assign_people(self.offices)
        self._write_people_offices_tenures(holders)

    def _make_offices(self) -> list[_Office]:
        """Offices dealt round the countries, most prominent first, each with its chains of tenures."""
        n_countries = len(self.countries)
        templates = [office_templates(country=c) for c in self.countries]
        offices: list[_Office] = []
        office_base = self._take_ids("office", self.sizes.offices)
        for k in range(self.sizes.offices):
            c, index = k % n_countries, k // n_countries
            if index < len(templates[c]):
                t = templates[c][index]
            else:
                n = index - len(templates[c]) + 1
                spec = self.countries[c]
                t = OfficeTemplate(
                    f"Senior Counsellor {n}", K.OFFICIAL, "Ministry of Foreign Affairs", (f"{spec.demonym} diplomat",)
                )
            others = tuple(dict.fromkeys(x for x in t.other_titles if x != t.title))
            seats = [self._tenure_chain(t.term_days, single_holder=t.single_holder) for _ in range(t.seats)]
            offices.append(_Office(office_base + k, c, (t.title, *others), t.body, t.kind, t.single_holder, seats, []))
        return offices

    def _write_people_offices_tenures(self, holders: dict[int, list[list[int]]]) -> None:
        st, people, offices, n_countries = self.stamp, self.people, self.offices, len(self.countries)
        # Rows: people, their other names, offices, other titles, tenures.
        latest: dict[int, tuple[int, str]] = {}  # person → their last tenure's start and office
        tenure_rows: list[Row] = []
        for office in offices:
            for seat, persons in zip(office.seats, holders[office.id], strict=True):
                for (start, precision, end, status), person in zip(seat, persons, strict=True):
                    tenure_rows.append(
                        (
                            self._take_ids("tenure"),
                            *(st, st, self.person_ids[person], office.id, self.iso[start], precision),
                            *(None if end is None else self.iso[end], DAY, status, office.single_holder, ""),
                        )
                    )
                    if start >= latest.get(person, (0, ""))[0]:
                        latest[person] = (start, office.titles[1] if len(office.titles) > 1 else office.titles[0])
        person_rows: list[Row] = []
        name_rows: list[Row] = []
        for i, p in enumerate(people):
            spec = self.countries[i % n_countries]
            description = latest[i][1] if i in latest else f"{spec.demonym} diplomat"
            slug = f"{self.prefix}{slugify(_fold(p.name))}-{i}"
            person_id = self.person_ids[i]
            person_rows.append(
                (
                    person_id,
                    st,
                    st,
                    p.name,
                    p.sort_name,
                    p.native_name,
                    slug,
                    self.country_ids[i % n_countries],
                    description,
                )
            )
            for name, language, note in p.other_names:
                name_rows.append((self._take_ids("person_name"), st, st, name, language, note, person_id))
        office_rows: list[Row] = []
        title_rows: list[Row] = []
        for k, o in enumerate(offices):
            spec = self.countries[o.country]
            slug = f"{self.prefix}{spec.iso2.lower()}-{slugify(_fold(o.titles[0]))}-{k}"[:200]
            description = f"Synthetic office (seed {self.seed})."
            office_rows.append(
                (
                    o.id,
                    st,
                    st,
                    o.titles[0],
                    slug,
                    self.country_ids[o.country],
                    o.body,
                    o.kind,
                    o.single_holder,
                    description,
                )
            )
            for title in o.titles[1:]:
                title_rows.append((self._take_ids("office_title"), st, st, title, "en", "press usage", o.id))
        for key, rows in (
            ("person", person_rows),
            ("person_name", name_rows),
            ("office", office_rows),
            ("office_title", title_rows),
            ("tenure", tenure_rows),
        ):
            self.writer.write(key, rows)
        logger.info("People %d, offices %d, tenures %d", len(person_rows), len(office_rows), len(tenure_rows))

    def _tenure_chain(
        self, term_days: tuple[int, int], *, single_holder: bool
    ) -> list[tuple[int, str, int | None, str]]:
        """Consecutive holders from before 1990 to today, with the odd acting holder in between."""
        rnd, randint = self.rng.random, self.rng.randint
        lo, hi = term_days
        start, precision = FIRST_ORD - randint(0, 6 * 365), DAY
        if rnd() < 0.2:  # the first records are vague
            start, precision = date(date.fromordinal(start).year, 1, 1).toordinal(), YEAR
        chain: list[tuple[int, str, int | None, str]] = []
        while True:
            end = start + randint(lo, hi) - 1
            if end >= LAST_ORD:
                chain.append((start, precision, None, HOLDER))
                return chain
            acting = single_holder and rnd() < ACTING_RATE
            following = end + 1 + (randint(20, 240) if acting else 0)
            following_precision = DAY
            if following < YEAR_2000:
                r = rnd()
                if r < 0.10:
                    following, following_precision = _first_of_month_from(following), MONTH
                elif r < 0.13:
                    following, following_precision = _first_of_year_from(following), YEAR
            if not acting:
                end = following - 1
            chain.append((start, precision, end, HOLDER))
            if acting:
                if following > LAST_ORD:
                    chain.append((end + 1, DAY, None, ACTING))
                    return chain
                overlap = randint(1, 14) if rnd() < 0.3 else 0  # acting until a few days into the new term
                chain.append((end + 1, DAY, following - 1 + overlap, ACTING))
            start, precision = following, following_precision

    def _assign_people(self, offices: list[_Office]) -> dict[int, list[list[int]]]:
        """Give every tenure a holder of the office's country, nobody holding two offices at once if avoidable."""
        rnd = self.rng.random
        n_countries = len(self.countries)
        pools: list[list[int]] = [list(range(c, len(self.people), n_countries)) for c in range(n_countries)]
        free_from = [0] * len(self.people)
        holders = {o.id: [[-1] * len(seat) for seat in o.seats] for o in offices}
        slots: list[list[tuple[int, int, int, int]]] = [[] for _ in range(n_countries)]
        for k, office in enumerate(offices):
            for s, seat in enumerate(office.seats):
                slots[office.country] += [(start, k, s, i) for i, (start, *_rest) in enumerate(seat)]
        never = LAST_ORD + 100_000
        for country, country_slots in enumerate(slots):
            pool = pools[country]
            for start, k, s, i in sorted(country_slots):
                end = offices[k].seats[s][i][2]
                person = -1
                for _ in range(8):
                    candidate = pool[int(rnd() * len(pool))]
                    if free_from[candidate] <= start:
                        person = candidate
                        break
                else:
                    person = next((p for p in pool if free_from[p] <= start), pool[int(rnd() * len(pool))])
                free_from[person] = max(free_from[person], never if end is None else end + 1)
                holders[offices[k].id][s][i] = person
        for office in offices:
            for seat, persons in zip(office.seats, holders[office.id], strict=True):
                starts = [start for start, *_ in seat]
                ends = [never if end is None else end for _, _, end, _ in seat]
                office.chains.append((starts, ends, persons))
        return holders

    # -- topics

    def _write_topics(self) -> None:
        st = self.stamp
        rows: list[Row] = []
        names: list[Row] = []
        self.topic_names: dict[int, str] = {}
        self.leaf_topics: list[int] = []
        self.area_topics: list[int] = []

        def add(name: str, others: tuple[str, ...], parent: int | None) -> int:
            topic_id = self._take_ids("topic")
            rows.append((topic_id, st, st, name, f"{self.prefix}{slugify(name)}", parent, ""))
            for other in others:
                names.append((self._take_ids("topic_name"), st, st, other, "en", "other spelling", topic_id))
            self.topic_names[topic_id] = name
            return topic_id

        for area, area_others, subjects in TOPIC_TREE:
            area_id = add(area, area_others, None)
            self.area_topics.append(area_id)
            for subject, subject_others in subjects:
                self.leaf_topics.append(add(subject, subject_others, area_id))
        self.writer.write("topic", rows)
        self.writer.write("topic_name", names)

    # -- events, their participants, topics and sources

    def _write_events(self, *, chunk_size: int) -> None:
        total = self.sizes.events
        self.event_base = self._take_ids("event", total)
        self.source_base = self._take_ids("source", self.sizes.sources)
        n_countries = len(self.countries)
        self.offices_by_kind: list[dict[str, list[int]]] = [{} for _ in range(n_countries)]
        self.offices_of: list[list[int]] = [[] for _ in range(n_countries)]
        for k, office in enumerate(self.offices):
            self.offices_by_kind[office.country].setdefault(office.kind, []).append(k)
            self.offices_of[office.country].append(k)
        # More news about the first countries of the list, as in a real collection.
        self.country_table = [c for c in range(n_countries) for _ in range(1 + 24 // (c + 2))]
        self.kind_table = _table(_KIND_WEIGHTS)
        self.review_table = _table(_REVIEW_WEIGHTS)
        self.kind_offices = {kind: (_table(host), _table(guest)) for kind, (host, guest) in _KIND_OFFICES.items()}
        self.extra_table = _table(_EXTRA_OFFICES)
        self.any_table = _table(dict.fromkeys(OfficeKind.values, 1))
        self.press_title = [o.titles[1] if len(o.titles) > 1 else o.titles[0] for o in self.offices]
        self.ministry = [f"{office_templates(country=c)[1].body} ({c.name})" for c in self.countries]
        self.topic_phrase = {tid: _topic_phrase(name) for tid, name in self.topic_names.items()}
        self.month_start = [date.fromordinal(o).replace(day=1).toordinal() for o in range(FIRST_ORD, LAST_ORD + 1)]
        self.year_start = [date(date.fromordinal(o).year, 1, 1).toordinal() for o in range(FIRST_ORD, LAST_ORD + 1)]
        # Rows are made in blocks of a fixed size (so the chunk size cannot change them)
        # and written once a chunk's worth has piled up.
        pending: dict[str, list[Row]] = {key: [] for key in _EVENT_TABLES}
        piled = 0
        for start in range(0, total, EVENT_BLOCK):
            stop = min(total, start + EVENT_BLOCK)
            for key, rows in zip(_EVENT_TABLES, self._event_block(start, stop), strict=True):
                pending[key] += rows
            piled += stop - start
            if piled >= chunk_size or stop == total:
                for key in _EVENT_TABLES:
                    self.writer.write(key, pending[key])
                    pending[key] = []
                piled = 0
                self.progress("events", stop, total)
                logger.debug("Events %d/%d", stop, total)

    def _holder(self, country: int, kinds: list[str], day: int, taken: list[int]) -> tuple[int, int] | None:
        """An office of ``country`` of one of ``kinds`` and who held it on ``day``, not one of ``taken``."""
        rnd = self.rng.random
        for _ in range(6):
            candidates = self.offices_by_kind[country].get(kinds[int(rnd() * len(kinds))]) or self.offices_of[country]
            k = candidates[int(rnd() * len(candidates))]
            chains = self.offices[k].chains
            starts, ends, persons = chains[0] if len(chains) == 1 else chains[int(rnd() * len(chains))]
            i = bisect_right(starts, day) - 1
            if i >= 0 and ends[i] >= day and persons[i] not in taken:
                taken.append(persons[i])
                return k, persons[i]
        return None

    def _event_block(self, start: int, stop: int) -> tuple[list[Row], ...]:
        """Rows for events ``start`` to ``stop`` in the order of ``_EVENT_TABLES``; ``start`` is even."""
        rnd, st, iso, prefix = self.rng.random, self.stamp, self.iso, self.prefix
        offices, people, person_ids, countries, country_ids = (
            self.offices,
            self.people,
            self.person_ids,
            self.countries,
            self.country_ids,
        )
        n = stop - start
        span = LAST_ORD - FIRST_ORD + 1
        days: list[tuple[int, str]] = []
        for _ in range(n):
            day = FIRST_ORD + int(span * rnd() ** 0.6)  # more events in recent years
            r = rnd()
            if r < 0.93:
                days.append((day, DAY))
            elif r < 0.98:
                days.append((self.month_start[day - FIRST_ORD], MONTH))
            else:
                days.append((self.year_start[day - FIRST_ORD], YEAR))
        days.sort()

        first_source, stop_source = start // 2, (stop + 1) // 2
        ids = self.ids
        participation_id, event_topic_id, event_source_id = (
            ids["participation"],
            ids["event_topic"],
            ids["event_source"],
        )
        events: list[Row] = []
        participations: list[Row] = []
        event_topics: list[Row] = []
        event_sources: list[Row] = []
        host_countries: list[int] = []
        titles: list[str] = []
        country_table, kind_table, review_table = self.country_table, self.kind_table, self.review_table
        for g, (day, precision) in zip(range(start, stop), days, strict=True):
            event_id = self.event_base + g
            kind = kind_table[int(rnd() * len(kind_table))]
            host_kinds, guest_kinds = self.kind_offices[kind]
            host = guest = country_table[int(rnd() * len(country_table))]
            while guest == host:
                guest = country_table[int(rnd() * len(country_table))]
            wanted = 2 + (rnd() >= 0.55) + (rnd() >= 0.7)  # 2, 3 or 4 participants
            taken: list[int] = []
            chosen = [self._holder(host, host_kinds, day, taken), self._holder(guest, guest_kinds, day, taken)]
            for _ in range(wanted - 2):
                chosen.append(self._holder(host if rnd() < 0.5 else guest, self.extra_table, day, taken))
            found = [c for c in chosen if c is not None]
            for _ in range(100):
                if len(found) >= 2:
                    break
                extra = self._holder(int(rnd() * len(countries)), self.any_table, day, taken)
                if extra is not None:
                    found.append(extra)
            else:
                raise RuntimeError(f"No two distinct office holders on {iso[day]}: too few people for the offices.")

            topics: list[int] = []
            for _ in range(1 + (rnd() >= 0.5) + (rnd() >= 0.7)):  # 1 to 3 topics, mostly subjects
                pool = self.leaf_topics if rnd() < 0.85 else self.area_topics
                topic = pool[int(rnd() * len(pool))]
                if topic not in topics:
                    topics.append(topic)
            source_id = self.source_base + g // 2
            sources = [source_id]
            if rnd() < 0.35:
                other = g // 2 + (1 if g % 2 else -1)
                if first_source <= other < stop_source:
                    sources.append(self.source_base + other)

            (hk, hp), (gk, gp) = found[0], found[1]
            ho, go = offices[hk], offices[gk]
            title = _TITLES[kind].format(
                ht=self.press_title[hk],
                hn=people[hp].name,
                gt=self.press_title[gk],
                gn=people[gp].name,
                hc=countries[ho.country].name,
                gc=countries[go.country].name,
                topic=self.topic_phrase[topics[0]],
            )
            who = "; ".join(
                f"{people[p].name} ({offices[k].titles[0]}, {countries[offices[k].country].name})" for k, p in found
            )
            summary = f"{title}. With {who}. Topics: {', '.join(self.topic_names[t] for t in topics)}."
            end = None
            if precision == DAY and kind in _MULTI_DAY and rnd() < 0.4:
                end = iso[day + 1 + int(rnd() * 3)]
            if day >= SCHEDULED_FROM and rnd() < 0.5:
                status = EventStatus.SCHEDULED.value
            else:
                r = rnd()
                status = _CANCELLED if r < 0.03 else _POSTPONED if r < 0.06 else _TOOK_PLACE
            remote = kind in _REMOTE
            review = review_table[int(rnd() * len(review_table))]
            events.append(
                (
                    *(event_id, st, st, title[:300], f"{prefix}e{g}", kind, iso[day], precision, end, DAY, status),
                    "" if kind == EventKind.VIDEO_CALL else countries[ho.country].capital,
                    country_ids[ho.country],
                    "" if remote else ho.body,
                    summary,
                    review,
                    _RETRACTION_REASON if review == _RETRACTED else "",
                )
            )
            for role, (k, p) in zip(_ROLES, found, strict=False):
                office = offices[k]
                reported = office.titles[int(rnd() * len(office.titles))]
                participations.append(
                    (
                        *(participation_id, st, st, event_id, role, person_ids[p], "", ""),
                        *(country_ids[office.country], reported, office.id, source_id, ""),
                    )
                )
                participation_id += 1
            for topic in topics:
                event_topics.append((event_topic_id, event_id, topic))
                event_topic_id += 1
            for source in sources:
                event_sources.append((event_source_id, event_id, source))
                event_source_id += 1
            host_countries.append(ho.country)
            titles.append(title[:500])
        ids["participation"], ids["event_topic"], ids["event_source"] = (
            participation_id,
            event_topic_id,
            event_source_id,
        )

        sources_rows: list[Row] = []
        for j in range(first_source, stop_source):
            a = 2 * j - start  # the source reports events 2j and 2j+1, close in date
            b = min(a + 1, n - 1)
            published = days[b][0] + int(rnd() * 3)
            if rnd() < 0.2:
                publisher, agency = self.ministry[host_countries[a]], ""
            else:
                publisher = PUBLISHERS[int(rnd() * len(PUBLISHERS))]
                agency = AGENCIES[int(rnd() * len(AGENCIES))] if rnd() < 0.25 and publisher not in _WIRES else ""
            byline = "" if rnd() < 0.25 else self._byline()
            url = f"{URL_ROOT}/{self.seed}/{iso[published][:4]}/{j}"
            sources_rows.append(
                (self.source_base + j, st, st, url, publisher, agency, titles[a], byline, iso[published], DAY, "en")
            )
        return sources_rows, events, participations, event_topics, event_sources

    def _byline(self) -> str:
        rnd = self.rng.random

        def one() -> str:
            region = NAME_REGIONS[_BYLINE_REGIONS[int(rnd() * len(_BYLINE_REGIONS))]]
            given = region.givens[int(rnd() * len(region.givens))].latin
            return f"{given} {region.families[int(rnd() * len(region.families))].latin}"

        return f"{one()} and {one()}" if rnd() < 0.15 else one()


EVENT_BLOCK = 10_000  # events made at a time: dates sorted and sources shared within a block; even
_EVENT_TABLES = ("source", "event", "participation", "event_topic", "event_source")  # in the order written
SCHEDULED_FROM = date(2025, 9, 1).toordinal()  # announced, not yet reported as held
_TOOK_PLACE, _CANCELLED, _POSTPONED = (
    s.value for s in (EventStatus.TOOK_PLACE, EventStatus.CANCELLED, EventStatus.POSTPONED)
)
_MULTI_DAY = {EventKind.VISIT, EventKind.SUMMIT, EventKind.NEGOTIATION, EventKind.TALKS}
_REVIEW_WEIGHTS = {  # mostly published, so the public APIs have plenty to show
    ReviewState.PUBLISHED: 90,
    ReviewState.IN_REVIEW: 4,
    ReviewState.DRAFT: 4,
    ReviewState.RETRACTED: 2,
}
_RETRACTED = ReviewState.RETRACTED.value
_RETRACTION_REASON = "The only source was found to describe a different meeting."
_REMOTE = {EventKind.PHONE_CALL, EventKind.VIDEO_CALL}
_WIRES = {"Reuters", "Associated Press", "Agence France-Presse", "Yonhap News Agency", "Kyodo News", "Xinhua"}
_TITLES = {
    EventKind.MEETING: "{ht} {hn} meets {gt} {gn}",
    EventKind.TALKS: "{hc}–{gc} talks on {topic}",
    EventKind.NEGOTIATION: "{hc} and {gc} negotiate on {topic}",
    EventKind.VISIT: "{gt} {gn} visits {hc}",
    EventKind.PHONE_CALL: "{ht} {hn} and {gt} {gn} speak by phone",
    EventKind.VIDEO_CALL: "{ht} {hn} holds video call with {gt} {gn}",
    EventKind.SUMMIT: "{hc}–{gc} summit: {hn} and {gn}",
    EventKind.BRIEFING: "{ht} {hn} briefs press on {topic}",
    EventKind.STATEMENT: "{ht} {hn} issues statement on {topic}",
    EventKind.AGREEMENT: "{hc} and {gc} sign agreement on {topic}",
}
_PROPER_TOPICS = {
    "Korean Peninsula": "the Korean Peninsula",
    "Indo-Pacific": "the Indo-Pacific",
    "War in Ukraine": "the war in Ukraine",
    "Arctic": "the Arctic",
}


def _topic_phrase(name: str) -> str:
    """How a topic reads inside a title: 'talks on climate change', 'talks on the Arctic'."""
    if name in _PROPER_TOPICS:
        return _PROPER_TOPICS[name]
    first = name.split()[0]
    keep = first.isupper() or first in {"Middle", "United"}
    return name if keep else name[0].lower() + name[1:]


def _refuse_taken(*, seed: int, using: str) -> None:
    prefix = slug_prefix(seed=seed)
    taken = (
        Event.objects.using(using).filter(slug__startswith=prefix).exists()
        or Person.objects.using(using).filter(slug__startswith=prefix).exists()
        or Office.objects.using(using).filter(slug__startswith=prefix).exists()
        or Topic.objects.using(using).filter(slug__startswith=prefix).exists()
        or Source.objects.using(using).filter(url__startswith=f"{URL_ROOT}/{seed}/").exists()
    )
    if taken:
        raise SyntheticDataExists(f"seed {seed} already generated (rows with slugs starting '{prefix}' exist)")


def generate_synthetic_data(
    *,
    events: int,
    seed: int,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    using: str = "default",
    progress: Progress | None = None,
) -> SyntheticResult:
    """Write a synthetic dataset of ``events`` events for ``seed`` in one transaction.

    Raises ``SyntheticDataExists`` when the seed's rows are already there.
    ``progress(stage, done, total)`` is called after each chunk of events.
    """
    if events < 1:
        raise ValueError("events must be at least 1")
    if seed < 0:
        raise ValueError("seed must not be negative")
    connection = connections[using]
    for table in TABLES.values():
        table.unlisted(connection)  # fail before any work if a model gained a required field
    sizes = Sizes.for_events(events)
    stamp = connection.ops.adapt_datetimefield_value(timezone.now())
    with transaction.atomic(using=using):
        writer = _Writer(connection)
        writer.lock()
        _refuse_taken(seed=seed, using=using)
        generator = _Generator(seed=seed, sizes=sizes, writer=writer, stamp=stamp, progress=progress)
        logger.info(
            "Seed %d: %d events, %d people, %d offices in %d countries (%s)",
            *(seed, sizes.events, sizes.people, sizes.offices, sizes.countries, writer.method),
        )
        with writer.foreign_keys_checked_once(BIG_TABLES):
            generator.run(chunk_size=chunk_size)
        writer.finish()
    rows = {TABLES[key].name: count for key, count in writer.rows.items()}
    return SyntheticResult(seed, sizes, writer.method, rows, generator.countries_reused)
