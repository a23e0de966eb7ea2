"""Small built-in tables the extractor needs whatever the graph holds: province-level divisions and
the region compounds news writes (成渝, 川渝, 京津冀), five-year plans and party congresses as
dates, qualifiers and units of statistics, the words that name a kind of thing, and a glossary for
first-draft English names. Everything else comes from the ontology, the graph and data/."""
from __future__ import annotations

import functools
import importlib.util
import re
import zipfile
from collections import Counter
from pathlib import Path

# GB/T 2260 province-level divisions: name, short name, one-character abbreviation(s), kind.
PROVINCES: list[tuple[str, str, str, tuple[str, ...], str]] = [
    ("110000", "北京市", "北京", ("京",), "municipality"),
    ("120000", "天津市", "天津", ("津",), "municipality"),
    ("130000", "河北省", "河北", ("冀",), "province"),
    ("140000", "山西省", "山西", ("晋",), "province"),
    ("150000", "内蒙古自治区", "内蒙古", ("蒙",), "province"),
    ("210000", "辽宁省", "辽宁", ("辽",), "province"),
    ("220000", "吉林省", "吉林", ("吉",), "province"),
    ("230000", "黑龙江省", "黑龙江", ("黑",), "province"),
    ("310000", "上海市", "上海", ("沪",), "municipality"),
    ("320000", "江苏省", "江苏", ("苏",), "province"),
    ("330000", "浙江省", "浙江", ("浙",), "province"),
    ("340000", "安徽省", "安徽", ("皖",), "province"),
    ("350000", "福建省", "福建", ("闽",), "province"),
    ("360000", "江西省", "江西", ("赣",), "province"),
    ("370000", "山东省", "山东", ("鲁",), "province"),
    ("410000", "河南省", "河南", ("豫",), "province"),
    ("420000", "湖北省", "湖北", ("鄂",), "province"),
    ("430000", "湖南省", "湖南", ("湘",), "province"),
    ("440000", "广东省", "广东", ("粤",), "province"),
    ("450000", "广西壮族自治区", "广西", ("桂",), "province"),
    ("460000", "海南省", "海南", ("琼",), "province"),
    ("500000", "重庆市", "重庆", ("渝",), "municipality"),
    ("510000", "四川省", "四川", ("川", "蜀"), "province"),
    ("520000", "贵州省", "贵州", ("黔", "贵"), "province"),
    ("530000", "云南省", "云南", ("滇", "云"), "province"),
    ("540000", "西藏自治区", "西藏", ("藏",), "province"),
    ("610000", "陕西省", "陕西", ("陕", "秦"), "province"),
    ("620000", "甘肃省", "甘肃", ("甘", "陇"), "province"),
    ("630000", "青海省", "青海", ("青",), "province"),
    ("640000", "宁夏回族自治区", "宁夏", ("宁",), "province"),
    ("650000", "新疆维吾尔自治区", "新疆", ("新",), "province"),
]

# Cities that appear in region compounds and park names (code, name, short name).
CITIES: list[tuple[str, str, str]] = [
    ("510100", "成都市", "成都"), ("430100", "长沙市", "长沙"), ("610100", "西安市", "西安"),
    ("420100", "武汉市", "武汉"), ("440100", "广州市", "广州"), ("440300", "深圳市", "深圳"),
    ("330100", "杭州市", "杭州"), ("320100", "南京市", "南京"), ("370100", "济南市", "济南"),
    ("340100", "合肥市", "合肥"), ("210100", "沈阳市", "沈阳"),
]


def _location_lines(folder: Path) -> list[str]:
    """The lines of jionlp's place dictionary. The wheel ships it zipped (china_location.zip) and jionlp unzips it
    beside the zip when it is first imported; read the zip itself, so that the result does not depend on whether
    anything imported jionlp before (a fresh install has no .txt)."""
    zipped = folder / "china_location.zip"
    if zipped.exists():
        with zipfile.ZipFile(zipped) as zf:
            return zf.read("china_location.txt").decode("utf-8").splitlines()
    return (folder / "china_location.txt").read_text(encoding="utf-8").splitlines()


@functools.lru_cache(maxsize=1)
def _gb2260() -> tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...]]:
    """Every prefecture-level city (code, full name, short name) and every county-level division (code, full
    name, kind) in jionlp's place dictionary, as it lists them (names that occur twice included)."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.origin:
        return (), ()
    cities: list[tuple[str, str, str]] = []
    counties: list[tuple[str, str, str]] = []
    for line in _location_lines(Path(spec.origin).parent / "dictionary"):
        depth, parts = len(line) - len(line.lstrip("\t")), line.strip().split("\t")
        if len(parts) != 3 or not parts[1].isdigit():
            continue
        if depth == 1 and parts[1][2:] != "0000":   # a municipality lists itself as its own city
            cities.append((parts[1], parts[0], parts[2]))
        elif depth == 2:
            # codes 71-79 are the functional zones statistics count as county-level (济南高新技术产业开发区);
            # a county (县, 旗, a county-level city) is the ontology's "district" kind: the county level
            kind = "zone" if parts[1][4] == "7" else "district"
            counties.append((parts[1], parts[0], kind))
    return tuple(cities), tuple(counties)


@functools.lru_cache(maxsize=1)
def admin_divisions() -> tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...]]:
    """Every prefecture-level city (code, full name, short name) and county-level division (code, full name,
    kind) of GB/T 2260, read from the place dictionary jionlp ships (dictionary/china_location.zip; jionlp is
    already used for dates), so that an article about any city or district finds its place (rule
    region-division) — not a list grown from the corpus. The file is read, jionlp is not imported (its import
    costs ~1.3 s). Left out, because a name alone cannot say which place it is: county-level names that occur
    twice (鼓楼区, 朝阳区, 通州区: data/ names the ones the parks are in), plain words (新建区: READ_AS_WORDS), names
    shorter than three characters (城区, 郊区), and a city's short name that is also the stem of a district in another province (朝阳 of
    Beijing's 朝阳区)."""
    cities, counties = _gb2260()
    seen = Counter(full for _, full, _ in counties)
    stems: dict[str, set[str]] = {}
    for code, full, _ in counties:
        stems.setdefault(full[:-1], set()).add(code[:2])
    provinces = {n for p in PROVINCES for n in p[1:3]}
    cities = [(c, full, short if len(short) >= 2 and stems.get(short, {c[:2]}) <= {c[:2]} and short not in provinces
               and "/" not in short else full) for c, full, short in cities]
    counties = [x for x in counties if seen[x[1]] == 1 and len(x[1]) >= 3 and x[1] not in provinces
                and x[1] not in READ_AS_WORDS]
    return tuple(cities), tuple(counties)


def of_level(kind: str, level: str | None) -> bool:
    """Can a region of this kind be the article's region at this level (None: any province or city;
    "district": a district or a development zone)? Otherwise zones, areas, clusters, districts and the
    country never are."""
    if level == "district":   # 全区 / 本县: a district, or a development zone (全区 in an article about the 经开区)
        return kind in ("district", "zone")
    if kind in ("zone", "area", "cluster", "country", "district"):
        return False
    # 全省 / 省委 never mean 北京 or 重庆: a municipality is the article's city, not its province (全省 in an article
    # whose Changsha man had been to 北京 was 北京市, round blind-ys, dev-ZZQ)
    return {"province": kind == "province", "city": kind in ("city", "municipality")}.get(level, True)


# county names that are also plain words: 鸭子铺的新建区（约3平方公里） is a newly built area, not Nanchang's 新建区;
# 中关村科学城北区 is the science city's north part, not Xining's 城北区 (round blind-y)
READ_AS_WORDS = frozenset({"新建区", "城北区", "城东区", "城西区", "城南区"})


@functools.lru_cache(maxsize=1)
def _named_twice() -> dict[str, tuple[tuple[str, str], ...]]:
    """County-level names that two or more divisions bear (朝阳区: 110105 and 220104) → their (code, kind)s."""
    out: dict[str, list[tuple[str, str]]] = {}
    for code, full, kind in _gb2260()[1]:
        out.setdefault(full, []).append((code, kind))
    return {n: tuple(v) for n, v in out.items() if len(v) > 1 and len(n) >= 3}


def divisions_resolved(text: str) -> list[tuple[str, str, str]]:
    """The names admin_divisions leaves out because two places bear them, each resolved to (code, full name, kind)
    when `text` names the province of exactly one of them (round blind-o: 朝阳区 in an article about Beijing's
    districts was never found; 江北区 of a Chongqing article likewise)."""
    named = {code[:2] for code, full, short, _, _ in PROVINCES if full in text or short in text}
    out = []
    for name, options in _named_twice().items():
        here = [(code, kind) for code, kind in options if code[:2] in named]
        if len(here) == 1 and name in text:
            out.append((here[0][0], name, here[0][1]))
    return out


def district_short_name(full: str) -> str | None:
    """渝中 of 渝中区, 长沙 of 长沙县: a district's or county's name without 区/县, or None (a 新区's, 天府新 of 天府新区, is no
    name; nor one character). Whether another place bears it (长沙) each caller asks of its own gazetteer."""
    return full[:-1] if full[-1:] in ("区", "县") and len(full) >= 3 and not full.endswith("新区") else None


@functools.lru_cache(maxsize=1)
def districts_by_parent() -> tuple[tuple[tuple[str, ...], tuple[tuple[str, str], ...]], ...]:
    """For each city and province-level division that holds districts: the names to look for in a text (its short
    name, and its full name where that does not contain the short one: 海南藏族自治州 / 海南州) and its districts' short
    names without 区/县 (沙坪坝 → 沙坪坝区; not a 新区's). Built once: an article then tests a few hundred parents, not
    2,700 districts and every name of their parents (round blind-zq's short district names)."""
    cities, counties = admin_divisions()
    names: dict[str, set[str]] = {}
    for code, full, short in (*cities, *((c, f, s) for c, f, s, _, _ in PROVINCES), *CITIES):
        names.setdefault(code, set()).update((short,) if short in full else (short, full))
    districts: dict[str, list[tuple[str, str]]] = {}
    for code, full, kind in counties:
        if kind == "district" and (short := district_short_name(full)):
            for parent in {code[:4] + "00", code[:2] + "0000"} & names.keys():
                districts.setdefault(parent, []).append((short, full))
    return tuple((tuple(sorted(names[p])), tuple(ds)) for p, ds in districts.items())


@functools.lru_cache(maxsize=1)
def divisions_under() -> dict[str, dict[str, str]]:
    """Every county-level division (name → kind) under its province's and its city's code prefix (2 and 4
    digits), the names admin_divisions leaves out as ambiguous included: after 北京市, 通州区 is Beijing's
    (rule area-address reads an address down from the place it starts with)."""
    out: dict[str, dict[str, str]] = {}
    for code, full, kind in _gb2260()[1]:
        for prefix in (code[:2], code[:4]):
            out.setdefault(prefix, {})[full] = kind
    return out


# Compounds: the regions (by short name) a compound name stands for.
COMPOUNDS: dict[str, tuple[str, ...]] = {
    "成渝": ("成都", "重庆"),
    "川渝": ("四川", "重庆"),
    "京津冀": ("北京", "天津", "河北"),
    "长三角": ("上海", "江苏", "浙江", "安徽"),
    "江浙沪": ("江苏", "浙江", "上海"),
    "沪苏浙皖": ("上海", "江苏", "浙江", "安徽"),
    "粤港澳": ("广东",),
    "长株潭": ("长沙",),
}
COMPOUND_SUFFIXES = ("地区", "两地", "三地", "区域", "一带")

# Five-year plans (“十四五”) and party congresses (“十八大”) as periods and dates.
FIVE_YEAR_PLANS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
                   "十四五": (2021, 2025), "十五五": (2026, 2030)}
PARTY_CONGRESSES = {"十六大": "2002-11", "十七大": "2007-10", "十八大": "2012-11", "十九大": "2017-10",
                    "二十大": "2022-10"}

# Statistics: qualifiers as shapes.ttl allows them, and units (as written → as stored, multiplier).
# what joins a range's two ends (3至5家, 2—3家, 5-10个, 5~15): the extractor reads any of them, the scorer compares them alike
RANGE_DASH = r"[-—–~～到至]"
# 达/达到 only says the figure was reached: not a qualifier (the corpus gold, tests/ingest/corpus/README.md)
QUALIFIER_MAP = {"超过": "超过", "逾": "超过", "突破": "突破", "不少于": "不少于", "不到": "不到", "约": "约",
                 "近": "近", "累计": "累计", "不足": "不到"}   # 不足70亿元: under, as 不到 (the ontology lists 不到)
# unit as written → (unit stored, factor applied to the value)
UNITS: dict[str, tuple[str, float]] = {
    "万亿元": ("万亿元", 1), "亿元": ("亿元", 1), "万元": ("万元", 1), "元": ("元", 1),
    "家": ("家", 1), "个": ("个", 1), "名": ("人", 1), "人": ("人", 1), "位": ("人", 1), "项": ("项", 1),
    "件": ("件", 1), "次": ("次", 1), "期": ("期", 1), "倍": ("倍", 1), "%": ("%", 1), "％": ("%", 1),
    "平方公里": ("平方公里", 1), "平方米": ("㎡", 1), "㎡": ("㎡", 1), "亩": ("亩", 1), "公顷": ("公顷", 1),
    "所": ("所", 1), "座": ("座", 1), "支": ("支", 1), "份": ("份", 1),   # as written (3263支队伍: teams, not items)
    "户": ("户", 1), "款": ("款", 1), "Tbps": ("Tbps", 1), "Gbps": ("Gbps", 1), "Mbps": ("Mbps", 1),
}
# what a statistic counts: key word → (metric code, Chinese, English)
METRICS: list[tuple[str, str, str, str]] = [
    ("销售收入", "sales_revenue", "销售收入", "Sales revenue"),
    ("营业收入", "operating_revenue", "营业收入", "Operating revenue"),
    ("营收", "operating_revenue", "营业收入", "Operating revenue"),
    ("产值", "output_value", "产值", "Output value"),
    ("总收入", "total_revenue", "总收入", "Total revenue"),   # 企业总收入: money, not a count of firms
    ("增加值", "value_added", "增加值", "Value added"),
    ("收入", "revenue", "收入", "Revenue"),
    ("产业规模", "industry_scale", "产业规模", "Industry scale"),
    ("投资", "investment", "投资额", "Investment"),
    ("建筑面积", "floor_area", "建筑面积", "Floor area"),   # the curated data keeps floor and land apart
    ("占地", "land_area", "占地面积", "Land area"),
    ("面积", "area", "面积", "Area"),
    ("从业人员", "employees", "从业人员数", "Employees"),
    ("领军人才", "leading_talents_introduced", "引进领军人才数", "Leading talents introduced"),
    ("高层次人才", "high_level_talents_introduced", "引进高层次人才数", "High-level talents introduced"),
    ("特殊津贴", "state_council_allowance_experts", "享受国务院特殊津贴的专家数", "Experts receiving the State Council special allowance"),
    ("专家", "experts", "专家数", "Experts"),
    ("人才", "talents", "人才数", "Talents"),
    ("安全企业", "cybersecurity_enterprises", "网络安全（相关）企业数", "Cybersecurity(-related) enterprises"),
    ("网安企业", "cybersecurity_enterprises", "网络安全（相关）企业数", "Cybersecurity(-related) enterprises"),
    ("安全相关企业", "cybersecurity_enterprises", "网络安全（相关）企业数", "Cybersecurity(-related) enterprises"),
    ("企业", "enterprise_count", "企业数", "Enterprises"),   # 集聚各类企业244家: every kind, as the curated data says
    ("项目", "projects", "项目数", "Projects"),
    ("实验室", "innovation_platforms", "创新平台数", "Innovation platforms"),
    ("中心", "innovation_platforms", "创新平台数", "Innovation platforms"),
    ("基地", "innovation_platforms", "创新平台数", "Innovation platforms"),
    ("专利", "patents", "专利数", "Patents"),
]

# the year or edition an event's name opens with (2020年国家网络安全宣传周, 第六届“湖湘杯”…): events.py looks for it
# before a name, mention_context.py at the start of one
EDITION = r"(?:(?<!\d)(?:19|20)\d{2}年?度?|第[一二三四五六七八九十\d]+届)"

# What a percentage measures, by the word before it (同比增长37.0%, 占全国的35%): the kind, and how it names a
# metric of METRICS the clause also gives (营业收入 → operating_revenue_growth, 营业收入增速). A percentage with
# none of these words is a plain percentage; before this table every one was a "count".
PERCENT_KINDS: list[tuple[str, str, str, str]] = [
    ("增速", "growth", "增速", "growth"), ("增长", "growth", "增速", "growth"), ("增幅", "growth", "增速", "growth"),
    ("提高", "growth", "增速", "growth"), ("提升", "growth", "增速", "growth"),
    ("下降", "decline", "降幅", "decline"), ("减少", "decline", "降幅", "decline"), ("降低", "decline", "降幅", "decline"),
    ("占比", "share", "占比", "share"), ("比重", "share", "占比", "share"), ("占", "share", "占比", "share"),
]

# metrics that count firms, projects or platforms: never a figure in 人 (来自企业的80名学员)
NOT_PEOPLE_METRICS = ("cybersecurity_enterprises", "enterprise_count", "projects", "innovation_platforms", "patents")

# Text-valued statistics: slogans, main lines, distinctions and goals.
TEXT_METRICS = {
    "layout_slogan": ("总体布局表述", "Overall layout slogan"),
    "development_main_line": ("发展主线", "Development main line"),
    "distinction": ("特殊地位", "Distinction"),
    "development_goal": ("发展目标", "Development goal"),
    "positioning": ("发展定位", "Positioning"),
    "technology_route": ("技术路线", "Technology route"),
    "theme": ("主题", "Theme"),
}

# Kinds by the word a name ends with.
INSTITUTION_SUFFIXES = [("大学", "university"), ("学院", "university"), ("研究院", "research_institute"),
                        ("研究所", "research_institute"), ("科学院", "research_institute"), ("工程院", "research_institute"), ("实验室", "laboratory"),
                        ("中心", "centre"), ("协会", "association"), ("学会", "association"), ("研究会", "association"), ("促进会", "association"),
                        ("联合会", "association"), ("工商联", "association"), ("联盟", "alliance"),
                        ("专业委员会", "association"), ("专委会", "association"),   # a society's committee (round blind-ye)
                        ("学校", "school")]
PROGRAMME_SUFFIXES = [("试验区", "designation"), ("示范区", "designation"), ("先行区", "designation"),
                      ("示范基地", "designation"), ("示范项目", "designation"), ("基地", "base"), ("特殊津贴", "honour"),
                      ("称号", "honour"), ("工程", "programme"), ("计划", "programme")]
POLICY_SUFFIXES = [("通知", "notice"), ("意见", "opinion"), ("指导意见", "opinion"), ("规划", "plan"), ("方案", "plan"),
                   ("计划", "plan"), ("纲要", "plan"), ("办法", "measures"), ("措施", "measures"), ("若干政策", "measures"),
                   ("政策", "measures"), ("条例", "regulation"), ("规定", "regulation"), ("决定", "regulation"),
                   ("函", "letter"), ("批复", "letter"), ("指南", "other"), ("细则", "measures")]
# a plan's period after its name, inside the title (《…三年行动方案(2018—2020年)》, 《…振兴计划（2020—2025）》)
TITLE_PERIOD = re.compile(r"[（(]\s*\d{4}\s*(?:年\s*)?(?:[-—–~至到]+\s*\d{4}\s*)?年?\s*(?:版)?[)）]$")


def policy_kind(title: str) -> str | None:
    """The kind of policy a document title names by its last word (方案 → plan), read before the period in
    brackets that plans end on (round blind-o: no title ending on one was a policy before); None for a title that
    names no policy (a report, a book)."""
    core = TITLE_PERIOD.sub("", title)
    return next((k for suf, k in sorted(POLICY_SUFFIXES, key=lambda x: -len(x[0])) if core.endswith(suf)), None)


EVENT_TRIGGERS = {"复函": "approval", "获得批准": "approval", "获得批复": "approval", "正式批复": "approval",
                  "签约入驻": "signing", "揭牌": "unveiling", "挂牌": "unveiling", "授牌": "unveiling", "获批": "approval",
                  "批复": "approval", "签约": "signing", "签署": "signing", "开工": "groundbreaking", "奠基": "groundbreaking",
                  "开园": "opening", "开业": "opening", "启用": "opening", "投入使用": "opening", "竣工": "completion",
                  "建成": "completion", "落成": "completion"}
EVENT_NAME_WORD = {"meeting": "会议", "unveiling": "揭牌", "approval": "获批", "signing": "签约", "groundbreaking": "开工",
                   "opening": "开园", "completion": "竣工"}
EVENT_NAME_EN = {"unveiling": "Unveiling", "approval": "Approval", "signing": "Signing", "groundbreaking": "Groundbreaking",
                 "opening": "Opening", "completion": "Completion", "meeting": "Meeting"}
# named areas with no GB/T 2260 code that reports on the parks call by name (full name → short forms): 通州 is
# Beijing's 城市副中心; the short form only where the full name or Beijing is in the article, and bare 副中心 not at
# all (tried in round `lists`: two wrong figures on dev-E)
NAMED_AREAS = {"北京城市副中心": ("城市副中心",)}
# Zhongguancun's sixteen parks by their short names (一区十六园; 大兴-亦庄园 written either way). Two of them share a
# short name with the national cybersecurity park's sub-parks (海淀园, 通州园): bare, in an article that never speaks
# of 网络安全, they are Zhongguancun's (rule zgc-park-bare)
ZGC_PARKS = frozenset({"东城园", "西城园", "朝阳园", "海淀园", "丰台园", "石景山园", "门头沟园", "房山园", "通州园", "顺义园",
                       "大兴园", "亦庄园", "昌平园", "平谷园", "怀柔园", "密云园", "延庆园"})
# generic words for a development zone: an alias made of one alone is read only where no place precedes it
ZONE_WORDS = ("经开区", "高新区", "开发区", "新区", "自贸区", "经济技术开发区", "高新技术产业开发区")
# parts of a park or a city named by what they are for, not places (主体大楼位于核心区): never a new Region
AREA_WORDS = ("核心区", "孵化区", "功能区", "起步区", "启动区", "拓展区", "先行区", "示范区", "展示区", "办公区", "生活区",
              "配套区", "产业区", "集聚区", "聚集区", "承载区", "服务区", "研发区", "生产区", "城区", "辖区", "园区", "厂区",
              "景区", "片区", "港区", "校区", "社区", "老城区", "主城区", "中心城区")
# activities read by their verb (loaders/ingest/activities.py): the kind of event each verb makes
ACTIVITY_VERBS = {"survey": ("实地调研", "调研", "考察", "视察", "走访", "实地考察")}
# an officer's title ending right before a person's name (部长张宏益, 主任杨一艺, 外部董事); the
# organisation named right before the title is the one the officer works for
OFFICER_TITLE_RX = re.compile(
    r"(?:副)?(?:部长|主任|院长|所长|校长|董事长|董事|总经理|经理|总裁|局长|厅长|处长|书记|主席|会长|理事长|秘书长|"
    r"市长|省长|区长|县长|常委|委员|总工程师|首席执行官|负责人)")
# what names a meeting, fair or contest by its year, edition or quoted name (rule event-named), and so ends a
# name that a year begins (rule date-year: 2020年国家网络安全宣传周 holds no date)
# 中关村科学城创新发展发布会（2019上半年）: a bracketed period or edition after a meeting's name is part of the name, but
# what kind of meeting it is, the name says before it (rule meeting-held)
EDITION_BRACKET = r"[（(][\d一二三四五六七八九十上下半年季度第届期]{2,10}[）)]"
EDITION_TAIL = re.compile(EDITION_BRACKET + "$")


def meeting_core(name: str) -> str:
    """A meeting's name without a bracketed period or edition at its end."""
    return EDITION_TAIL.sub("", name)


NAMED_EVENT_SUFFIXES = ("宣传周", "博览会", "大会", "论坛", "峰会", "大赛", "挑战赛", "研讨会", "交流会", "展览会", "交易会",
                        "发布会", "座谈会", "年会", "电子展", "联赛", "洽谈会")
# a city's one-character short name, read only as the place of an event (在京成立, 在蓉举行)
# the State Council's departments and the central offices most often named, full and short forms (the
# State Council's list of its departments, 国务院组成部门 and 直属机构): bodies no place+suffix row names
CENTRAL_BODIES = ("外交部", "国防部", "国家发展和改革委员会", "国家发展改革委", "国家发改委", "教育部", "科学技术部", "科技部",
                  "工业和信息化部", "工信部", "国家民族事务委员会", "国家民委", "公安部", "国家安全部", "民政部", "司法部",
                  "财政部", "人力资源和社会保障部", "人力资源社会保障部", "人社部", "自然资源部", "生态环境部",
                  "住房和城乡建设部", "住房城乡建设部", "住建部", "交通运输部", "水利部", "农业农村部", "商务部",
                  "文化和旅游部", "文旅部", "国家卫生健康委员会", "国家卫生健康委", "国家卫健委", "退役军人事务部",
                  "应急管理部", "审计署", "国务院国资委", "国务院国有资产监督管理委员会", "国家市场监督管理总局",
                  "市场监管总局", "国家互联网信息办公室", "国家网信办", "国家密码管理局", "国家保密局", "国家数据局",
                  "国家知识产权局", "海关总署", "国家税务总局", "国家统计局")
CENTRAL_BY_LENGTH = sorted(CENTRAL_BODIES, key=len, reverse=True)   # the longest first: 国家密码管理局…, not 国家…
# the industries of the national Strategic Emerging Industries Classification (国家统计局《战略性新兴产业分类(2018)》,
# 统计局令第23号): its nine fields and the classes under them, as articles write them (without 产业). A
# general vocabulary from a public standard, so that a place's industries are known whatever the article
# (rule domain-standard), rather than words gathered from the development articles' misses.
STANDARD_DOMAINS = ("新一代信息技术", "高端装备制造", "新材料", "生物产业", "新能源汽车", "新能源", "节能环保", "数字创意",
                    "下一代信息网络", "电子核心", "新兴软件和新型信息技术服务", "互联网与云计算、大数据服务", "云计算", "大数据",
                    "人工智能", "智能制造装备", "航空装备", "卫星及应用", "轨道交通装备", "海洋工程装备",
                    "先进钢铁材料", "先进有色金属材料", "先进石化化工新材料", "先进无机非金属材料",
                    "高性能纤维及制品和复合材料", "前沿新材料", "生物医药", "生物医学工程", "生物农业", "生物质能",
                    "核电", "风能", "太阳能", "智能电网", "高效节能", "先进环保", "资源循环利用",
                    "数字创意技术设备制造", "数字文化创意")
# two more public lists of the same kind (round `domains`): the eight fields of 《国家重点支持的高新技术领域》 (the
# annex of the 2016 高新技术企业认定管理办法, the fields a 高新技术企业 is certified in; listed e.g. at
# qiuwen.org/zh-tw/高新技术产业开发区), and the seven 数字经济重点产业 of the 14th Five-Year Plan outline (2021, 第五篇
# 专栏). Both are national vocabularies any article about a park's industries draws on.
HIGH_TECH_FIELDS = ("电子信息", "生物与新医药", "航空航天", "新材料", "高技术服务", "新能源与节能", "资源与环境", "先进制造与自动化")
DIGITAL_KEY_INDUSTRIES = ("云计算", "大数据", "物联网", "工业互联网", "区块链", "人工智能", "虚拟现实和增强现实")
KNOWN_DOMAINS = tuple(dict.fromkeys(STANDARD_DOMAINS + HIGH_TECH_FIELDS + DIGITAL_KEY_INDUSTRIES))
KNOWN_DOMAINS_ALT = "|".join(sorted(KNOWN_DOMAINS, key=len, reverse=True))   # a regex alternation, longest first
# a place's own industry named right after it (四川电子信息产业, 本市软件和信息服务业; rule region-industry): the known
# domains, the divisions of GB/T 4754-2017 (国民经济行业分类) these reports count in (65 软件和信息技术服务业, 64 互联网和
# 相关服务) with the short forms reports use for 65, and the parks' own industries
REGION_INDUSTRIES = tuple(dict.fromkeys(KNOWN_DOMAINS + (
    "软件和信息技术服务", "软件和信息服务", "软件与信息服务", "互联网和相关服务", "软件",   # + 业 (the row's suffix)
    "网络安全", "信息安全", "集成电路", "数字经济", "信创")))
REGION_INDUSTRIES_ALT = "|".join(sorted(REGION_INDUSTRIES, key=len, reverse=True))   # a regex alternation, longest first
CITY_ONE_CHAR = {"京": "北京市", "沪": "上海市", "渝": "重庆市", "蓉": "成都市", "津": "天津市", "穗": "广州市"}
# meeting words that name no meeting on their own (X在京举行成立大会): the meeting is named after who holds it
GENERIC_MEETINGS = frozenset({"成立大会", "年会", "座谈会", "发布会", "新闻发布会", "推介会", "启动仪式", "开幕式", "闭幕式",
                              "揭牌仪式", "签约仪式", "理事会", "工作会", "工作会议", "研讨会", "交流会", "对接会", "大会",
                              "会议", "论坛", "峰会", "表彰大会", "动员大会", "推进会", "现场会", "年度工作会",
                              "室务会", "常务会", "常务会议", "党组会", "党组会议"})
# 5场聚焦计算核心前沿的专题活动 names how many events there were, not one event (round blind-t, dev-U)
# (but 举行22个重大项目集中签约 is one signing of 22 projects: round blind-w; the row activity-held reads it as one)
SIGNED_TOGETHER = r"项目(?:集中|现场)(签约|开工)"
COUNTED_EVENTS = re.compile(rf"[\d两几数十]+\s*[场个项次批](?!.*{SIGNED_TOGETHER}$)")
# (推介会, 洽谈会, 展览会, 交易会, 年会, 推进会: the meeting-held row has named them since it was written, the meeting row
# read after 举办/召开 did not: 在上海举办集成电路产业招商推介会 named no meeting, round blind-zk, dev-ZK)
MEETING_SUFFIXES = ("研讨会", "论坛", "峰会", "大会", "会议", "博览会", "交流会", "对接会", "发布会", "座谈会", "大赛", "竞赛", "沙龙",
                    "工作会", "室务会", "常务会", "推介会", "洽谈会", "展览会", "交易会", "年会", "推进会")
# the opening ceremony of a named meeting (第十七届…洽谈会的开幕式): the meeting itself, one event, as the gold names it
OPENING_OF = re.compile("(?:" + "|".join(MEETING_SUFFIXES) + ")(的?开幕式)$")

# First-draft English: longest-first glossary; everything else is transliterated (pinyin).
GLOSSARY: list[tuple[str, str]] = sorted([
    ("国家网络安全产业园区", "National Cybersecurity Industrial Park"), ("网络安全", "Cybersecurity"),
    ("股份有限公司", "Co., Ltd."), ("有限责任公司", "Co., Ltd."), ("有限公司", "Co., Ltd."), ("集团", "Group"),
    ("科技", "Technology"), ("技术", "Technology"), ("电子", "Electronics"), ("信息", "Information"), ("信通", "Xintong"),
    ("软件", "Software"), ("数据", "Data"), ("大数据", "Big Data"), ("安全", "Security"), ("智能", "Intelligent"),
    ("大学", "University"), ("学院", "College"), ("研究院", "Research Institute"), ("研究所", "Research Institute"),
    ("实验室", "Laboratory"), ("中心", "Centre"), ("协会", "Association"), ("联盟", "Alliance"),
    ("经济和信息化委员会", "Commission of Economy and Information Technology"), ("经济信息委", "Commission of Economy and Information Technology"),
    ("经信委", "Commission of Economy and Information Technology"), ("委员会", "Commission"), ("人民政府", "People's Government"),
    ("工业和信息化", "Industry and Information Technology"), ("厅", "Department"), ("局", "Bureau"), ("部", "Ministry"),
    ("园", "Sub-park"), ("产业园", "Industrial Park"), ("基地", "Base"), ("试验区", "Pilot Zone"), ("示范区", "Demonstration Zone"),
    ("人才", "Talent"), ("领军", "Leading"), ("培育", "Cultivation"), ("培养", "Training"), ("教育", "Education"),
    ("产业", "Industry"), ("融合发展", "Integrated Development"), ("创新", "Innovation"), ("创业", "Entrepreneurship"),
    ("研讨会", "Seminar"), ("论坛", "Forum"), ("峰会", "Summit"), ("大会", "Conference"), ("模式", "Model"),
    ("网络空间", "Cyberspace"), ("特殊津贴", "Special Allowance"), ("国务院", "State Council"), ("国家", "National"),
    ("首批", "First Batch"), ("省", "Province"), ("市", "City"), ("区", "District"), ("地区", "Region"),
    ("关于", "On"), ("推进", "Advancing"), ("建设", "Construction"), ("工作", "Work"), ("通知", "Notice"),
    ("意见", "Opinions"), ("规划", "Plan"), ("方案", "Plan"), ("办法", "Measures"), ("重点", "Key"), ("市级", "Municipal-level"),
    ("园区", "Park"), ("工控安全", "Industrial control system security"), ("密码产品", "Cryptographic products"),
    ("电磁防护", "Electromagnetic protection"), ("大数据安全", "Big-data security"), ("北京", "Beijing"),
    ("西北工业", "Northwestern Polytechnical"), ("工业", "Industrial"), ("等", "etc."), ("重大项目", "Major Projects"),
    ("竣工", "Completion"), ("预计", "expected"), ("获批", "Approval"), ("揭牌", "Unveiling"), ("的", ""),
    ("专精特新", "Specialised, Refined, Distinctive and Innovative"), ("小巨人", "Little Giant"),
    ("数字政府", "Digital government"), ("智慧城市", "Smart city"), ("工业互联网", "Industrial internet"),
    ("车联网", "Internet of vehicles"), ("经开区", "Economic-Technological Development Area"),
    ("高新区", "High-tech Zone"), ("一院四中心", "One Institute and Four Centres"),
], key=lambda kv: -len(kv[0]))

# Words that end a name when read right to left from its suffix (besides verbs and function words).
NAME_STOPWORDS = {"企业", "园区", "园区企业", "公司", "单位", "机构", "包括", "以及", "其中", "我国", "全国", "国内",
                  "领先", "共同", "联合", "依托", "推动", "建设", "建立", "成立", "打造", "形成", "拥有", "引进", "吸引",
                  "入驻", "获得", "获批", "首批", "等", "和", "与", "及", "或", "的", "了", "在", "由", "为", "是", "将",
                  "重大", "项目", "重大项目", "开放式", "一批", "特别是", "其", "该", "本",
                  # who gathers where (…知名企业高管齐聚长沙梅溪湖国际文化艺术中心): the place's name starts after them
                  # 落户两江数字经济产业园: jieba tags 落户 a noun; where a firm settles, not part of the name (round blind-zm)
                  "齐聚", "汇聚", "落户", "落地", "进驻", "聚集", "集聚", "聚首", "来到", "走进", "亮相", "高管", "负责人", "代表", "知名企业"}
# The first of an office's two remits joined by 和 (文化和旅游厅, 规划和自然资源局, 人力资源和社会保障局), right before the 和
OFFICE_REMIT_AND = re.compile(r"(?:文化|住房|人力资源|工业|经济|发展|自然资源|规划|民族|卫生|科学技术|教育|商务|政务|农业|交通运输|"
                              r"新闻出版|广播电视|应急|市场监督)$")
# Verbs that form part of an organisation's name (中国网络信息安全科技创新发展联盟, 国链安全可靠计算机产业促进中心,
# 湖南省网络安全服务中心): read through when a name is read right to left from its suffix, where any other
# verb ends it (成立, 举办, 签约). jieba tags them v or vn wherever they stand, so the tag alone cannot tell.
NAME_VERBS = {"创新", "发展", "促进", "服务", "合作", "推广", "孵化", "交流", "应用", "研究", "检测", "认证", "评估",
              "测评", "保护", "管理", "监测", "转化", "融合", "协同", "共享", "研发", "培训", "运营", "支撑", "保障",
              "适配", "验证", "测试", "攻关", "设计", "制造", "计算", "通信", "传播", "投资", "开发",
              "可靠", "可控", "自主"}   # jieba tags these v as well (高可靠信息装备创新应用中心, 自主可控…联盟)
# Words that only say what kind of meeting it is (新闻发布会, 工作座谈会): a meeting named by them alone is not one
# the text names, so it is no fact on its own (rule event-held)
GENERIC_MEETING_WORDS = {"新闻", "工作", "专题", "情况", "视频", "电视电话", "全体", "动员", "推进", "总结", "表彰", "年度",
                         "座谈", "交流", "现场", "启动", "开幕", "闭幕", "媒体", "通气", "学术", "主题", "专场", "系列",
                         "相关", "有关", "本次", "此次", "这次", "该", "大", "会", "活动", "线上", "线下", "首次", "首届"}
ORDINAL_RX = r"^第[一二三四五六七八九十\d]+$"   # 公安部第一研究所: an ordinal inside a name

# a line of business, not a firm's name (软件开发、系统集成、信息服务等): what a list of firms' activities ends on
BUSINESS_LINE = re.compile(r"(?:开发|集成|服务|制造|设计|研发|运营|咨询|外包|测试|销售|维护|加工|运维)$")
# Common words that end in a body's one-character suffix and name none (国家规划布局重点软件企业: 布局 is a layout, not a
# 局; round blind-zi)
NOT_A_BODY_WORD = {"布局", "格局", "结局", "全局", "大局", "开局", "时局", "棋局", "展厅", "大厅", "客厅", "餐厅", "内部", "外部",
                   "全部", "局部", "总部", "干部", "本部", "俱乐部"}
# A title that is only a document's kind (《行动计划》, 《三年行动计划》, 《实施意见》) refers back to a plan the text named
# before: no name of its own (named-policy-title: all 9 such titles it named on the tuned pool were wrong, round blind-zi)
BARE_DOCUMENT_KIND = re.compile(r"^(?:[一二三四五六七八九十\d]+年)?(?:行动计划|实施意见|实施方案|方案|规划|条例|意见|办法|通知|纲要|计划)$")
# Pattern-found names made only of these words are generic (创新中心, 技术研发实验室), not names.
GENERIC_WORDS = {"龙头", "骨干", "头部", "信创", "中小", "中小学", "中小学校", "学校", "高校", "高等", "职业", "网络安全", "网络", "安全", "创新", "联合", "协同", "技术", "研发", "工程师", "人才", "培养", "培育",
                 "开放式", "应用", "转化", "适配", "攻防", "靶场", "公共服务", "服务", "平台", "产业", "发展", "科研",
                 "研究", "重点", "领域", "数字化", "一体化", "安全企业", "领军", "实验", "实训", "教育", "示范",
                 "中心", "实验室", "基地", "研究院", "研究所", "协会", "联盟", "学院", "园区", "企业", "集群",
                 "能力", "体系", "生态", "高精尖", "特色", "区域", "工业", "信息", "数据", "大数据", "新型",
                 "人才培养", "人才培育", "科技创新", "技术创新", "产学研", "协同创新", "联合创新", "行业", "用户",
                 "综合性", "专业", "专业化",   # 综合性园区, 专业园区, 专业化园区: what kind (rounds blind-j, blind-m)
                 # 跨国公司研发总部7家, 上市公司, 控股公司: what kind of firm, not which one (round blind-zi: 跨国公司 took
                 # four of a park's counts)
                 "跨国", "上市", "控股", "国有", "外资", "民营", "合资", "独资",
                 # 教授、专家学者等…创办企业: people, no firm of a list (round blind-zm)
                 "专家", "学者", "专家学者", "教授"}
# Industries a park may be named for: 数字经济产业园, 智能光电产业园 say what kind of park, not which (round blind-zm)
INDUSTRY_WORDS = {"数字", "经济", "数字经济", "软件", "电子", "智能", "光电", "文化", "科技", "互联网", "信息技术", "新兴",
                  "高新", "高科技", "现代", "服务业", "制造", "先进", "未来", "新一代", "战略性", "创意", "信息安全", "大健康",
                  # 国家网络安全产业园, 市级网络安全产业园, 世界级特色产业园: the national park, a title, a goal
                  "国家", "全国", "国家级", "省级", "市级", "区级", "世界级", "国际级"}

# Offices named by level alone (省工信厅, 市经信委): abbreviation → the full name after the place
OFFICE_ABBREV = {"工信厅": "工业和信息化厅", "工信局": "工业和信息化局", "经信委": "经济和信息化委员会",
                 "经信厅": "经济和信息化厅", "经信局": "经济和信息化局", "发改委": "发展和改革委员会",
                 "科技厅": "科学技术厅", "科技局": "科学技术局", "教育厅": "教育厅", "教育局": "教育局",
                 "商务厅": "商务厅", "商务局": "商务局", "公安厅": "公安厅", "公安局": "公安局",
                 "政府新闻办": "人民政府新闻办公室", "政府": "人民政府", "人民政府": "人民政府",
                 "委宣传部": "委宣传部", "委组织部": "委组织部", "委统战部": "委统战部", "人大常委会": "人大常委会", "政协": "政协",
                 "委": "委"}   # 市委: 中共长沙市委, as the party-committee row names it
