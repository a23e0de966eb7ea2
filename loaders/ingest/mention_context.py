"""Mentions read from the article's context rather than from a name: the article's own region or
office named by level alone (我市, 省工信厅), the Party committee's offices (省委网信办) and the short
forms of parks (长沙园区, 海淀和通州两个园区) and of a zone's own parks (中关村通州园 → 通州园). Split from
mentions.py, which finds names."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .model import Mention
from .rules.mentions import BARE_NAME_RX, HAN, NOT_A_DOMAIN
from .rules import conf, rx


# a party's name ending so belongs to another class (the suffix-govbody row, any 委 or 办 office, the
# suffix-institution row's suffixes): not an enterprise
_OTHER_CLASS_END = re.compile("(?:" + "|".join([rx("suffix-govbody").pattern, "委", "办", *(x for x, _ in gz.INSTITUTION_SUFFIXES)])
                              + ")$")
EDITION_LEAD = re.compile(gz.EDITION)


class ContextMentionsMixin:
    def _zone_of_place(self, a: int, name: str) -> bool:
        """A generic zone word (经开区, 高新区) right after a place (长沙经开区) is that place's zone, not
        the one the dictionary knows by the bare word (the `devzone` row names it); after 级 it is a class."""
        if name not in gz.ZONE_WORDS:
            return False
        if self.text[a - 1:a] == "级":   # 国家级经开区: the class of zones, not one
            return True
        if any(self.text[max(0, a - k):a] in self._builtin_regions for k in (2, 3)):
            return True
        # the bare word is the dictionary's zone only where the article names that zone's place: 经开区 in
        # a Changsha article is not 北京经济技术开发区
        hit = self.kb.lookup(name, ("Region",))
        place = hit[0].record.get("name_zh", "")[:2] if hit else ""
        return bool(place) and place not in self.text

    def word_across(self, a: int, b: int) -> bool:
        """Does a word of the sentence (jieba's cut) run across either edge of [a, b)?"""
        return any(x < a < y or x < b < y for x, y, _, _ in self.tokens(self.sentence_at(a)))

    def _common_word(self, a: int, b: int) -> bool:
        """[a, b) is one word of jieba's dictionary tagged as a common word (合作伙伴, 双方), not a name."""
        toks = [t for t in self.tokens(self.sentence_at(a)) if a <= t[0] < b]
        return len(toks) == 1 and toks[0][1] == b and toks[0][3][:1] in ("n", "r", "v", "a", "d", "m", "q", "t") \
            and toks[0][3] not in ("ns", "nz", "nt", "nr", "nrt")

    # -------------------------------------------------------------- the parties of a signing
    def _agreement_parties(self, m: re.Match) -> None:
        """A、B与C签署…协议: a party named without a suffix is an organisation by its place in the frame
        (炎凌嘉业 → Enterprise), or a town when it ends in 镇/乡/街道 (通州区永顺镇 → 永顺镇, after the
        district the dictionary found). What is left of a party after another mention is a name of
        its own only when it is a town: 中关村通州园|管委会 is one name cut short. A party ending in 园/区/市/省/县 is a place or a park this frame
        cannot tell apart, and is left alone."""
        text, a0 = m.group(1), m.start(1)
        parts = text.split("、")
        last = re.match(f"^([{HAN}]{{2,30}}?)(?:和|与|同|跟)([{HAN}]{{2,30}})$", parts[-1])
        if not last:
            return
        pos = 0
        for i, item in enumerate([*parts[:-1], last.group(1), last.group(2)]):
            a = a0 + text.index(item, pos)
            b = a + len(item)
            pos = b - a0
            if i == 0:
                a = self._list_start(a, b)   # 会上A与B: the list begins after its head
            start = max([x.end for x in self.sent_mentions(a) if x.start < b and x.end > a] + [a])
            name = self.text[start:b]
            if start >= b or name.endswith("等") or not BARE_NAME_RX.match(name) or name in gz.NAME_STOPWORDS or name in gz.GENERIC_WORDS \
                    or re.search("[园区市省县]$", name):
                continue
            town = re.search("(?:镇|乡|街道)$", name) is not None
            if start > a and not town:
                continue   # the rest of a longer name another row cut (中关村通州园|管委会): not a name of its own
            if not town and (_OTHER_CLASS_END.search(name) or self._common_word(start, b)):
                continue   # …管委会, …大学: another class's name, left to its rows; 双方, 合作伙伴: no name
            if town and (d := re.match(f"[{HAN}]{{2,4}}?[区县市](?=[{HAN}]{{2,}})", name)):
                start, name = start + d.end(), name[d.end():]   # 通州区永顺镇: the town is 永顺镇
            self.adopt_or_add(start, b, "Region" if town else "Enterprise", "pattern:agreement-party",
                              conf("agreement-party"), **({"kind": "area"} if town else {}))

    # -------------------------------------------------------------- a zone's own parks
    def _zone_park(self, a: int, b: int) -> None:
        """中关村通州园 / 长沙高新区信息产业园: one Region (zone-park), starting at its place (not at a verb glued to
        it); never over a park or sub-park whose own name holds the zone word (北京经开区信创园 is 经开区信创园)."""
        s = self.sentence_at(a)
        start = next((x for x, y, w, f in self.tokens(s) if a <= x < b and (f == "ns" or w in self._builtin_regions
                      or w == "中关村") and w not in gz.ZONE_WORDS), None)
        if start is None:
            return
        zone_end = max((self.text.find(z, start, b) + len(z) for z in (*gz.ZONE_WORDS, "中关村", "产业基地")
                        if self.text.find(z, start, b) >= 0), default=None)
        if zone_end is None:   # the place found starts after the zone word: not a zone's park as named
            return
        if any(x.how == "dictionary" and x.label in ("Park", "SubPark") and x.start < zone_end and x.end > start
               for x in self.sent_mentions(start)):
            return
        tail = self.text[zone_end:b]
        if tail.startswith("的"):   # 北京经济技术开发区的星网工业园: a park in the zone, named without it (round blind-ye)
            if b - zone_end >= 4:
                self.adopt_or_add(zone_end + 1, b, "Region", "pattern:zone-park", conf("zone-park"), kind="area")
            return
        if (c := re.match("管委会|管理委员会", self.text[b:b + 5])):
            self.adopt_or_add(start, b + c.end(), "GovernmentBody", "pattern:zone-park-committee", conf("zone-park-committee"))
            return
        m = self.adopt_or_add(start, b, "Region", "pattern:zone-park", conf("zone-park"), kind="zone")
        if m is not None and len(tail) >= 2:
            self._zone_parks.append((self.text[start:b], tail))

    def find_zone_park_short_forms(self) -> None:
        """通州园 after 中关村通州园, in an article that never names the national park: that zone park
        (`zone-park-short`). Run once every mention is found, the sub-parks found by suffix included."""
        if "网络安全产业园区" in self.text or any(x.label == "Park" for x in self.mentions):
            return
        full = dict((tail, name) for name, tail in self._zone_parks)
        cyber = "网络安全" in self.text or "网安" in self.text
        for x in self.mentions:
            if x.label in ("Park", "SubPark") and x.text in full:
                x.label, x.name, x.how, x.conf = "Region", full[x.text], "pattern:zone-park-short", conf("zone-park-short")
                x.attrs["kind"] = "zone"
            elif not cyber and x.label == "SubPark" and x.how == "dictionary" and x.text in gz.ZGC_PARKS:
                x.label, x.how, x.conf = "Region", "pattern:zgc-park-bare", conf("zgc-park-bare")
                x.attrs["kind"] = "zone"

    # -------------------------------------------------------------- a place's leading industries
    def _industry_list(self, m: re.Match) -> None:
        """A产业、B产业等主导产业 / 以A产业为支柱、B产业为突破: one Domain per item, named without 产业
        (`domain-industry-list`; items end at 产业, so 高端汽车和新能源智能汽车 is one)."""
        g = 1 if m.group(1) else 2
        item = f"([{HAN}]{{2,14}}?)(?:产业|(?<=服务)业|(?<=制造)业)" + ("(?=为)" if g == 2 else "")
        for it in re.finditer(item, m.group(g)):
            a, b = m.start(g) + it.start(), m.start(g) + it.end()
            lead = re.match(f"^(?:[和及与、，,]|为[{HAN}]{{2}}[、，]?)", self.text[a:b])   # 未来产业 is one
            a += lead.end() if lead else 0
            name = self.text[a:b]
            name = name[:-2] if name.endswith("产业") and len(name) >= 4 else name
            if 2 <= len(name) <= 12:
                self.adopt_or_add(a, b, "Domain", "pattern:domain-industry-list", conf("domain-industry-list"), name=name)

    def find_named_areas(self) -> None:
        """北京城市副中心 (`named-area`), after every pattern row, so a meeting or project named after it keeps its name."""
        t = self.text
        for m in rx("named-area").finditer(t):
            full = next(f for f, short in gz.NAMED_AREAS.items() if m.group() in (f, *short))
            if m.group() == full or full in t or full[:2] in t:   # the short form: only in an article about that city
                self.adopt_or_add(m.start(), m.end(), "Region", "pattern:named-area", conf("named-area"), name=full, kind="area")

    def find_standard_domains(self) -> None:
        """Industries of the national classification (`domain-standard`), after every list row, so an item a
        list row took whole (高端汽车和新能源智能汽车) is not cut; named without 产业."""
        for m in rx("domain-standard").finditer(self.text):
            self.adopt_or_add(m.start(1), m.end(), "Domain", "pattern:domain-standard", conf("domain-standard"),
                              name=m.group(1))
        self.find_coordinated_domains()
        self.find_named_areas()

    def find_coordinated_domains(self) -> None:
        """A list one of whose items is a domain already found is a list of domains (`domain-coordinated`):
        云计算、物联网、移动互联网等 gives 移动互联网 too. The list is read in its clause: the first item starts
        after the clause's last lead word (推动…的云计算), the last one ends at 等 or at what closes it (…产业, …领域)."""
        lead, tail = rx("domain-coordinated"), re.compile(
            "等(?=[^，。；、]{0,6}?(?:领域|产业|行业|方向|集群|业态))|产业(?!互联网)|领域|方向|集群|多业态|[两三四五六七八九十]大|之后"
            # …、数字电竞四大硬科技产业方向: closed by the count (两大 before round blind-zc; 四大 left 数字电竞四大硬科技);
            # …、5G应用等新一代信息技术，: closed by the known industry the items belong to (round blind-k)
            "|等(?=(?:" + gz.KNOWN_DOMAINS_ALT + ")(?:产业)?$)")
        found = [m for m in self.mentions if m.label == "Domain"]
        doms = {(m.start, m.end) for m in found}
        seen: set[int] = set()
        for m in found:
            s = self.sentence_at(m.start)
            clauses = [c for c in re.finditer(r"[^，,；;：:。！？（）()“”\s]+", s.text)
                       if c.start() + s.start <= m.start and m.end <= c.end() + s.start]
            if not clauses or clauses[0].start() + s.start in seen or "、" not in clauses[0].group():
                continue
            c = clauses[0]
            seen.add(c.start() + s.start)
            parts, pos, items = c.group().split("、"), c.start() + s.start, []
            for i, part in enumerate(parts):
                a, b = pos, pos + len(part)
                pos = b + 1
                if i == 0:   # after the last lead word; 创建网络安全、…: nor a verb jieba reads before the first item
                    a += max((x.end() for x in lead.finditer(part)), default=0)
                    for t in (t for t in self.tokens(s) if a <= t[0] < b):   # 并确定了大数据: nor 并, 确定 and 了 (blind-zo)
                        a = t[1] if t[0] == a and t[3] in ("v", "c", "d", "ul") else a
                if i == len(parts) - 1:
                    closed = tail.search(self.text, a + 2, b)
                    if closed is None:
                        items = []
                        break   # 互联网、大数据和实体经济深度融合, …物联网等基础设施: no list of domains
                    b = closed.start()
                    two = re.split("[和及与]", self.text[a:b], maxsplit=1)
                    if len(two) == 2 and self.text[a:b] not in gz.KNOWN_DOMAINS:
                        items.append((a, a + len(two[0])))
                        a += len(two[0]) + 1
                items.append((a, b))
            if not any(x in doms for x in items):
                continue
            for a, b in items:
                name = self.text[a:b]
                if 2 <= len(name) <= 10 and re.fullmatch(f"[{HAN}A-Za-z0-9]+", name) \
                        and (re.search(f"[{HAN}]", name) or not re.search(r"\d", name)) \
                        and not re.search("[一二三四五六七八九十两]个|各|等|的", name) \
                        and not NOT_A_DOMAIN.search(name) \
                        and (a, b) not in doms:
                    self.adopt_or_add(a, b, "Domain", "pattern:domain-coordinated", conf("domain-coordinated"))

    def find_listed_meetings(self) -> None:
        """A论坛、B博览会等重要活动也将在X举办: every listed meeting is held (`meeting-list-held`)."""
        for row, m in [*(("meeting-list-held", m) for m in rx("meeting-list-held").finditer(self.text)),
                       *(("meeting-list-part", m) for m in rx("meeting-list-part").finditer(self.text))]:
            for a, b, item in self.items(m, 1, re.compile(r"[、，]")):
                if "的" in item:   # 宣传周期间的网络安全高峰论坛: the name starts after 的
                    a, item = a + item.rindex("的") + 1, item[item.rindex("的") + 1:]
                if row == "meeting-list-part" and item in ("开幕式", "闭幕式"):   # the opening of the event it is part of
                    self.adopt_or_add(a, b, "Event", f"pattern:{row}", conf(row), kind="opening")
                elif len(item) >= 4 and item.endswith(gz.MEETING_SUFFIXES + ("博览会", "宣传周")):
                    self.adopt_or_add(a, b, "Event", f"pattern:{row}", conf(row), kind="meeting")
        self.find_described_signings()

    def find_described_signings(self) -> None:
        """79个重大项目集中开工, 北京经开区集中签约了129个…项目: projects signed or broken ground on together, named by
        that description, are the event, where the article names no other signing or groundbreaking
        (`signed-together-described`; where it does, the labellers named that one)."""
        if any(x.label == "Event" and x.attrs.get("kind") in ("signing", "groundbreaking") for x in self.mentions):
            return
        for m in rx("signed-together-described").finditer(self.text):
            if re.search(r"(?:会|式|典礼|活动)上", self.text[self.sentence_at(m.start(1)).start:m.start(1)]):
                continue   # 开幕式上，…12个项目集中签约: the meeting's signing (event-mass-signing)
            kind = "signing" if "签约" in m.group(1) else "groundbreaking"
            if self._take_name(m.start(1), m.end(1), "Event", "signed-together-described", kind=kind) is not None:
                n = re.search(r"(?:\d+|[两三四五六七八九十]+)个", m.group(1))
                self.take(m.start(1) + n.start(), m.start(1) + n.end(), 0)   # the count stays a figure: the event's (A1)

    def find_bracketed_places(self) -> None:
        """中国地质大学（武汉） is one name; 西南石油大学（南充校区） is the university at a campus: the place in the
        brackets is no region of its own (`institution-bracket-place`)."""
        for m in [x for x in self.mentions if x.label == "Institution"]:
            br = rx("institution-bracket-place").match(self.text, m.end)
            if br is None:
                continue
            inner = [x for x in self._by_sent.get(m.sent, []) if br.start() <= x.start and x.end <= br.end()]
            campus = br.group(1).endswith("校区")
            if not campus and not (len(inner) == 1 and inner[0].label == "Region" and inner[0].text == br.group(1)):
                continue
            ids = {id(x) for x in inner}
            self._by_sent[m.sent] = [x for x in self._by_sent[m.sent] if id(x) not in ids]
            self._drop(inner)
            self.take(br.start(), br.end())
            self.context_rows.add("institution-bracket-place")
            if not campus:
                m.end, m.text, m.name = br.end(), self.text[m.start:br.end()], m.name + br.group()

    # -------------------------------------------------------------- name boundaries
    def join_place_prefixes(self) -> None:
        """长沙市 + 国链安全可靠计算机产业促进中心 with nothing between: one name (the organisation as the
        article names it, 长沙市国链…中心), not a place and an organisation. Chinese organisation names
        begin with their place; a city or province written right before a known firm or institution is
        that prefix, not a place the sentence is about (`place-prefix`)."""
        for sent, ms in self._by_sent.items():
            ms.sort(key=lambda m: m.start)
            drop = set()
            for r, o in zip(ms, ms[1:]):
                if (r.label != "Region" or o.label not in ("Enterprise", "Institution") or r.end != o.start
                        or not r.keys or not o.keys or r.attrs.get("members") or o.attrs.get("members")
                        or self._builtin_regions.get(self.entities[r.key].record.get("name_zh") or "", ("", "", ""))[2]
                        not in ("city", "province", "municipality")
                        or self.region_prefix(o.text)):
                    continue
                o.start, o.text = r.start, self.text[r.start:o.end]
                o.attrs["place_prefix"] = "place-prefix"
                drop.add(id(r))
                rm = self.entities[r.key].mentions
                rm[:] = [x for x in rm if x is not r]
            if drop:
                ms[:] = [m for m in ms if id(m) not in drop]
                self.mentions = [m for m in self.mentions if id(m) not in drop]

    # -------------------------------------------------------------- the article's own places
    def find_deictic_regions(self) -> None:
        """我市 / 本省 / 全市: the article's own city or province (after linking: which one is known only
        once the article's regions are). 全市 in an article about 长沙 is 长沙市, never 湖南省."""
        for m in rx("region-deictic").finditer(self.text):
            a, b = m.start(), m.end()
            if not self.free(a, b):
                continue
            # 全区 / 本县: the article's district or development zone (截至目前，全区国家高新技术企业… about 海淀区)
            target = self.article_region({"省": "province", "区": "district", "县": "district"}.get(m.group(1), "city"))
            if target is None:
                continue
            self._refer(a, b, "Region", "region-deictic", target.key, deictic=True)

    def _refer(self, a: int, b: int, label: str, row: str, key: str, **attrs) -> None:
        """A mention at [a, b) that names no one itself (我市, 该公司) and stands for the entity `key`."""
        mm = self.add_mention(a, b, label, f"pattern:{row}", conf(row), name=self.entities[key].record["name_zh"],
                              **attrs)
        if mm is not None:
            self.take(a, b, 3)
            mm.keys = [key]
            self.entities[key].mentions.append(mm)

    def find_names_again(self) -> None:
        """A firm, institution or body a pattern found once (拓维信息实现营业收入…) is the same entity wherever else the
        article writes that name whole (拓维信息成立了…), where nothing else holds the span and no word of the
        sentence runs across its edges (国科微 in 国科微电子 is not it) — rule name-again. So is an event named with its
        year or edition (2020年国家网络安全宣传周) where the article writes the name without it (round blind-j)."""
        found: dict[str, str] = {}
        editions: dict[str, Mention] = {}
        shorts: dict[str, str] = {}   # 渝中 → the key of 渝中区, which the article names in full (rule district-short)
        for m in self.mentions:
            # a local area too (星网工业园 after 北京经济技术开发区的星网工业园: round blind-ye, dev-ZZC)
            if m.keys and m.how.startswith("pattern:") and (m.label in ("Enterprise", "Institution", "GovernmentBody") or (
                    m.label == "Region" and m.attrs.get("kind") == "area" and len(m.text) >= 4)) \
                    and len(m.text) >= 3 and not m.attrs.get("members") and m.text == m.text.strip():
                found.setdefault(m.text, m.keys[0])
            elif m.keys and m.label == "Region" and len(m.keys) == 1 and (short := self._district_short(m.keys[0])):
                shorts.setdefault(short, m.keys[0])
            elif m.label == "Event" and (lead := EDITION_LEAD.match(m.text)) and len(m.text) - lead.end() >= 5:
                # 2020年国家网络安全宣传周, named again as 国家网络安全宣传周 (今年的主题为…): that edition, an event
                # mention of the same name (events are linked after this step)
                editions.setdefault(m.text[lead.end():], m)
        declared_events = self.declared_again(found, editions)   # 智博会 after …（简称智博会）: short-form-declared
        if not found and not editions and not shorts:
            return
        goes_on = rx("district-short")
        r = re.compile("|".join(re.escape(n) for n in sorted({*found, *editions, *shorts}, key=len, reverse=True)))
        for m in r.finditer(self.text):
            a, b = m.start(), m.end()
            if not self.free(a, b) or self.word_across(a, b):
                continue
            if m.group() in shorts:
                before = self.text[a - 1:a]
                if not goes_on.match(self.text, b) and (not re.match(f"[{HAN}]", before) or before in "在和、与及至到赴的"):
                    self._refer(a, b, "Region", "district-short", shorts[m.group()])
                continue
            if (ev := editions.get(m.group())) is not None:
                how, row = (ev.how, "short-form-declared") if m.group() in declared_events else ("pattern:name-again", "name-again")
                if self.add_mention(a, b, "Event", how, conf(row), name=ev.name, **ev.attrs):
                    self.take(a, b, 3)
                    self.context_rows.add(row)
                continue
            key = found[m.group()]
            self._refer(a, b, self.entities[key].label, "name-again", key)

    def find_head_anaphora(self) -> None:
        """开发区 / 数据谷 / 该小镇 opening a clause: the zone or local area named last before it in the paragraph or
        the four sentences before whose name ends in that word (经开区 and 高新区 as the zone's short forms), else
        nothing (rule region-head-anaphor)."""
        for m in rx("region-head-anaphor").finditer(self.text):
            a, b = m.start(), m.end()
            if not self.free(a, b):
                continue
            first = self._window_start(self.sentence_at(a), 4)
            word = m.group(1)
            ends = {"经开区": ("经开区", "经济技术开发区"), "高新区": ("高新区", "高新技术产业开发区")}.get(word, (word,))
            named = [x for x in self.mentions_in(first.start, a, ("Region",)) if not x.attrs.get("members")
                     and len(x.text) > len(word) and (self.entities[x.key].record.get("name_zh") or "").endswith(ends)]
            if named:
                self._refer(a, b, "Region", "region-head-anaphor", named[-1].key, anaphor=True)

    def _window_start(self, s, back: int):
        """The first sentence of the `back` before `s` that lie in its paragraph (a short form looks back no further)."""
        first = self.doc.sentences[max(0, s.idx - back)]
        return first if first.para == s.para else next(x for x in self.doc.sentences if x.para == s.para)

    def find_firm_anaphora(self) -> None:
        """该公司 / 该企业: the firm named last before it, in this sentence or the two before (the same
        paragraph); nothing when none is (rule firm-anaphor)."""
        for m in rx("firm-anaphor").finditer(self.text):
            a, b = m.start(), m.end()
            if not self.free(a, b):
                continue
            first = self._window_start(self.sentence_at(a), 2)
            firms = [x for x in self.mentions_in(first.start, a, ("Enterprise",)) if not x.attrs.get("listed")]
            if not firms:
                continue
            self._refer(a, b, "Enterprise", "firm-anaphor", firms[-1].key, anaphor=True)

    def find_deictic_offices(self) -> None:
        """省工信厅 / 市经信委 (no place before it): the article's province's or city's office, by its
        full name (湖南省工业和信息化厅); the knowledge base's entity when it knows that name."""
        for m in rx("deictic-office").finditer(self.text):
            a, b = m.start(), m.end()
            if not all(v in (0, 4) for v in self.mask[a:b]):
                continue
            said = {x.key for x in self.mentions if x.keys and x.label == "GovernmentBody" and x.start < a
                    and len(x.text) > b - a and x.text.endswith(m.group())}
            if len(said) == 1:   # 成都市经信委 … 市经信委: the one body the article named so before
                self.claim(a, b)
                self._refer(a, b, "GovernmentBody", "deictic-office", said.pop())
                continue
            place = self.article_place({"省": "province", "市": "city", "区": "district"}[m.group(1)])
            if place is None or not place.endswith(m.group(1)):
                continue   # 市 of an article about a province: which city is not said
            mm = self.add_mention(a, b, "GovernmentBody", "pattern:deictic-office", conf("deictic-office"),
                                  name=("中共" if m.group(2) == "委" else "") + place + gz.OFFICE_ABBREV[m.group(2)])
            if mm is not None:
                self.claim(a, b)
                mm.keys = [self.entity_key(mm)]

    def find_party_offices(self) -> None:
        """省委网信办 / 长沙市委网信办 / 湖南省委网信委: the full name of the Party committee's office or
        commission, of the place named or else of the article's province or city. Then the offices
        named by level alone (find_deictic_offices)."""
        self.find_deictic_offices()
        for m in rx("party-office").finditer(self.text):
            a, b = m.start(), m.end()
            place, level = m.group(1), m.group(2) or ""
            tail = level[0] if level[:1] in ("区", "县") else ""   # 合川 + 区 of 合川区委网信办: a district's name ends in it
            if place:   # 湖南 in 湖南省委网信办; a word before the place (主任湖南) is not part of it
                place = next((place[k:] for k in range(len(place) - 1) if place[k:] + tail in self._builtin_regions), None)
                if place is None:
                    a = m.start(2)
                else:
                    a = m.end(1) - len(place)
            if place:
                place = self._builtin_regions[place + tail][1]
            elif tail or not level:
                continue   # 区委网信办 with no district named, a bare 网信办 (中央/国家网信办): which is not said
            else:
                r = self.article_region("province" if level[0] == "省" else "city")
                if r is None:
                    continue
                place = self.entities[r.key].record["name_zh"]
            if len(level) < 2:   # 湖南网信办 / 成都市网信办: the office of the place's own level
                level = next((c + "委" for c in "省市区县" if place.endswith(c)), "")
                if not level or (m.group(2) and level[0] != m.group(2)):
                    continue
            if (level == "省委") != place.endswith("省"):
                continue   # 市委 of a province / 省委 of a city: the place is not what it seems
            if not all(v in (0, 4) for v in self.mask[a:b]):
                continue
            body = "网络安全和信息化委员会" + ("办公室" if m.group(3) == "网信办" else "")
            mm = self.add_mention(a, b, "GovernmentBody", "pattern:party-office", conf("party-office"),
                                  name=f"中共{place}{level[-1]}{body}")
            if mm is not None:
                self.claim(a, b)
                mm.keys = [self.entity_key(mm)]

    # -------------------------------------------------------------- short forms of parks
    def park_by_place(self, place: str) -> tuple | None:
        """The park whose name holds the place (长沙 → 国家网络安全产业园区（长沙）), from the knowledge base."""
        place = re.sub(r"(市|省)$", "", place)
        for name in (f"国家网络安全产业园区（{place}）", f"国家网络安全产业园区（{place}地区）"):
            hit = self.kb.lookup(name, ("Park",))
            if hit:
                return name, hit
        return None

    def find_short_forms(self) -> None:
        """长沙园区 / 国家网络安全产业园区 (bare, with 北京 before it in the sentence) / 海淀和通州两个园区."""
        for m in rx("subpark-pair").finditer(self.text):
            for g in (1, 2):
                for k in (2, 3):    # the place is the last 2 or 3 characters before 和 (入驻海淀和通州)
                    a, b = (m.end(g) - k, m.end(g)) if g == 1 else (m.start(g), m.start(g) + k)
                    if b > m.end(g) or a < m.start(g):
                        continue
                    hit = self.kb.lookup(self.text[a:b] + "园", ("SubPark",))
                    if hit and self.claimable(a, b):
                        x = self.adopt_or_add(a, b, "SubPark", "pattern:subpark-pair", conf("subpark-pair"),
                                              name=hit[0].name_zh)
                        if x is not None and x.label == "Region":   # 海淀 read as the district: here it is the sub-park
                            x.label, x.name, x.how = "SubPark", hit[0].name_zh, "pattern:subpark-pair"
                        break
        for m in rx("park-short-form").finditer(self.text):
            a, b = m.start(), m.end()
            s = self.sentence_at(a)
            found = None
            for k in (3, 2):     # a place right before: 长沙园区, 北京国家网络安全产业园
                if a - k >= s.start and re.match(f"[{HAN}]", self.text[a - k]):
                    found = self.park_by_place(self.text[a - k:a])
                    if found:
                        a -= k
                        break
            if found is not None:
                # 北京、长沙、成渝国家网络安全产业园区: each place listed before the last names its own park
                pos = a
                while pos - 1 > s.start and self.text[pos - 1] in "、和及与":
                    for k in (3, 2):
                        pa = pos - 1 - k
                        other = self.park_by_place(self.text[pa:pos - 1]) if pa >= s.start and \
                            re.match(f"[{HAN}]", self.text[pa]) else None
                        if other and other[0] != found[0] and self.claimable(pa, pos - 1):
                            self.claim(pa, pos - 1)
                            self.add_mention(pa, pos - 1, "Park", "pattern:park-place-list", conf("park-place-list"),
                                             name=other[0])
                            pos = pa
                            break
                    else:
                        break
            if found is None and m.group(1).startswith(("国家网络安全产业园", "网络安全产业园")):
                regions = [x for x in self._by_sent.get(s.idx, ()) if x.label == "Region" and x.end <= a]
                for x in reversed(regions):
                    found = self.park_by_place(x.text)
                    if found:
                        break
            if found is None or not self.claimable(a, b):
                continue
            self.add_mention(a, b, "Park", "pattern:park-short-form", conf("park-short-form"), name=found[0])
            self.claim(a, b)
