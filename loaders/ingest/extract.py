"""Find entities, dates, statistics and relations in a cleaned article, sentence by sentence.

Mentions come from two places: the knowledge base's names and aliases (longest match first) and
patterns on the text (国家网络安全产业园区（…）, …有限公司, …研究院, …委/厅/局, 《…》, “…”, …称号,
enumerations like “在A、B等领域”), with jieba's words and parts of speech deciding where a name
begins and whether it names something or only describes it (网络安全联合创新中心). Every mention is
linked to an existing entity (name, alias, pinyin, the graph's search) or proposed as new. Relations
are read inside one sentence, with the paragraph's current park as the topic when the sentence
itself names none (“园区企业…”, “共引进…”). Every fact keeps its sentence, its character span in the
cleaned text and a confidence in [0, 1].
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from . import gazetteer as gz
from .document import Document, Sentence
from .kb import KBEntity, KnowledgeBase, english_name, norm, slug

ACCEPT = 0.5   # facts below this confidence are written commented out

HAN = r"\u4e00-\u9fff"
CLAUSE_SPLIT = re.compile(r"[，,：:]")
STOP_FLAGS = {"x", "c", "p", "u", "uj", "ul", "uz", "ug", "uv", "ud", "d", "m", "q", "r", "f", "t", "v", "vd", "y",
              "e", "o", "w", "zg", "mq", "b", "eng"}
ORG_LABELS = ("Park", "SubPark", "Enterprise", "Institution")
PARKISH = ("Park", "SubPark")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    sent: int
    how: str                      # dictionary | pattern:<rule>
    conf: float
    name: str                     # the name to link or to propose (modifiers such as 首批 removed)
    attrs: dict = field(default_factory=dict)
    keys: list[str] = field(default_factory=list)   # linked entity refs (a compound region has several)

    @property
    def key(self) -> str | None:
        return self.keys[0] if self.keys else None


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str      # ISO date at the precision given, or an interval YYYY/YYYY
    point: str      # the date an event or statistic takes from it
    sent: int
    kind: str = "date"


@dataclass
class Proposal:
    key: str                      # segment/id
    label: str
    record: dict
    origin: str                   # graph | data:<file> | new
    link: str                     # how it was linked: name, alias, pinyin, search, event, new
    conf: float
    mentions: list[Mention] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    has_fact: bool = False


@dataclass
class RelFact:
    frm: str
    type: str
    to: str
    sent: int
    span: tuple[int, int]
    conf: float
    rule: str
    role: str | None = None
    since: str | None = None


@dataclass
class ObsFact:
    subject: str
    fields: dict
    sent: int
    span: tuple[int, int]
    conf: float
    rule: str
    key: str = ""


@dataclass
class Extraction:
    kb: KnowledgeBase
    doc: Document
    mentions: list[Mention]
    dates: list[DateMention]
    entities: dict[str, Proposal]
    relations: list[RelFact]
    observations: list[ObsFact]
    unanchored: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- tokenizer
_TOKENIZERS: dict[tuple, object] = {}


def tokenizer(words: list[tuple[str, str]]):
    """A private jieba tokenizer (its shipped dictionary) with the domain dictionary added."""
    key = tuple(sorted(words))
    if key in _TOKENIZERS:
        return _TOKENIZERS[key]
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    pt = pseg.POSTokenizer(tk)
    for w, tag in words:
        tk.add_word(w, freq=max(2000, tk.suggest_freq(w, tune=False)), tag=tag)
    _TOKENIZERS.clear()
    _TOKENIZERS[key] = pt
    return pt


# ---------------------------------------------------------------------------------------------- dates
DATE_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("ymd", re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")),
    ("iso", re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")),
    ("range", re.compile(r"(?<!\d)(\d{4})\s*[-—–~至到]\s*(\d{4})\s*年")),
    ("ym", re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?")),
    ("yend", re.compile(r"(?<!\d)(\d{4})\s*年\s*(?:底|末)")),
    ("ystart", re.compile(r"(?<!\d)(\d{4})\s*年\s*初")),
    ("y", re.compile(r"(?<!\d)(\d{4})\s*年(?![\d\s]*[月底末初])")),
    ("rel", re.compile(r"(今年|去年|前年|明年)\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")),
    ("plan", re.compile(r"[“\"]?(十[一二三四五]五)[”\"]?\s*(期间|时期|末|初|以来|中期)")),
    ("congress", re.compile(r"[“\"]?(十[六七八九]大|二十大)[”\"]?\s*(以来|之后|召开以来)")),
]


def find_dates(doc: Document) -> list[DateMention]:
    pub = doc.meta.get("published") or ""
    out: list[DateMention] = []
    taken = bytearray(len(doc.text))
    for s in doc.sentences:
        for kind, rx in DATE_PATTERNS:
            for m in rx.finditer(s.text):
                a, b = s.start + m.start(), s.start + m.end()
                if any(taken[a:b]):
                    continue
                g = m.groups()
                value = point = None
                if kind in ("ymd", "iso"):
                    value = f"{int(g[0]):04d}-{int(g[1]):02d}-{int(g[2]):02d}"
                elif kind == "ym":
                    value = f"{int(g[0]):04d}-{int(g[1]):02d}"
                elif kind == "yend":
                    value = f"{int(g[0]):04d}-12-31"
                elif kind == "ystart":
                    value = f"{int(g[0]):04d}-01"
                elif kind == "y":
                    value = f"{int(g[0]):04d}"
                elif kind == "range":
                    value, point = f"{g[0]}/{g[1]}", g[1]
                elif kind == "rel":
                    if not pub:
                        continue
                    y = int(pub[:4]) + {"今年": 0, "去年": -1, "前年": -2, "明年": 1}[g[0]]
                    value = f"{y:04d}-{int(g[1]):02d}" + (f"-{int(g[2]):02d}" if g[2] else "")
                elif kind == "plan":
                    y0, y1 = gz.FIVE_YEAR_PLANS[g[0]]
                    value = f"{y0}/{y1}"
                    point = str(y0) if g[1] in ("初", "以来") else str(y1)
                elif kind == "congress":
                    value = gz.PARTY_CONGRESSES[g[0]]
                if value is None or not 1900 <= int(value[:4]) <= 2100:
                    continue
                if kind in ("ym", "ymd", "iso"):
                    mo = int(value[5:7])
                    if not 1 <= mo <= 12:
                        continue
                taken[a:b] = b"\x01" * (b - a)
                out.append(DateMention(a, b, doc.text[a:b], value, point or value, s.idx,
                                       "period" if "/" in value else "date"))
    out.sort(key=lambda d: d.start)
    return out


# ---------------------------------------------------------------------------------------------- extractor
class Extractor:
    def __init__(self, kb: KnowledgeBase, doc: Document):
        self.kb = kb
        self.doc = doc
        self.text = doc.text
        self.pt = tokenizer(kb.jieba_words())
        self.mask = bytearray(len(self.text))      # 1: date, 2: book title, 3: taken by a mention
        self.mentions: list[Mention] = []
        self.dates: list[DateMention] = []
        self.entities: dict[str, Proposal] = {}
        self.relations: list[RelFact] = []
        self.observations: list[ObsFact] = []
        self._tokens: dict[int, list[tuple[int, int, str, str]]] = {}
        self._new_ids: dict[str, set[str]] = {}
        self._builtin_regions = self._gazetteer()

    # -------------------------------------------------------------- helpers
    def tokens(self, s: Sentence) -> list[tuple[int, int, str, str]]:
        if s.idx not in self._tokens:
            out, pos = [], s.start
            for w, f in self.pt.cut(s.text):
                out.append((pos, pos + len(w), w, f))
                pos += len(w)
            self._tokens[s.idx] = out
        return self._tokens[s.idx]

    def sentence_at(self, pos: int) -> Sentence:
        for s in self.doc.sentences:
            if s.start <= pos < s.end:
                return s
        return self.doc.sentences[-1]

    def clause_bounds(self, s: Sentence, pos: int) -> tuple[int, int]:
        a, b = s.start, s.end
        for m in CLAUSE_SPLIT.finditer(s.text):
            p = s.start + m.start()
            if p < pos:
                a = p + 1
            elif p >= pos:
                b = p
                break
        return a, b

    def free(self, a: int, b: int) -> bool:
        return not any(self.mask[a:b])

    def take(self, a: int, b: int, v: int = 3) -> None:
        self.mask[a:b] = bytes([v]) * (b - a)

    def claimable(self, a: int, b: int) -> bool:
        """Free, or holding only dictionary matches that lie wholly inside (a longer name wins)."""
        if any(v not in (0, 4) for v in self.mask[a:b]):
            return False
        return all(a <= m.start and m.end <= b for m in self.mentions
                   if m.how == "dictionary" and m.start < b and m.end > a)

    def claim(self, a: int, b: int) -> None:
        self.mentions = [m for m in self.mentions if not (m.how == "dictionary" and a <= m.start and m.end <= b)]
        self.take(a, b, 3)

    def left_boundary(self, s: Sentence, suffix_start: int, max_len: int = 24) -> int:
        """Read words right to left from a name's suffix until a verb, function word or stop word."""
        toks = self.tokens(s)
        start = suffix_start
        j = max((i for i, t in enumerate(toks) if t[0] < suffix_start), default=-1)
        while j >= 0:
            a, b, w, f = toks[j]
            if w in gz.NAME_STOPWORDS or f in STOP_FLAGS or not re.match(f"^[{HAN}A-Za-z0-9]+$", w):
                # a verb glued to the name's suffix (委于) still ends the name at the suffix
                break
            if suffix_start - a > max_len or any(v not in (0, 4) for v in self.mask[a:min(b, suffix_start)]):
                break
            start = a
            j -= 1
        return start

    def words(self, a: int, b: int, overlap: bool = False) -> list[tuple[str, str]]:
        s = self.sentence_at(a)
        if overlap:
            return [(w, f) for (x, y, w, f) in self.tokens(s) if x < b and y > a]
        return [(w, f) for (x, y, w, f) in self.tokens(s) if x >= a and y <= b]

    def specific(self, a: int, b: int, suffix_len: int) -> bool:
        """Does the name say which one (a place, an organisation, a proper word), or only what kind?"""
        ws = self.words(a, b - suffix_len, overlap=True) if b - suffix_len > a else []
        if not ws:
            return False
        known = {norm(n) for n, _ in self.kb.dictionary()}
        for w, f in ws:
            if f in ("ns", "nt", "nr", "nrt", "nrfg") or norm(w) in known or w in ("国家", "中国", "首批"):
                return True
        return any(w not in gz.GENERIC_WORDS and len(w) >= 2 and f not in ("v", "vn", "a", "ad", "an") for w, f in ws)

    def add_mention(self, a: int, b: int, label: str, how: str, conf: float, name: str | None = None,
                    **attrs) -> Mention | None:
        if b <= a:
            return None
        s = self.sentence_at(a)
        m = Mention(a, b, self.text[a:b], label, s.idx, how, conf, name or self.text[a:b], attrs)
        self.mentions.append(m)
        return m

    # -------------------------------------------------------------- 1. dates, titles, dictionary
    def _gazetteer(self) -> dict[str, tuple[str, str, str]]:
        """Built-in province-level divisions and cities: name → (code, full name, kind)."""
        out = {}
        for code, full, short, abbr, kind in gz.PROVINCES:
            out[full] = out[short] = (code, full, kind)
        for code, full, short in gz.CITIES:
            out[full] = out[short] = (code, full, "city")
        return out

    def find_titles(self) -> list[tuple[int, int, str]]:
        out = []
        for m in re.finditer(r"《([^《》]{2,120})》", self.text):
            out.append((m.start(), m.end(), m.group(1)))
            self.take(m.start(), m.end(), 2)
        return out

    def find_dictionary(self) -> None:
        names: dict[str, str] = {}
        for n, label in self.kb.dictionary():
            for v in {n, n.replace("（", "(").replace("）", ")"), n.replace("(", "（").replace(")", "）"),
                      n.replace("“", "\"").replace("”", "\"")}:
                names.setdefault(v, label)
        for n in self._builtin_regions:
            if len(n) >= 2 and not self.kb.lookup(n):
                names.setdefault(n, "Region")
        if not names:
            return
        alts = sorted(names, key=len, reverse=True)
        rx = re.compile("|".join(re.escape(a) for a in alts))
        pos = 0
        while True:
            m = rx.search(self.text, pos)
            if not m:
                break
            a, b = m.start(), m.end()
            if self.free(a, b) and not self._inside_word(a, b, names[m.group()]):
                self.add_mention(a, b, names[m.group()], "dictionary", 0.95)
                self.take(a, b, 4)
                pos = b
            else:
                pos = a + 1

    def _inside_word(self, a: int, b: int, label: str) -> bool:
        """A short place name glued into a longer word (中国特色, 北京研究院 handled elsewhere)."""
        if label != "Region" or b - a > 3:
            return False
        s = self.sentence_at(a)
        for x, y, w, f in self.tokens(s):
            if x < b and y > a and (x < a or y > b) and len(w) > b - a:
                return True
        return False

    # -------------------------------------------------------------- 2. patterns
    def adopt_or_add(self, a: int, b: int, label: str, how: str, conf: float, name: str | None = None,
                     inner: tuple[int, int] | None = None, **attrs) -> Mention | None:
        """A pattern found [a, b): if the dictionary already found the same name (at [a, b) or at
        `inner`, the name inside quotes or brackets), keep that mention and add what the pattern
        knows; else take the span if nothing longer holds it."""
        for x in self.mentions:
            if x.how == "dictionary" and ((x.start, x.end) == (a, b) or (inner and (x.start, x.end) == inner)):
                x.attrs.update({k: v for k, v in attrs.items() if v is not None})
                x.attrs.setdefault("pattern", how)
                return x
        if not self.claimable(a, b):
            return None
        m = self.add_mention(a, b, label, how, conf, name, **attrs)
        self.claim(a, b)
        return m

    def items(self, m: re.Match, group: int = 1):
        """The items of an enumeration (A、B和C) with their spans."""
        pos = m.start(group)
        for item in re.split(r"[、和及与]", m.group(group)):
            a = self.text.find(item, pos)
            pos = a + len(item)
            item_s = item.strip()
            if a < 0 or not item_s:
                continue
            a += len(item) - len(item.lstrip())
            yield a, a + len(item_s), item_s

    def find_patterns(self) -> None:
        t = self.text
        # parks: 国家网络安全产业园区（北京）; a sub-park when the brackets hold …园
        for m in re.finditer(r"国家网络安全产业园区?[（(]([^（）()]{1,12})[）)]", t):
            inner = m.group(1)
            self.adopt_or_add(m.start(), m.end(), "SubPark" if inner.endswith("园") else "Park", "pattern:park-name",
                              0.9, place=inner)
        # honours: 获得(国家级)X(企业)称号; 享受国务院特殊津贴
        for m in re.finditer(r"(?:获得|荣获|获评|被评为|入选)(国家级|省级|市级)?([^，。；、]{2,30}?)(?:企业)?称号", t):
            a = m.start(1) if m.group(1) else m.start(2)
            lvl = {"国家级": "national", "省级": "provincial", "市级": "municipal"}.get(m.group(1) or "")
            self.adopt_or_add(a, m.end(), "TalentProgram", "pattern:honour", 0.85, name=m.group(2), kind="honour",
                              level=lvl, inner=(a, m.end() - 2))
        for m in re.finditer(r"(?:享受)?(国务院|政府|省政府)特殊津贴", t):
            self.adopt_or_add(m.start(), m.end(), "TalentProgram", "pattern:honour", 0.85,
                              name="国务院特殊津贴" if m.group(1) == "国务院" else m.group(1) + "特殊津贴",
                              kind="honour", level="national" if m.group(1) == "国务院" else None)
        # quoted project names after 建设/打造: “一院四中心”
        for m in re.finditer(r"(?:建设|打造|实施|推进|建成)[^，。；“]{0,24}“([^”、，]{2,10})”(?=[，。；、等]|$)", t):
            if re.search(r"十[一二三四五]五|高精尖", m.group(1)) or not re.fullmatch(f"[{HAN}0-9]+", m.group(1)):
                continue
            self.adopt_or_add(m.start(1) - 1, m.end(1) + 1, "TalentProgram", "pattern:quoted-project", 0.7,
                              name=m.group(1), inner=(m.start(1), m.end(1)), kind="project", flagship=True)
        # enumerations of projects: A、B等重大项目
        for m in re.finditer(r"([^，。；：]{2,120}?)等(?:一批)?(?:重大|重点)?项目", t):
            for a, b, item in self.items(m):
                label, kind = self._kind_by_suffix(item)
                for x in self.mentions:
                    if (x.start, x.end) == (a, b):
                        x.attrs["project"] = True
                        break
                else:
                    if label:
                        self.adopt_or_add(a, b, label, "pattern:project-list", 0.75, project=True, kind=kind)
        # meetings held: 举办A、B等活动
        for m in re.finditer(r"(?:举办|召开|主办|承办|举行)了?([^。；]{2,160}?)(?:等(?:系列)?活动|[，。；]|$)", t):
            for a, b, item in self.items(m):
                if item.endswith(gz.MEETING_SUFFIXES) and len(item) >= 4:
                    self.adopt_or_add(a, b, "Event", "pattern:meeting", 0.75, kind="meeting")
        # domains: 在A、B、C等(重点)领域
        for m in re.finditer(r"(?:在|聚焦|围绕|重点发展|深耕|覆盖|涵盖)([^，。；在]{2,80}?)等(?:重点|多个|关键|细分)?领域", t):
            for a, b, item in self.items(m):
                if 2 <= len(item) <= 10:
                    self.adopt_or_add(a, b, "Domain", "pattern:domain-list", 0.8)
        # region compounds: 川渝地区, 成渝
        comp = "|".join(sorted(gz.COMPOUNDS, key=len, reverse=True))
        for m in re.finditer(f"({comp})({'|'.join(gz.COMPOUND_SUFFIXES)})?", t):
            self.adopt_or_add(m.start(), m.end(), "Region", "pattern:region-compound", 0.8,
                              members=list(gz.COMPOUNDS[m.group(1)]), area=bool(m.group(2)))
        for s in self.doc.sentences:
            self._suffix_patterns(s)

    def _kind_by_suffix(self, name: str) -> tuple[str | None, str | None]:
        for suf, kind in gz.PROGRAMME_SUFFIXES:
            if name.endswith(suf):
                return "TalentProgram", kind
        for suf, kind in gz.INSTITUTION_SUFFIXES:
            if name.endswith(suf):
                return "Institution", kind
        if re.search(r"(有限公司|集团)$", name):
            return "Enterprise", None
        return None, None

    def _suffix_patterns(self, s: Sentence) -> None:
        rules = [
            ("Enterprise", r"(?:股份有限公司|有限责任公司|集团有限公司|有限公司|集团)", "enterprise"),
            ("Institution", "(?:" + "|".join(x for x, _ in gz.INSTITUTION_SUFFIXES) + ")", "institution"),
            ("TalentProgram", "(?:" + "|".join(x for x, _ in gz.PROGRAMME_SUFFIXES if x not in ("称号", "特殊津贴", "工程", "计划")) + ")", "programme"),
            ("GovernmentBody", r"(?:委员会|经济信息委|经信委|发改委|人民政府|办公室|委|厅|局|部)", "govbody"),
            ("SubPark", r"园(?!区)", "subpark"),
        ]
        toks = self.tokens(s)
        ends = {b for (_, b, _, _) in toks}
        for label, rx, rule in rules:
            for m in re.finditer(rx, s.text):
                ss, se = s.start + m.start(), s.start + m.end()
                if not self.claimable(ss, se):
                    continue
                if se not in ends and label != "SubPark":
                    # the suffix must end a word: 总部, 内部, 干部 are not bodies
                    glued = [t for t in toks if t[0] < se < t[1]]
                    if not (glued and label == "GovernmentBody" and glued[0][2][se - glued[0][0]:] in ("于", "在", "和", "与")):
                        continue
                a = self.left_boundary(s, ss)
                if se - a < len(m.group()) + 2:
                    continue
                name = self.text[a:se]
                if label == "TalentProgram" and name.startswith("首批"):
                    a += 2
                    name = name[2:]
                if not self.claimable(a, se):
                    continue
                if label == "GovernmentBody":
                    first = self.words(a, se)[:1]
                    if not first or not (first[0][1] == "ns" or first[0][0] in ("国家", "中央", "国务院")):
                        continue
                    if m.group() == "部" and len(self.words(a, se)) < 2:
                        continue
                if label == "SubPark":
                    ws = self.words(a, se)
                    if not ws or name in ("产业园", "科技园", "公园", "校园", "家园", "花园", "园") or \
                            not (ws[0][1] == "ns" or self._has_park(s)):
                        continue
                kind = next((k for suf, k in gz.INSTITUTION_SUFFIXES + gz.PROGRAMME_SUFFIXES if name.endswith(suf)), None)
                spec = self.specific(a, se, len(m.group()))
                if not spec:
                    continue
                first_batch = self.text[max(0, a - 2):a] == "首批"
                self.add_mention(a, se, label, f"pattern:{rule}", 0.75, kind=kind, first_batch=first_batch,
                                 level="national" if name.startswith("国家") and label == "TalentProgram" else None)
                self.claim(a, se)

    def _has_park(self, s: Sentence) -> bool:
        return any(m.label == "Park" and m.sent == s.idx for m in self.mentions)

    # -------------------------------------------------------------- 3. linking
    def link(self) -> None:
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.label == "Region" and m.attrs.get("members"):
                m.keys = [k for k in (self.region_key(x, m) for x in m.attrs["members"]) if k]
                continue
            if m.label == "Event":
                continue  # after relations (events are linked by what they concern)
            m.keys = [self.entity_key(m)]

    def region_key(self, name: str, m: Mention) -> str | None:
        hit = self.kb.lookup(name, ("Region",))
        if hit is None and name in self._builtin_regions:
            hit = self.kb.lookup(self._builtin_regions[name][1], ("Region",))
        if hit:
            return self.use_existing(hit[0], hit[1], m)
        if name in self._builtin_regions:
            code, full, kind = self._builtin_regions[name]
            rec = {"id": code, "name_zh": full, "name_en": self.english(full), "kind": kind, "admin_code": code}
            if name != full:
                rec["aliases"] = [name]
            return self.use_new("Region", rec, m, fixed_id=True)
        rec = {"id": "", "name_zh": name, "name_en": self.english(name), "kind": "area"}
        return self.use_new("Region", rec, m)

    def entity_key(self, m: Mention) -> str:
        labels = (m.label,) if m.label not in ("Park", "SubPark") else ("Park", "SubPark")
        hit = self.kb.lookup(m.name, labels)
        if hit is None and m.label == "TalentProgram":
            for variant in (re.sub(r"(企业|称号)$", "", m.name), re.sub(r"^(首批|国家级)", "", m.name)):
                hit = hit or self.kb.lookup(variant, labels)
        if hit is None and m.how == "dictionary":
            hit = self.kb.lookup(m.name)
        if hit:
            m.label = hit[0].label
            return self.use_existing(hit[0], hit[1], m)
        if m.label == "Region" and m.name in self._builtin_regions:
            return self.region_key(m.name, m)
        return self.use_new(m.label, self.new_record(m), m)

    def new_record(self, m: Mention) -> dict:
        name = m.name
        rec: dict = {"id": "", "name_zh": name, "name_en": self.english(name)}
        if m.label == "Park":
            rec["level"] = "national"
        elif m.label == "Institution":
            rec["kind"] = m.attrs.get("kind") or "other"
        elif m.label == "TalentProgram":
            rec["kind"] = m.attrs.get("kind") or "programme"
            if m.attrs.get("level"):
                rec["level"] = m.attrs["level"]
            if m.attrs.get("first_batch"):
                rec["aliases"] = ["首批" + name]
        elif m.label == "GovernmentBody":
            rec["level"] = self.gov_level(name)
        elif m.label == "Region":
            rec["kind"] = "area"
        return rec

    def english(self, name: str) -> str:
        return english_name(name, cut=lambda x: [w for w, _ in self.pt.cut(x)])

    def gov_level(self, name: str) -> str:
        if name.startswith(("国家", "中央", "国务院")) or re.match(r"^[^省市区县]{2,8}部$", name):
            return "central"
        for full, (code, fname, kind) in self._builtin_regions.items():
            if name.startswith(full):
                return "provincial" if code.endswith("0000") else "municipal"
        if re.match(r"^.{2,6}?省", name):
            return "provincial"
        if re.match(r"^.{2,6}?市", name):
            return "municipal"
        return "district"

    def id_for(self, label: str, rec: dict, hint: str | None = None) -> str:
        seg = self.kb.model.classes[label].segment
        name = rec["name_zh"]
        core = name
        if label == "Enterprise":
            core = re.sub(r"(股份有限公司|有限责任公司|有限公司)$", "", name) or name
        elif label in ("Park", "SubPark"):
            inner = re.search(r"[（(]([^（）()]+)[）)]", name)
            core = inner.group(1) if inner else name
            if label == "SubPark":
                core = re.sub(r"园$", "", core) or core
        toks = [w for w, _ in self.pt.cut(core)] if len(core) <= 40 else None
        base = hint or slug(core, toks)
        used = self.kb.used_ids(seg) | self._new_ids.setdefault(seg, set())
        cand, i = base, 2
        while cand in used:
            cand, i = f"{base}-{i}", i + 1
        self._new_ids[seg].add(cand)
        return cand

    def use_existing(self, ent: KBEntity, how: str, m: Mention | None) -> str:
        p = self.entities.get(ent.ref)
        if p is None:
            p = self.entities[ent.ref] = Proposal(ent.ref, ent.label, dict(ent.record), ent.origin, how,
                                                  0.95 if how in ("name", "alias") else 0.75)
        if m is not None:
            p.mentions.append(m)
            m.conf = max(m.conf, p.conf)
        return ent.ref

    def use_new(self, label: str, rec: dict, m: Mention | None, fixed_id: bool = False, id_hint: str | None = None) -> str:
        # the same new thing twice in one article is one entity
        for p in self.entities.values():
            if p.origin == "new" and p.label == label and norm(p.record["name_zh"]) == norm(rec["name_zh"]):
                if m is not None:
                    p.mentions.append(m)
                return p.key
        seg = self.kb.model.classes[label].segment
        if not fixed_id or not rec.get("id"):
            rec["id"] = self.id_for(label, rec, id_hint)
        key = f"{seg}/{rec['id']}"
        self.entities[key] = Proposal(key, label, rec, "new", "new", m.conf if m else 0.6)
        if m is not None:
            self.entities[key].mentions.append(m)
        return key

    # -------------------------------------------------------------- 4. facts
    def mentions_in(self, a: int, b: int, labels: tuple[str, ...] | None = None) -> list[Mention]:
        return sorted((m for m in self.mentions if m.keys and a <= m.start and m.end <= b
                       and (labels is None or m.label in labels)), key=lambda m: m.start)

    def topic(self, s: Sentence, pos: int) -> Mention | None:
        """The park or sub-park the paragraph is about at this point: the last one it named."""
        cands = [m for m in self.mentions if m.keys and m.label in PARKISH and m.start < pos
                 and self.doc.sentences[m.sent].para == s.para]
        return max(cands, key=lambda m: m.start) if cands else None

    def rel(self, frm: str, rtype: str, to: str, s: Sentence, span: tuple[int, int], conf: float, rule: str,
            role: str | None = None, since: str | None = None) -> None:
        if not frm or not to or frm == to:
            return
        rd = self.kb.model.relationships[rtype]
        lf, lt = self.label_of(frm), self.label_of(to)
        if lf not in rd.sources or lt not in rd.targets:
            return
        for r in self.relations:
            if (r.frm, r.type, r.to) == (frm, rtype, to):
                if conf > r.conf:
                    r.conf, r.sent, r.span, r.rule = conf, s.idx, span, rule
                r.role = r.role or role
                return
        self.relations.append(RelFact(frm, rtype, to, s.idx, span, round(conf, 2), rule, role, since))

    def label_of(self, key: str) -> str | None:
        p = self.entities.get(key)
        return p.label if p else None

    def dates_in(self, a: int, b: int) -> list[DateMention]:
        return [d for d in self.dates if a <= d.start and d.end <= b]

    def facts(self) -> None:
        for s in self.doc.sentences:
            self.rules_parks(s)
            self.rules_events(s)
            self.rules_tenants(s)
            self.rules_honours(s)
            self.rules_domains(s)
            self.rules_policies(s)
            self.rules_institutions(s)
            self.rules_statistics(s)
            self.rules_text_statistics(s)

    def rules_parks(self, s: Sentence) -> None:
        parks = self.mentions_in(s.start, s.end, ("Park",))
        for p in parks:
            # the park's name says where it is: 国家网络安全产业园区（长沙）
            inner = re.search(r"[（(]([^（）()]+)[）)]", self.entities[p.key].record["name_zh"])
            if inner:
                place = inner.group(1)
                base = re.sub("(" + "|".join(gz.COMPOUND_SUFFIXES) + ")$", "", place)
                names = list(gz.COMPOUNDS.get(base, (base,)))
                for n in names:
                    key = self.region_key(n, None) if (self.kb.lookup(n, ("Region",)) or n in self._builtin_regions) else None
                    if key:
                        self.rel(p.key, "LOCATED_IN", key, s, (p.start, p.end), 0.85, "park name names its place")
            for sp in self.mentions_in(s.start, s.end, ("SubPark",)):
                self.rel(sp.key, "PART_OF", p.key, s, (min(p.start, sp.start), max(p.end, sp.end)), 0.8,
                         "sub-park named in its park's sentence")
        # a park's sentence naming a region compound or an area (川渝地区): where the park spans
        subj = parks[0] if parks else self.topic(s, s.end)
        if subj is not None and subj.label == "Park":
            for r in self.mentions_in(s.start, s.end, ("Region",)):
                if r.how == "pattern:region-compound":
                    for k in r.keys:
                        self.rel(subj.key, "LOCATED_IN", k, s, (r.start, r.end), 0.65,
                                 "region compound in the park's sentence", role=f"spans {r.text}")

    EVENT_RX = re.compile("(" + "|".join(sorted(gz.EVENT_TRIGGERS, key=len, reverse=True)) + ")")

    def rules_events(self, s: Sentence) -> None:
        for m in self.EVENT_RX.finditer(s.text):
            pos = s.start + m.start()
            kind = gz.EVENT_TRIGGERS[m.group()]
            after = self.text[s.start + m.end(): s.start + m.end() + 2]
            if after and not re.match(r"^(?:[，。；,;]|成为|为|$)", after) and s.start + m.end() < s.end:
                continue  # 获批首批…试验区: a designation, not an event
            ca, cb = self.clause_bounds(s, pos)
            projects = [x for x in self.mentions_in(ca, pos) if x.attrs.get("project")]
            dates = self.dates_in(ca, pos) or self.dates_in(s.start, pos)
            date = dates[-1] if dates else None
            if projects:
                names = "、".join(self.entities[x.key].record["name_zh"] for x in projects)
                future = bool(re.search(r"预计|将|计划|力争", self.text[s.start:pos + 2]))
                name = f"{names}等重大项目{gz.EVENT_NAME_WORD.get(kind, m.group())}" + ("（预计）" if future else "")
                en = ", ".join(self.entities[x.key].record["name_en"] for x in projects)
                key = self.event(kind, name, {x.key for x in projects}, date, s, projects[0].start, pos + len(m.group()),
                                 note=("expected" + (f" by {date.text}" if date else "")) if future else None,
                                 name_en=f"{gz.EVENT_NAME_EN.get(kind, 'Event')} of major projects ({en})" + (" (expected)" if future else ""))
                for x in projects:
                    self.rel(key, "CONCERNS", x.key, s, (x.start, pos + len(m.group())), 0.8, "project list with an event word")
                continue
            subj = [x for x in self.mentions_in(ca, pos, ORG_LABELS)]
            if not subj:
                continue
            subj = subj[-1]
            name = self.entities[subj.key].record["name_zh"] + gz.EVENT_NAME_WORD.get(kind, m.group())
            key = self.event(kind, name, {subj.key}, date, s, subj.start, pos + len(m.group()),
                             name_en=f"{gz.EVENT_NAME_EN.get(kind, 'Event')} of the {self.entities[subj.key].record['name_en']}")
            self.rel(key, "CONCERNS", subj.key, s, (subj.start, pos + len(m.group())), 0.85, "subject + date + event word")
        # meetings the park held: 举办A、B等活动
        for ev in [x for x in self.mentions if x.sent == s.idx and x.label == "Event" and not x.keys]:
            hit = self.kb.lookup(ev.name, ("Event",))
            if hit:
                ev.keys = [self.use_existing(hit[0], hit[1], ev)]
            else:
                rec = {"id": "", "name_zh": ev.name, "name_en": self.english(ev.name), "kind": ev.attrs.get("kind", "other")}
                ev.keys = [self.use_new("Event", rec, ev)]
            host = self.topic(s, ev.start)
            if host is not None:
                self.rel(ev.key, "CONCERNS", host.key, s, (ev.start, ev.end), 0.7, "meeting held in the park's paragraph")
                self.rel(ev.key, "PARTICIPANT", host.key, s, (ev.start, ev.end), 0.7, "meeting held in the park's paragraph",
                         role="organiser (举办)")

    def event(self, kind: str, name: str, concerns: set[str], date: DateMention | None, s: Sentence,
              a: int, b: int, note: str | None = None, name_en: str | None = None) -> str:
        point = date.point if date else None
        hit = self.kb.find_event(kind, concerns, point)
        m = Mention(a, b, self.text[a:b], "Event", s.idx, "pattern:event", 0.85, name, {"kind": kind})
        self.mentions.append(m)
        if hit:
            m.keys = [self.use_existing(hit, "event", m)]
            return m.key
        rec = {"id": "", "name_zh": name, "name_en": name_en or self.english(name), "kind": kind}
        if point:
            rec["date"] = point
        if note:
            rec["note"] = note
        subj = sorted(concerns)[0].split("/", 1)[1] if concerns else None
        m.keys = [self.use_new("Event", rec, m, id_hint=f"{subj}-{kind}" if subj else None)]
        return m.key

    def rules_tenants(self, s: Sentence) -> None:
        # 园区企业A和B / 入驻企业A: firms of the park the paragraph is about
        for m in re.finditer(r"(?:园区|入驻|园内|区内)企业", s.text):
            a = s.start + m.end()
            ca, cb = self.clause_bounds(s, a)
            host = self.topic(s, a)
            if host is None:
                continue
            for e in self.mentions_in(a, cb, ("Enterprise", "Institution")):
                self.rel(e.key, "TENANT_OF", host.key, s, (s.start + m.start(), e.end), 0.75, "园区企业 + firm",
                         role=f"park enterprise ({m.group()})")
        # A入驻/落户B
        for m in re.finditer(r"(入驻|落户|进驻)", s.text):
            pos = s.start + m.start()
            ca, cb = self.clause_bounds(s, pos)
            firms = self.mentions_in(ca, pos, ("Enterprise", "Institution"))
            parks = self.mentions_in(pos, cb, PARKISH)
            if firms and parks:
                self.rel(firms[-1].key, "TENANT_OF", parks[0].key, s, (firms[-1].start, parks[0].end), 0.75, "入驻")
        # A、B等重大项目 (in the park the paragraph is about)
        for x in self.mentions_in(s.start, s.end):
            if x.attrs.get("project") or x.attrs.get("flagship"):
                host = self.topic(s, x.start)
                if host is not None:
                    role = "major project" if x.attrs.get("project") else f"flagship project ({self.text[x.start:x.end]})"
                    self.rel(x.key, "TENANT_OF", host.key, s, (x.start, x.end), 0.65, "project of the park", role=role)

    def rules_honours(self, s: Sentence) -> None:
        for h in self.mentions_in(s.start, s.end, ("TalentProgram",)):
            kind = self.entities[h.key].record.get("kind")
            if kind not in ("honour", "designation"):
                continue
            ca, cb = self.clause_bounds(s, h.start)
            verb = re.search(r"获得|获批|荣获|入选|被评为|认定|授予|享受|获评|列入", self.text[ca:h.end])
            if not verb:
                continue
            holders = self.mentions_in(ca, h.start, ("Enterprise", "Institution", "Park", "SubPark"))
            level = self.text[max(ca, h.start - 3):h.start + 3]
            role = "national-level (国家级)" if "国家级" in level else ("first batch (首批)" if self.text[max(0, h.start - 2):h.start] == "首批" or h.attrs.get("first_batch") else None)
            if holders:
                for x in holders:
                    self.rel(x.key, "HOLDS", h.key, s, (x.start, h.end), 0.8, "holder + verb + honour", role=role)
            else:
                host = self.topic(s, h.start)
                if host is not None:
                    if verb.group() == "享受":
                        role = f"held by its people ({self.text[ca:cb].strip()})"
                    self.rel(host.key, "HOLDS", h.key, s, (ca, h.end), 0.7, "park + verb + honour", role=role)

    def rules_domains(self, s: Sentence) -> None:
        doms = [d for d in self.mentions_in(s.start, s.end, ("Domain",))]
        if not doms:
            return
        parks = self.mentions_in(s.start, s.end, PARKISH)
        subj = parks[0] if parks else self.topic(s, doms[0].start)
        if subj is None:
            return
        if not re.search(r"布局|聚焦|重点发展|深耕|主攻|领域", s.text):
            return
        for d in doms:
            self.rel(subj.key, "FOCUSES_ON", d.key, s, (d.start, d.end), 0.75, "domains listed in the park's sentence")

    def rules_policies(self, s: Sentence) -> None:
        for a, b, title in self.titles:
            if not (s.start <= a < s.end):
                continue
            kind = next((k for suf, k in sorted(gz.POLICY_SUFFIXES, key=lambda x: -len(x[0])) if title.endswith(suf)), None)
            if kind is None:
                continue  # a book or a magazine
            m = Mention(a, b, self.text[a:b], "Policy", s.idx, "pattern:policy-title", 0.85, title, {"kind": kind})
            self.mentions.append(m)
            issuers = [g for g in self.mentions_in(s.start, a, ("GovernmentBody", "Institution"))]
            issuer = issuers[-1] if issuers and re.search(r"印发|发布|出台|制定|颁布|下发|发文", self.text[issuers[-1].end:a]) else None
            dates = self.dates_in(issuer.end if issuer else s.start, a)
            hit = self.kb.lookup(title, ("Policy",))
            if hit:
                m.keys = [self.use_existing(hit[0], hit[1], m)]
            else:
                rec = {"id": "", "name_zh": title, "name_en": self.english(title), "kind": kind}
                if issuer is not None:
                    lvl = self.entities[issuer.key].record.get("level")
                    rec["level"] = {"central": "national"}.get(lvl, lvl) if lvl else None
                    if rec["level"] is None:
                        rec.pop("level")
                if dates:
                    rec["issued_on"] = dates[-1].point
                m.keys = [self.use_new("Policy", rec, m)]
            if issuer is not None:
                self.rel(m.key, "ISSUED_BY", issuer.key, s, (issuer.start, b), 0.85, "body + 印发 + 《title》")
            parks = [p for p in self.mentions_in(s.start, s.end, PARKISH)]
            if parks:
                for p in parks:
                    self.rel(m.key, "CONCERNS", p.key, s, (a, b), 0.7, "policy and park in one sentence")
            elif re.search(r"园区|产业园", title):
                host = self.topic(s, a)
                if host is not None:
                    self.rel(m.key, "CONCERNS", host.key, s, (a, b), 0.6, "policy on parks in the park's paragraph")

    def rules_institutions(self, s: Sentence) -> None:
        for x in self.mentions_in(s.start, s.end, ("Institution",)):
            name = self.entities[x.key].record["name_zh"]
            m = re.match(r"^(.{2,}?(?:大学|学院|科学院))(.{2,}(?:研究院|分院|校区|研究所|研究中心))$", name)
            if not m:
                continue
            parent = m.group(1)
            hit = self.kb.lookup(parent, ("Institution",))
            pm = Mention(x.start, x.start + len(parent), parent, "Institution", s.idx, "pattern:parent-in-name", 0.7, parent,
                         {"kind": "university" if parent.endswith("大学") else "research_institute"})
            if hit:
                pk = self.use_existing(hit[0], hit[1], pm)
            else:
                pk = self.use_new("Institution", {"id": "", "name_zh": parent, "name_en": self.english(parent),
                                                  "kind": pm.attrs["kind"]}, pm)
            pm.keys = [pk]
            self.rel(x.key, "PART_OF", pk, s, (x.start, x.end), 0.7, "parent named in the name")

    NUM_RX = re.compile(
        r"(?P<q1>超过|不少于|不到|约|近|逾|累计|达到|达|突破|共计|共)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<q2>多|余)?\s*"
        r"(?P<mult>万亿|亿|万|千)?\s*(?P<q3>多|余)?\s*"
        r"(?P<unit>万亿元|亿元|万元|元|家|个|名|人|位|项|件|次|期|倍|%|％|平方公里|平方米|㎡|亩|公顷|所|座|支)")

    def rules_statistics(self, s: Sentence) -> None:
        prev_cumulative = False
        for m in self.NUM_RX.finditer(s.text):
            a, b = s.start + m.start("num"), s.start + m.end()
            if not self.free(a, b) or self.text[a - 1:a] == "第":
                continue
            if m.group("unit") in ("所", "座", "支") and re.match(f"[{HAN}]", self.text[a - 1:a] or " ") \
                    and self.text[a - 1:a] not in "等共有了近约达余过":
                continue  # 中国电科48所 is a name, not 48 of something
            unit_w, mult = m.group("unit"), m.group("mult") or ""
            if mult and unit_w == "元":
                unit, factor = mult + "元", 1.0
            elif mult == "万" and unit_w in ("平方米", "㎡"):
                unit, factor = "万㎡", 1.0
            else:
                unit, factor = gz.UNITS[unit_w][0], {"": 1, "千": 1e3, "万": 1e4, "亿": 1e8, "万亿": 1e12}[mult]
            value = float(m.group("num")) * factor
            value = round(value, 6)
            q = m.group("q2") or m.group("q3")
            qual = q if q else gz.QUALIFIER_MAP.get(m.group("q1") or "")
            ca, cb = self.clause_bounds(s, a)
            clause = self.text[ca:cb]
            cumulative = bool(re.search(r"累计|共(?:引进|培养|培育|引育|签约|落地|招引)", clause))
            has_verb = any(f.startswith("v") for w, f in self.words(ca, cb) if w not in ("相关",))
            if not cumulative and not has_verb and prev_cumulative:
                cumulative = True  # 共引进…18 名，各类高层次人才 324 名: the list goes on
            prev_cumulative = cumulative
            if qual is None and cumulative:
                qual = "累计"
            # what it describes: an organisation in the clause before the number, else the paragraph's park;
            # not the items of a list the number counts (国防科大、中南大学等58所高等院校)
            listed = bool(re.search(r"等\s*$", self.text[ca:a]))
            before = [x for x in self.mentions_in(ca, a, ORG_LABELS)
                      if not (listed and self.text[x.end:x.end + 1] in ("、", "等", "和", "及", "与"))]
            conf = 0.85
            regional = re.search(r"全(?:省|市|区|县)(?!首|第|唯)", self.text[s.start:a])
            if before:
                subj = before[-1]
            else:
                subj = None if regional else self.topic(s, a)   # 全省…: the province's figure, not the park's
                conf = 0.7
                if subj is None:
                    regions = self.mentions_in(s.start, s.end, ("Region",))
                    subj = regions[0] if regions else None
                    conf = 0.45
            if subj is None:
                self.unanchored.append(f"s{s.idx} [{a},{b}) {self.text[a:b]}: no entity it describes")
                continue
            metric, mzh, men = self.metric(clause, subj)
            as_of = self.as_of(s, ca)
            status = "target" if re.search(r"预计|力争|目标|计划|将达|到\s*\d{4}\s*年", clause) else "actual"
            start = s.start + m.start() if m.group("q1") else a
            scope = clause.strip()
            fields = {"metric": metric, "metric_zh": mzh, "metric_en": men, "value": int(value) if value.is_integer() else value,
                      "unit": unit, "as_of": as_of, "status": status}
            if qual:
                fields["qualifier"] = qual
            fields["scope"] = scope
            self.observations.append(ObsFact(subj.key, fields, s.idx, (start, b), conf, "number + unit"))

    def metric(self, clause: str, subj: Mention) -> tuple[str, str, str]:
        text = clause.replace(subj.text, "")
        for word, code, zh, en in gz.METRICS:
            if word in text:
                if re.search(r"年均|每年|年度|年" + word, text) and not code.startswith("annual_"):
                    return "annual_" + code, "年均" + zh, "Annual " + en[0].lower() + en[1:]
                return code, zh, en
        return "count", "数量", "Count"

    def as_of(self, s: Sentence, ca: int) -> str:
        own = self.dates_in(ca, self.clause_bounds(s, ca)[1])
        if own:
            return own[0].point
        prev = [d for d in self.dates_in(s.start, ca)]
        if prev:
            pa, _ = self.clause_bounds(s, prev[-1].start)
            lead = self.text[pa:prev[-1].start]
            if re.search(r"截至|截止|到", lead) or re.match(r"^\s*(成为|并)", self.text[ca:ca + 3]):
                return prev[-1].point
        return self.doc.meta.get("published") or ""

    TEXT_RULES = [
        ("layout_slogan", re.compile(r"形成[^，。；]*?“([^”]{4,40})”的(?:总体)?(?:布局|格局)"), "actual"),
        ("development_main_line", re.compile(r"以“([^”]{4,40})”为(?:主线|核心|引领|方向)"), "actual"),
        ("distinction", re.compile(r"成为((?:全国|国内|全球|中国|我国|西部|中部|东部)?(?:首个|首家|第一个|唯一|第一家)[^，。；]{2,40})"), "actual"),
        ("development_goal", re.compile(r"(将[^，。；]{2,30}?打造(?:为|成)[^，。；]{2,60})"), "target"),
    ]

    def rules_text_statistics(self, s: Sentence) -> None:
        for metric, rx, status in self.TEXT_RULES:
            for m in rx.finditer(s.text):
                a, b = s.start + m.start(1), s.start + m.end(1)
                parks = self.mentions_in(s.start, a, PARKISH)
                subj = parks[0] if parks else self.topic(s, a)
                if subj is None:
                    continue
                zh, en = gz.TEXT_METRICS[metric]
                ca, _ = self.clause_bounds(s, a)
                fields = {"metric": metric, "metric_zh": zh, "metric_en": en, "value_text": m.group(1),
                          "as_of": self.as_of(s, ca), "status": status}
                self.observations.append(ObsFact(subj.key, fields, s.idx, (s.start + m.start(), s.start + m.end()),
                                                 0.7, f"text statistic: {metric}"))

    # -------------------------------------------------------------- run
    def run(self) -> Extraction:
        self.dates = find_dates(self.doc)
        for d in self.dates:
            self.take(d.start, d.end, 1)
        self.titles = self.find_titles()
        self.find_dictionary()
        self.find_patterns()
        self.unanchored: list[str] = []
        self.link()
        self.facts()
        self.finish()
        return Extraction(self.kb, self.doc, sorted(self.mentions, key=lambda m: m.start), self.dates, self.entities,
                          self.relations, self.observations, self.unanchored)

    def finish(self) -> None:
        """Which entities carry a fact; observation ids; sentences per entity."""
        for r in self.relations:
            if r.conf >= ACCEPT:
                for k in (r.frm, r.to):
                    self.entities[k].has_fact = True
        for o in self.observations:
            if o.conf >= ACCEPT:
                self.entities[o.subject].has_fact = True
        for p in self.entities.values():
            p.sentences = sorted({m.sent for m in p.mentions})
            if p.mentions:
                p.conf = round(max(m.conf for m in p.mentions), 2)
        used: set[str] = set(self.kb.used_ids("observation"))
        for o in self.observations:
            subj_id = o.subject.split("/", 1)[1]
            year = (o.fields.get("as_of") or "")[:4]
            base = subj_id + "-" + o.fields["metric"].replace("_", "-") + (f"-{year}" if year else "")
            base = re.sub(r"[^a-z0-9-]+", "-", base.lower()).strip("-")
            cand, i = base, 2
            while cand in used:
                cand, i = f"{base}-{i}", i + 1
            used.add(cand)
            o.key = f"observation/{cand}"


def extract(doc: Document, kb: KnowledgeBase) -> Extraction:
    return Extractor(kb, doc).run()
