"""The naming traditions synthetic people are drawn from: family and given names, native script, romanisations."""

from events.synthetic.names import NamePart, NameRegion


def _parts(spec: str) -> tuple[NamePart, ...]:
    """'Kim:김:Gim|Maria:Мария+' → name parts; a trailing + marks a female given name."""
    parts = []
    for entry in spec.split("|"):
        female = entry.endswith("+")
        latin, native, alt = ([*entry.rstrip("+").split(":"), "", ""])[:3]
        parts.append(NamePart(latin.strip(), native, alt, female))
    return tuple(parts)


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
