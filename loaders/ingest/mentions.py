"""Finding mentions: the knowledge base's names (the `dictionary` row), 《titles》, and the mention
rows of loaders/ingest/rules/mentions.py: patterns on the text, enumerations (one mention per
member) and names read right to left from a suffix with jieba's words and parts of speech."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .mention_context import ContextMentionsMixin
from .model import Mention
from .rules.mentions import BARE_NAME_RX, DEICTIC_MEETING, HAN, NOT_A_DOMAIN
from .rules import conf, rx
from .place_words import PlaceWordsMixin
from .suffixes import SuffixNamesMixin

# …大赛·信创赛道作为…峰会的品牌赛事: a verb inside what looks like an event's name ends the name before it
NOT_IN_EVENT_NAME = re.compile(r"作为|成为|是|将|被|给|举办|举行|召开")   # “数字经济”给岳麓峰会带去…: a clause, no name
QUOTED, ITEM_SPLIT = re.compile(r"“[^“”]*”"), re.compile(r"[、和及与]")
DOMAIN_SPLIT = re.compile(r"以及|[、和及与]")   # 能源以及新能源: two domains (round blind-zc)
# 举办了系列活动 / 各类活动 / 一系列主题活动: no name, no event of its own (row activity-held)
GENERIC_ACTIVITY = re.compile(r"[系各多相主丰本此该]|一(?![季月])")   # but 一季度招商…“云签约”活动 is named by its quarter
# what reports revenue but is no firm's name: a place, a sector, a group of firms (全省软件企业实现营业收入)
NOT_A_FIRM = re.compile(r"[省市区县镇园全各该其我共]|企业|公司们|行业|产业|软件业|服务业|制造业|规模|重点|累计|同比|合计|总计")
ACTIVITY_KIND = {"签约": "signing", "开工": "groundbreaking", "揭牌": "unveiling", "授牌": "unveiling"}
# what ends the head before a list's first member (words no organisation's name is made of)
LIST_VERB_END = ("了", "着", "过", "有", "如", "是", "包括", "包含", "拥有", "涵盖", "聚集", "集聚", "汇聚", "吸引", "引进",
                 "调研", "走访", "考察", "参观", "看望", "培育", "孵化", "涌现", "其中")
NAME_FLAGS = ("ns", "nz", "nt", "nr", "nrt", "eng")
# a place that begins an outlet's name (长沙晚报讯, 湖南日报, 成都电视台) or a dateline (新华社北京9月2日电) is the
# outlet's city, no place the article states a fact about
MEDIA_TAIL = re.compile(r"(?:晚报|日报|早报|晨报|都市报|商报|电视台|广播电视台|新闻网|在线讯|发布讯|(?P<dateline>\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*电))")
# 中国经济网北京3月25日讯（记者徐红）2016中国半导体市场年会…召开: the dateline is no part of the meeting's name (round blind-zo)
DATELINE_HEAD = re.compile(r"[^，。；]{0,20}?\d{1,2}\s*日\s*[讯电]\s*(?:[（(][^）)]{0,20}[）)])?\s*")


class MentionsMixin(ContextMentionsMixin, SuffixNamesMixin, PlaceWordsMixin):
    # -------------------------------------------------------------- titles and dictionary
    def find_titles(self) -> list[tuple[int, int, str]]:
        out = [(m.start(), m.end(), m.group(1)) for m in rx("policy-title").finditer(self.text)]
        for a, b, _ in out:
            self.take(a, b, 2)
        for m in rx("policy-notice").finditer(self.text):   # before the dictionary: 四川省 begins the title
            if self.free(m.start(1), m.end(1)):
                out.append((m.start(1), m.end(1), m.group(1)))
                self.take(m.start(1), m.end(1), 2)
        return out

    def find_dictionary(self) -> None:
        names: dict[str, str] = {}
        for n, label in self.kb.dictionary():
            for v in {n, n.replace("（", "(").replace("）", ")"), n.replace("(", "（").replace(")", "）"),
                      n.replace("“", "\"").replace("”", "\"")}:
                if names.setdefault(v, label) != label and label == "Region":
                    # 北京市 is both the place and an alias of 北京市人民政府: the place, unless a rule
                    # reads it as an agent (park-built-by, policy-issuer → its government)
                    names[v] = label
        for n in (n for n in (*self._builtin_regions, *self._short_districts) if len(n) >= 2):   # a name the knowledge base holds keeps its label (set above)
            names.setdefault(n, "Region")
        if not names:
            return
        alts = sorted(names, key=len, reverse=True)
        r = re.compile("|".join(re.escape(a) for a in alts))
        pos = 0
        glued = -1   # the end of a place name glued into a longer word: no name begins inside it
        while True:
            m = r.search(self.text, pos)
            if not m:
                break
            a, b = m.start(), m.end()
            if a < glued:   # 成都市经信委: not Chongqing's 市经信委 read from the 市 of 成都市
                pos = a + 1
                continue
            inside = self._inside_word(a, b, names[m.group()])
            if inside and names[m.group()] == "Region":
                glued = b
            if self.free(a, b) and not inside and not self._zone_of_place(a, m.group()):
                mm = self.add_mention(a, b, names[m.group()], "dictionary", conf("dictionary"),
                                      self._short_districts.get(m.group()) if names[m.group()] == "Region" else None)
                if mm is not None and names[m.group()] == "Region" and (tail := MEDIA_TAIL.match(self.text, b)):
                    mm.attrs.update(outlet=True, dateline=bool(tail.group("dateline")))   # 长沙晚报讯, 新华社成都9月11日电: region-dateline
                self.take(a, b, 4)
                pos = b
            else:
                pos = a + 1

    # -------------------------------------------------------------- patterns
    def adopt_or_add(self, a: int, b: int, label: str, how: str, conf_: float, name: str | None = None,
                     inner: tuple[int, int] | None = None, **attrs) -> Mention | None:
        """A pattern found [a, b): if the dictionary already found the same name (at [a, b) or at
        `inner`, the name inside quotes or brackets), keep that mention and add what the pattern
        knows; else take the span if nothing longer holds it."""
        for x in self.sent_mentions(a):
            if x.how == "dictionary" and ((x.start, x.end) == (a, b) or (inner and (x.start, x.end) == inner)):
                x.attrs.update({k: v for k, v in attrs.items() if v is not None})
                x.attrs.setdefault("pattern", how)
                return x
        if not self.claimable(a, b):
            return None
        m = self.add_mention(a, b, label, how, conf_, name, **attrs)
        self.claim(a, b)
        return m

    def _meeting_over_title(self, a: int, b: int, how: str) -> None:
        """《重庆市数据条例》深入实施新闻发布会: a meeting named after a policy's title holds the title (the policy stays
        a mention of its own); nothing else may lie inside (`meeting-over-title`)."""
        titles = [(x, y) for x, y, _ in self.titles_by_sent.get(self.sentence_at(a).idx, ()) if a <= x and y < b]
        if not titles or any(v not in (0, 4) for i, v in enumerate(self.mask[a:b], a) if not any(x <= i < y for x, y in titles)):
            return
        self.add_mention(a, b, "Event", how, conf("meeting"), kind="meeting")
        self.context_rows.add("meeting-over-title")

    def _industry_items(self, m: re.Match) -> bool:
        """Is the list of 以A、B为重点 one of industries (a known one among them, none counted: 三大优势)?"""
        items = [x for _, _, x in self.items(m)]
        return any(x in gz.KNOWN_DOMAINS or x.removesuffix("产业") in gz.KNOWN_DOMAINS for x in items) \
            and not any(re.search(r"[\d一二三四五六七八九十两]+[大个项]", x) for x in items)

    def items(self, m: re.Match, group: int = 1, splitter: re.Pattern | None = None):
        """The items of an enumeration (A、B和C) with their spans; nothing inside quotes splits (“迎老乡、回故乡”恳谈会)."""
        base, text = m.start(group), m.group(group)
        masked = QUOTED.sub(lambda q: "“" + "\0" * (len(q.group()) - 2) + "”", text)
        cuts = [(x.start(), x.end()) for x in (splitter or ITEM_SPLIT).finditer(masked)
                if x.end() > x.start() and not self.inside_name(base + x.start())]
        for a, b in zip([0] + [e for _, e in cuts], [c for c, _ in cuts] + [len(text)]):
            if item_s := text[a:b].strip():
                a += len(text[a:b]) - len(text[a:b].lstrip())
                yield base + a, base + a + len(item_s), item_s

    def find_patterns(self) -> None:
        t = self.text
        for m in rx("park-name").finditer(t):
            inner = m.group(1)
            sub = None if inner.endswith("园") or self.kb.lookup(m.group(), ("Park",)) else \
                self.kb.lookup(inner + "园", ("SubPark",))
            if sub:   # 国家网络安全产业园（通州）: the sub-park 通州园 the knowledge base knows, not a new park
                self.adopt_or_add(m.start(), m.end(), "SubPark", "pattern:park-name", conf("park-name"),
                                  name=sub[0].record["name_zh"], place=inner)
                continue
            self.adopt_or_add(m.start(), m.end(), "SubPark" if inner.endswith("园") else "Park", "pattern:park-name",
                              conf("park-name"), place=inner)
        for m in rx("honour").finditer(t):
            a = m.start(1) if m.group(1) else m.start(2)
            lvl = {"国家级": "national", "省级": "provincial", "市级": "municipal"}.get(m.group(1) or "")
            self.adopt_or_add(a, m.end(), "TalentProgram", "pattern:honour", conf("honour"), name=m.group(2), kind="honour",
                              level=lvl, inner=(a, m.end() - 2))
        for m in rx("honour-list").finditer(t):   # 获评A、B、C等资质: one honour per item
            for a, b, item in self.items(m, 1, re.compile(r"[、]")):
                if 4 <= len(item) <= 30 and "的" not in item:
                    self.adopt_or_add(a, b, "TalentProgram", "pattern:honour-list", conf("honour-list"), name=item,
                                      kind="honour")
        for m in rx("honour-quoted").finditer(t):   # 获评“2020年中国软件行业最具影响力企业”: an honour, quoted
            a, b = m.start(1) - 1, m.end(1) + 1
            if self._take_name(a, b, "TalentProgram", "honour-quoted", name=m.group(1), kind="honour") is None:
                continue
            if re.search(r"企业|公司", m.group(1)):
                self._listed_holders(m.start())
        for m in rx("designation-quoted").finditer(t):   # 入围“中国软件名园”创建试点: a designation, quoted
            g = 1 if m.group(1) else 2
            self._take_name(m.start(g) - 1, m.end(g) + 1, "TalentProgram", "designation-quoted", name=m.group(g),
                            kind="designation")
        for m in rx("special-allowance").finditer(t):
            self.adopt_or_add(m.start(), m.end(), "TalentProgram", "pattern:special-allowance", conf("special-allowance"),
                              name="国务院特殊津贴" if m.group(1) == "国务院" else m.group(1) + "特殊津贴",
                              kind="honour", level="national" if m.group(1) == "国务院" else None)
        for m in rx("quoted-project").finditer(t):
            if re.search(r"十[一二三四五]五|高精尖", m.group(1)) or not re.fullmatch(f"[{HAN}0-9]+", m.group(1)) or \
                    re.match(r"[一二两三四五六七八九十百\d]+个", m.group(1)):   # “五个基地”: a count, not a project's name
                continue
            self.adopt_or_add(m.start(1) - 1, m.end(1) + 1, "TalentProgram", "pattern:quoted-project",
                              conf("quoted-project"), name=m.group(1), inner=(m.start(1), m.end(1)), kind="project",
                              flagship=True)
        for m in rx("project-list").finditer(t):
            for a, b, item in self.items(m):
                label, kind = self._kind_by_suffix(item)
                for x in self.sent_mentions(a):
                    if (x.start, x.end) == (a, b):
                        x.attrs["project"] = True
                        break
                else:
                    self._project_item(a, b, item, label, kind)
        for m in rx("meeting").finditer(t):
            for a, b, item in (x for x in self.items(m) if not gz.COUNTED_EVENTS.match(x[2])):   # 5场…专题活动: a count
                a, item = (a + 1, item[1:]) if item.startswith("的") else (a, item)   # 举行的2020世界计算机大会: after 的
                a, b = self.unquoted(a, b)   # 举行了“科技合作项目签约仪式”: the name inside the quotes
                item = self.text[a:b]
                held = item.endswith("上") and (item[:-1].endswith(gz.MEETING_SUFFIXES)   # …主办的Y发布会上: held
                                                 or bool(rx("activity-held").search(item[:-1])))   # 在X签约仪式上
                b, item = (b - 1, item[:-1]) if held else (b, item)
                if item.endswith(gz.MEETING_SUFFIXES) and (len(item) >= 4 or item in gz.GENERIC_MEETINGS) and not DEICTIC_MEETING.match(item):
                    how = "pattern:meeting-held-after" if held else "pattern:meeting"
                    if self.adopt_or_add(a, b, "Event", how, conf("meeting"), kind="meeting") is None:
                        self._meeting_over_title(a, b, how)
                elif rx("activity-held").search(item) and len(item) >= 6 and not NOT_IN_EVENT_NAME.search(item) and "等" not in item \
                        and not GENERIC_ACTIVITY.match(item):
                    self._held_meeting(a, b, "activity-held")
        for row, m in [*(("domain-list", m) for m in rx("domain-list").finditer(t)),
                       *(("domain-focus-list", m) for m in rx("domain-focus-list").finditer(t) if self._industry_items(m)),
                       *(("domain-focus-pair", m) for m in rx("domain-focus-pair").finditer(t))]:
            for a, b, item in self.items(m, 1, DOMAIN_SPLIT):
                if lead := re.match(r"^(?:未来|现有|当前|目前|新兴(?!技术)|传统)", item):   # 面向未来超级计算: a time word (新兴技术 one word)
                    a, item = a + lead.end(), item[lead.end():]
                if tail := re.search(r"(?:[千百万]|\d+)亿级$", item):   # 先进制造500亿级: the cluster's size, not its name
                    b, item = b - len(tail.group()), item[:tail.start()]
                if 2 <= len(item) <= 10 and not NOT_A_DOMAIN.search(item):
                    # 形成了A、B等产业集群: the clusters a place has, its own industries as N大产业集群 are
                    # 围绕数字政府、…等重点领域，加强…安全: what a task serves, no names on their own (rule named-domain-list)
                    self.adopt_or_add(a, b, "Domain", f"pattern:{row}", conf(row), cluster=m.group().endswith("产业集群") or None,
                                      around=m.group().startswith("围绕") or None)
        for m in rx("domain-industry-list").finditer(t):
            self._industry_list(m)
        for m in rx("domain-cluster-list").finditer(t):
            for a, b, item in self.items(m, 1, re.compile(r"[、]")):
                if a == m.start(1) and item.startswith("以"):   # 形成了以汽车、电子信息…四大产业为支撑: 以 opens the list
                    a, item = a + 1, item[1:]
                if 2 <= len(item) <= 10 and not re.search(r"[从由到的]", item):
                    self.adopt_or_add(a, b, "Domain", "pattern:domain-cluster-list", conf("domain-cluster-list"))
        for how, m in [("meeting-held", m) for m in rx("meeting-held").finditer(t)] + \
                [("meeting-held-after", m) for m in rx("meeting-held-after").finditer(t)] + \
                [("meeting-organised", m) for m in rx("meeting-organised").finditer(t)]:
            a, b = m.start(1), m.end(1)
            q = self.text.rfind("“", a, b)   # a quoted title after a verb starts the name: 召开“长沙·非凡十年”…发布会
            if q > a and self.text.find("”", q) > q and re.search(r"(召开|举办|举行|主办|开展|启动)$", self.text[a:q]):
                a = q
            org = re.match(r"(?:由?[^，。；的]{2,30}?(?:联合)?(?:主办|承办|举办|组织|指导)|为期[^，。；的]{1,6})的", self.text[a:b])
            if org and b - (a + org.end()) >= 4:   # nor how long it lasts: 为期两天的天府杯… (round blind-ye, dev-ZZC)
                a += org.end()   # 由成都市网络安全协会主办的…培训班: the organiser is named, the course is what follows
            # who went is no part of the name (某副局长出席…论坛), nor a count (还将有一场…) or a description (…的…大会——2020…)
            went = re.match(r".*(?:出席|参加|莅临)了?|[^，。；]{0,4}?[一两三四五六七八九十]场|[^，。；]*的[^，。；]*?——", self.text[a:b])
            a += went.end() if went and b - (a + went.end()) >= 4 else 0
            a, b = self.unquoted(a, b)   # 承办的“软件园区创新发展研讨会暨…2016年会”在北京召开: the name inside the quotes
            self._held_meeting(a, b, how)
        for how, m in [(h, m) for h in ("event-named", "event-series", "event-briefing") for m in rx(h).finditer(t)]:
            self._held_meeting(m.start(1), m.end(1), how, "announcement" if how == "event-briefing" else None)
        for row, m in ((r, m) for r in ("firm-of-officer", "firm-stock-code") for m in rx(r).finditer(t)):
            a, b = m.start(1), m.end(1)
            s_ = self.sentence_at(a)
            if not (a == s_.start or re.match(r"[，、。；：:,（(“\s]", self.text[a - 1:a])):
                a = max(a, self.left_boundary(s_, b))   # the name does not start after a separator: read words
            held = [x for x in self.sent_mentions(a) if x.start < b and x.end > a]
            if any(x.label not in ("Region",) or x.how != "dictionary" for x in held):
                continue   # already a known firm or body (北京金山办公软件股份有限公司CEO)
            if b - a < 3 or self.text[a:b] in gz.GENERIC_WORDS or not self.claimable(a, b):
                continue
            if re.search(r"(?:公司|集团|[委局厅]|政府|办公室|管委会)$", self.text[a:b]):
                continue   # a company's or a body's suffix: the suffix rows read the whole name (…有限公司四川分公司副总经理,
                # 长沙市发改委党委书记: a Party secretary is an officer of bodies too)
            self.add_mention(a, b, "Enterprise", f"pattern:{row}", conf(row))
            self.claim(a, b)
        for row, m in ((r, m) for r in ("firm-of-revenue", "firm-as-leader") for m in rx(r).finditer(t)):
            self._bare_firm(m.start(1), m.end(1), row)   # 拓维信息实现营业收入8.9亿元; 以诺基亚为龙头
        for m in rx("institute-of-officer").finditer(t):
            g = 1 if m.group(1) else 2   # an institute by its head, or an association by its 会长 (group 2)
            a, b = m.start(g), m.end(g)
            s_ = self.sentence_at(a)
            if not (a == s_.start or re.match(r"[，、。；：:,（(“\s]", self.text[a - 1:a])):
                a = max(a, self.left_boundary(s_, b))
            if b - a < 4 or self.text[a:b] in gz.GENERIC_WORDS or not self.claimable(a, b):
                continue   # 学院院长 / 研究所所长 alone say which kind, not which one
            kind = "association" if g == 2 else "university" if re.search(r"大学|学院$", self.text[a:b]) else "research_institute"
            self.adopt_or_add(a, b, "Institution", "pattern:institute-of-officer", conf("institute-of-officer"), kind=kind)
        for s_ in self.doc.sentences:
            for m in rx("cluster-name").finditer(s_.text):
                self._cluster(s_, s_.start + m.start(), s_.start + m.end())
        for m in rx("region-named-compound").finditer(t):
            self.adopt_or_add(m.start(), m.end(), "Region", "pattern:region-named-compound", conf("region-named-compound"),
                              kind="area")
        for m in rx("region-compound").finditer(t):
            self.adopt_or_add(m.start(), m.end(), "Region", "pattern:region-compound", conf("region-compound"),
                              members=list(gz.COMPOUNDS[m.group(1)]), area=bool(m.group(2)))
        for m in rx("bracketed-place-zone").finditer(t):
            self.adopt_or_add(m.start(), m.end(), "Region", "pattern:bracketed-place-zone", conf("bracketed-place-zone"), kind="zone")
        self._devzones(t)
        for m in rx("zone-park").finditer(t):
            self._zone_park(m.start(1), m.end(1))
        self._address_places(t)
        for m in rx("mass-organisation").finditer(t):   # before party-committee: 共青团湖南省委 is not 湖南省委
            # the people's organisations are no organs of state: Institution, as the labellers wrote 8 times of 9
            label = "Institution" if re.search(r"共青团|总工会|妇联|妇女联合会", m.group(1)) else "GovernmentBody"
            self.adopt_or_add(m.start(1), m.end(1), label, "pattern:mass-organisation", conf("mass-organisation"))
        for m in rx("party-committee").finditer(t):
            place = m.group(1)
            place = next((place[k:] for k in range(len(place) - 1) if place[k:] in self._builtin_regions), None)
            if place is None:
                continue
            full = self._builtin_regions[place][1]
            if full[-1] != m.group(1)[-1]:
                continue   # 湖南市委: the level the text gives is not the place's
            a = m.end(1) - len(place)
            self.adopt_or_add(a, m.end(), "GovernmentBody", "pattern:party-committee", conf("party-committee"),
                              name=f"中共{full}委")
        for m in rx("policy-named").finditer(t):
            a, b = m.start(1), m.end(1)
            if self.free(a, b):
                self.titles_by_sent.setdefault(self.sentence_at(a).idx, []).append((a, b, m.group(1)))
                self.take(a, b, 2)
        for m in rx("office").finditer(t):
            self.adopt_or_add(m.start(1), m.end(1), "GovernmentBody", "pattern:office", conf("office"))
        for m in rx("zone-list").finditer(t):
            self._zone_list(m)
        for s in self.doc.sentences:
            self._suffix_patterns(s)
        for m in rx("central-body").finditer(t):   # after the suffix rows: 公安部第一研究所 is an institution
            self.adopt_or_add(m.start(1), m.end(1), "GovernmentBody", "pattern:central-body", conf("central-body"))
        for rule, m in ((r, m) for r in ("enterprise-list", "enterprise-list-after-count") for m in rx(r).finditer(t)):
            self._enterprise_list(m, rule)
        for m in rx("institution-list").finditer(t):
            self._enterprise_list(m, "institution-list")
        for m in rx("area-list").finditer(t):
            self._enterprise_list(m, "area-list")
        for rule, m in ((r, m) for r in ("unit-list", "organiser-list") for m in rx(r).finditer(t)):
            self._enterprise_list(m, rule)
        for m in rx("agreement-party").finditer(t):
            self._agreement_parties(m)

    def _cluster(self, s, a: int, b: int) -> None:
        """长沙市新一代自主安全计算系统产业集群 → 国家新一代自主安全计算系统产业集群, when the knowledge base
        knows it (with or without the place, with or without 国家); an unknown cluster is not invented."""
        toks = self.tokens(s)
        starts = [x for (x, y, w, f) in toks if x < a and y <= a and a - x <= 24]
        for st in sorted(starts):
            if st < s.start or any(v not in (0, 4) for v in self.mask[st:a]):
                continue
            name = self.text[st:b]
            core = name[len(self.region_prefix(name) or ""):]
            hit = None
            for v in (name, core, "国家" + core):
                hit = hit or self.kb.lookup(v, ("Region",))
            if hit and len(core) >= 6:
                if self.claimable(st, b):
                    self.add_mention(st, b, "Region", "pattern:cluster-name", conf("cluster-name"),
                                     name=hit[0].name_zh, kind="cluster")
                    self.claim(st, b)
                return

    def _zone_start(self, a: int, b: int) -> int | None:
        """Where a development zone's name begins: the place before 高新区 etc. (济南, 合肥, 北京市海淀区)."""
        s = self.sentence_at(a)
        a = max(a, *(self.text.rfind(c, a, b - 2) + 1 for c in "以在与及的对向为将把"),   # 以长沙高新区: after 以; 将万宝新区作为: after 将
                *(a + len(w) for w in ("会上", "会议上", "仪式上") if self.text.startswith(w, a)))   # 会上天心经开区 (blind-zk)
        name = self.text[a:b]   # the match may start with a verb or preposition glued to the place (位于济南…): start at the place
        for x, y, w, f in self.tokens(s):
            if a <= x < b and (f == "ns" or w in self._builtin_regions) and w not in gz.ZONE_WORDS:
                return x
            if a < x and y == b and w not in gz.ZONE_WORDS and re.match(f"^[{HAN}]{{2,4}}(?:高新|经开|自贸|新区|科学城|科技城)", w):
                return x   # 落户长沙高新区: the dictionary holds the zone's name whole, the verb before it is no part
        if re.match(r"落户|位于|入驻|坐落|布局|选址|设在|建在|扎根|进驻", name):
            return None
        if "级" in name or name[0] in "在于从到对向和与及的" or name.startswith(("本次", "此次", "这次", "本届", "该")):
            return None   # 在国家级经开区: a class of zones after a preposition; 本次科学城: the zone named before
        return None if not re.match(f"^[{HAN}]{{2,4}}(?:高新|经开|自贸|新区|科学城|科技城)", name) else a

    def _zone_list(self, m: re.Match) -> None:
        """首批获授牌的五个试验区是：A、B…: each member is a mention of what was counted."""
        what = m.group(1)
        for a, b, item in self.items(m, 2, re.compile(r"[、，,；;]|以及|和")):
            item = item.rstrip("等")
            if len(item) < 4:
                continue
            self.adopt_or_add(a, a + len(item), "Region", "pattern:zone-list", conf("zone-list"), zone_list=what,
                              kind="zone")
            for x in self.sent_mentions(a):
                if x.start == a and x.end == a + len(item):
                    x.attrs["zone_list"] = what

    def _enterprise_list(self, m: re.Match, rule: str = "enterprise-list") -> None:
        """A、B、C等企业: each item is an enterprise, with or without a company suffix (A、B等高校:
        each an institution)."""
        if "、" not in m.group(1):
            return   # one name is not a list: 某某等企业 says too little about what 某某 is
        first = True
        items = list(self.items(m, 1, re.compile(r"[、，,]|以及|和|及")))
        for a, b, item in items:
            if first:   # the list begins after its verb: 湖南聚集了长城科技 → 长城科技
                first = False
                a = self._list_start(a, b)
                item = self.text[a:b]
            if not BARE_NAME_RX.match(item) or item in gz.NAME_STOPWORDS or item in gz.GENERIC_WORDS or gz.BUSINESS_LINE.search(item) \
                    or rule == "organiser-list" and re.search(r"[部委办局厅府]$", item):   # 市委宣传部: a body the office rows read
                continue
            held = [x for x in self.sent_mentions(a) if x.start < b and x.end > a]
            if held and all(x.how == "dictionary" and a <= x.start and x.end <= b and (x.start, x.end) != (a, b)
                            and not (x.label == "GovernmentBody" and x.end == b) for x in held):   # 中国工业和信息化部 is the body
                held = []   # 天津麒麟 (place + firm), 亚信安全 (not 湖南亚信, alias 亚信): the item is the name
            if held:
                for x in held:   # 数字电视产业园、…等专业园区: an area its suffix found is the list's item too
                    if x.label in ("Enterprise", "Institution") or (rule == "area-list" and x.how == "pattern:suffix-area"):
                        x.attrs["listed"] = True
                continue
            if not self.claimable(a, b):
                continue
            ws = self.words(a, b, overlap=True)
            # a bare name: jieba calls it a name (nt/nz/nr/ns), or it is one or two unknown words
            school = rule == "institution-list" and re.search(r"(?:大|大学|学院|院|所)$", item)   # 国防科大: 国防科/n 大/a
            # in a list of three or more, a short item with no function word (prose has 的, 和…) is a name: 完美世界 a+n
            lenient = len(items) >= 3 and 2 <= len(item) <= 8 and rule in ("enterprise-list", "area-list", "organiser-list") and not any(
                f in ("p", "c", "u", "uj", "ul", "r", "m", "x") for _, f in ws)
            if not ws or not school and not lenient and any(f in ("v", "vn", "a", "d", "p", "c", "u") for _, f in ws) \
                    and not any(f in ("nt", "nz", "nr", "nrt") for _, f in ws):
                continue
            label = "Region" if rule == "area-list" else \
                "Institution" if rule == "institution-list" or self._kind_by_suffix(item)[0] == "Institution" or \
                item.endswith("所") else "Enterprise"
            kind = "area" if label == "Region" else None
            if label == "Institution":
                kind = "university" if re.search(r"大学|学院|科大|院校", item) else "research_institute"
            mm = self.add_mention(a, b, label, f"pattern:{rule}", conf(rule), listed=True, kind=kind)
            self.claim(a, b)
            if mm is not None:
                mm.attrs["listed"] = True

    def _list_start(self, a: int, b: int) -> int:
        """Where the first member of a list begins when the match took the clause's head with it
        (湖南聚集了长城科技, 张宏益实地调研了湖南国科微电子): after the last 了 or verb that a name
        follows. A verb inside a name (领航 in 湖南天羿领航科技公司) is followed by a common noun, so
        it is kept."""
        toks = [t for t in self.tokens(self.sentence_at(a)) if a <= t[0] and t[1] <= b]
        cut = a
        for i, (x, y, w, f) in enumerate(toks[:-1]):
            nxt = toks[i + 1]
            # 培育出 / 孵化出 (a verb and its 出, one word to jieba, tagged n): a verb the list follows too
            if w in LIST_VERB_END or (f in ("v", "p") and (nxt[2] in LIST_VERB_END or nxt[3] in NAME_FLAGS)) or \
                    (len(w) >= 3 and w.endswith("出") and w[:-1] in LIST_VERB_END):
                cut = y
        return cut if b - cut >= 2 else a

    def _listed_holders(self, verb: int) -> None:
        """科创信息、威胜集团、威胜信息获评“…企业”: the names listed at the head of the clause, before the verb, are
        firms (`honour-listed-firms`) — names read whole between the commas, not a place or a group of firms."""
        a = max(self.text.rfind(c, 0, verb) for c in "，。；：\n") + 1
        if self.text[a:verb].count("、") < 1:
            return
        pos = a
        for item in self.text[a:verb].split("、"):
            x, y = pos, pos + len(item)
            pos = y + 1
            if re.fullmatch(f"[{HAN}A-Za-z0-9]{{2,8}}", item):
                self._bare_firm(x, y, "honour-listed-firms")

    def _bare_firm(self, a: int, b: int, row: str) -> None:
        """A firm named without a suffix at [a, b), which the context says is one (rows firm-of-revenue,
        honour-listed-firms) — unless the words are generic, a place, a sector or a group of firms, or another
        mention holds part of them."""
        name = self.text[a:b]
        if name in gz.GENERIC_WORDS or NOT_A_FIRM.search(name) or not self.claimable(a, b) or any(
                x.start < b and x.end > a for x in self.sent_mentions(a)):
            return
        self.add_mention(a, b, "Enterprise", f"pattern:{row}", conf(row))
        self.claim(a, b)

    def _held_meeting(self, a: int, b: int, how: str, kind: str | None = None) -> None:
        """A meeting the text says was held, named [a, b), unless a verb inside shows the name ends earlier or another
        pattern holds part of it (a longer name the meeting row read from there is the one held)."""
        a = d.end() if (d := DATELINE_HEAD.match(self.text, a, b)) else a   # …3月25日讯（记者徐红）2016…年会: after the dateline
        # (出席开幕式暨峰会: the named meeting's own sessions, no meeting of their own: round blind-zo)
        if NOT_IN_EVENT_NAME.search(self.text, a, b) or all(p in (*gz.GENERIC_MEETINGS, "开幕论坛") for p in re.split("暨|及|和", self.text[a:b])):
            return
        b = op.start(1) if (op := gz.OPENING_OF.search(self.text, a, b)) else b   # X洽谈会的开幕式在…举行: X held (blind-zk)
        held = [x for x in self.sent_mentions(a) if x.how != "dictionary" and x.start < b and x.end > a]
        inside = [x for x in held if x.label in ("Institution", "Enterprise") and x.how.startswith("pattern:suffix-")
                  and a <= x.start and x.end < b]
        if held and len(inside) == len(held) and self.text[a:b].endswith((*gz.MEETING_SUFFIXES, "活动")):
            # 智能传感器产业峰会暨中国…产业联盟北碚行活动在北碚举办: the suffix 联盟 is inside the meeting's name (blind-ze)
            self.unclaim(inside)
            held = []
        for x in (x for x in held if x.label == "Event" and x.how == "pattern:meeting" and x.start == a):
            x.how = f"pattern:{how}"   # 召开的A论坛主论坛暨B大会: held, though its name runs past the first 论坛
        if not held:
            act = rx("activity-held").search(self.text, a, b)   # …集中签约活动 / …开工仪式: a signing, a groundbreaking
            found = ACTIVITY_KIND.get(act.group(1) or act.group(2) or "", "meeting") if act and act.end() == b else "meeting"
            self._take_name(a, b, "Event", how, kind=kind or found)   # a briefing the reporter heard at: an announcement

    def _take_name(self, a: int, b: int, label: str, row: str, **attrs) -> Mention | None:
        """A name at [a, b) that nothing but dates and dictionary words hold: a year inside it (2020年中国软件行业…,
        2020年国家网络安全宣传周) is part of the name, no date of the text."""
        if not all(v in (0, 1, 4) for v in self.mask[a:b]):
            return None
        mm = self.add_mention(a, b, label, f"pattern:{row}", conf(row), **attrs)
        if mm is not None:
            self.claim(a, b)
            self.drop_years_inside(a, b)
        return mm
