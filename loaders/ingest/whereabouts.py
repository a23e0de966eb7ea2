"""Where things are (relation rows of loaders/ingest/rules/relations.py): a development zone part of its city, a
district part of the place written before it, a thing 位于 a place, firms that 落户 a place, firms a region lists.
Split from relations.py in round `blind-h`, when that module reached its 500 lines."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .model import Mention
from .rules import conf, rx

PARKISH = ("Park", "SubPark")
ORGS = ("Enterprise", "Institution", "GovernmentBody")
# what may stand between 位于 and the place found: nothing, or the province/city an address begins with
ADDRESS_HEAD = re.compile(r"|[\u4e00-\u9fff]{1,6}?(?:省|市|自治区|州)")
# what may stand between the last firm named and 落户/入驻: 等10家企业, 项目, 正式, 签约
MOVER_GAP = re.compile(r"(?:[^，。；、等]{0,10}?项目)?(?:等[^，。；、]{0,12}?)?(?:项目)?(?:已|将|正式|成功|先后|分别|集中|相继|陆续)*")
# between two firms of one list: 、 or 和, after a project of the first (万兴科技总部项目、文思海辉…)
LIST_GAP = re.compile(r"(?:[^，。；、等]{0,10}?项目)?[、和及与，]")
LOCATABLE = ("Park", "SubPark", "Enterprise", "Institution", "GovernmentBody", "Region")   # a Region: PART_OF
PARK_NAME_RX = re.compile(r"(?:的)?(?:国家)?(?:网络安全)?产业园区?|园区")   # a park named without its place


class WhereaboutsMixin:
    def rules_zones(self, s) -> None:
        """长沙高新区 / 长沙经济技术开发区: a development zone is part of the city its name begins with."""
        for z in self.mentions_in(s.start, s.end, ("Region",)):
            rec = self.entities[z.key].record
            if rec.get("kind") not in ("zone", "cluster"):
                continue
            name = rec.get("name_zh") or ""
            if rec.get("kind") == "cluster":
                name = z.text   # 长沙市新一代…产业集群: the place is in the text, not in the curated name
            if name.endswith("综合保税区") and (host := self._zone_of_stem(name[:-5])) is not None:
                # 成都高新综合保税区 lies in 成都高新区, the zone its name begins with (round blind-yg, dev-ZZE)
                self.rel(z.key, "PART_OF", host, s, (z.start, z.end), conf("bonded-zone-in-zone"), "bonded-zone-in-zone")
                continue
            if (q := re.fullmatch(r"(.{2,8})[东西南北]区", name)) and (host := self._zone_of_stem(q.group(1))) is not None \
                    and host != z.key:   # 成都高新西区: a quarter of 成都高新区, not of the city (round blind-yi, dev-ZZG)
                self.rel(z.key, "PART_OF", host, s, (z.start, z.end), conf("zone-quarter-in-zone"), "zone-quarter-in-zone")
            n = self.region_prefix(name[:-3])   # a place that begins the name and leaves more than two characters
            # 重庆高新区直管园: a zone's park is part of the zone its name holds, not of the city (round blind-ye)
            inner = n is not None and any(w in name[len(n):-1] for w in gz.ZONE_WORDS)
            if n is not None and not inner and self._builtin_regions[n][2] in ("city", "municipality"):
                key = self.region_key(self._builtin_regions[n][1], None)
                # the name alone is weak evidence (2 of 5 wrong on dev): the sentence must also
                # name the city, or the cluster be named with it (长沙市新一代…产业集群)
                rule = "zone-in-named-city" if rec.get("kind") == "cluster" or self._city_named(s, z, key) \
                    else "zone-in-city"
                self.rel(z.key, "PART_OF", key, s, (z.start, z.end), conf(rule), rule)

    def _zone_of_stem(self, stem: str) -> str | None:
        """The development zone named by a stem and 区 (成都高新 → 成都高新区): the article's, else the knowledge base's."""
        for m in self.mentions:
            if m.label == "Region" and m.keys and (self.entities[m.key].record.get("name_zh") or "") == stem + "区":
                return m.key
        hit = self.kb.lookup_exact(stem + "区", ("Region",))
        return self.use_existing(hit, "name", None) if hit is not None and hit.record.get("kind") == "zone" else None

    def rules_departments(self, s) -> None:
        """工信部电子信息司 is part of 工业和信息化部 (department-of-ministry); so is an office its suffix named whose
        name begins with a central body's (国家密码管理局商用密码管理办公室: round blind-yc, dev-ZZA)."""
        for x in self.mentions_in(s.start, s.end, ("GovernmentBody",)):
            if x.how == "pattern:ministry-department" and x.keys:
                self.parent_body(s, x, x.attrs["ministry"], "department-of-ministry")
            elif x.how == "pattern:suffix-govbody" and x.keys and \
                    (p := next((b for b in gz.CENTRAL_BY_LENGTH if x.text.startswith(b) and len(x.text) - len(b) >= 3), None)):
                self.parent_body(s, x, p, "department-of-ministry")

    def rules_divisions(self, s) -> None:
        """成都市双流区 / 北京市通州区 / 重庆市沙坪坝区: a district or city written right after the place it lies
        in (by its GB/T 2260 code) is part of it (`division-in-place`). The larger place is no mention of its
        own there (it begins an address), so it is read from the text before, or the start of, the name."""
        regions = self.mentions_in(s.start, s.end, ("Region",))
        for z in regions:
            if z.how == "pattern:suffix-area":   # 成都市双流区成都芯谷澜谷科创园: the area is part of the district before it
                d = next((d for d in regions if d.end == z.start and d.key != z.key
                          and self.entities[d.key].record.get("kind") in ("district", "city")), None)
                if d is not None:
                    self.rel(z.key, "PART_OF", d.key, s, (d.start, z.end), conf("area-in-division"), "area-in-division")
        for z in regions:
            rec = self.entities[z.key].record
            code = str(rec.get("admin_code") or "")
            if len(code) != 6 or code.endswith("0000") or rec.get("kind") not in ("district", "city"):
                continue
            parents = {code[:4] + "00", code[:2] + "0000"} - {code}
            n = next((n for p in sorted(parents) for n in self._region_names.get(p, ()) if len(n) >= 2 and (
                self.text[max(0, z.start - len(n)):z.start] == n or (z.text.startswith(n) and len(z.text) > len(n)))), None)
            if n is not None:
                key = self.region_key(self._builtin_regions[n][1], None)
                if key and key != z.key:
                    self.rel(z.key, "PART_OF", key, s, (z.start, z.end), conf("division-in-place"), "division-in-place")
            elif rec.get("kind") == "district":
                # 以芙蓉区、天心区…为拓展区 in an article that names 长沙 elsewhere: the district is part of that city
                # (`district-of-named-city`; the gold of the dev splits says so for 12 of 14 such districts)
                city = next((c for c in (code[:4] + "00", code[:2] + "0000") if c in self._region_names), None)
                key = self._article_region_keys().get(city or "")
                if key and key != z.key:
                    self.rel(z.key, "PART_OF", key, s, (z.start, z.end), conf("district-of-named-city"), "district-of-named-city")

    def _article_region_keys(self) -> dict[str, str]:
        """admin code → key of every region the article names (once per article)."""
        memo = self.__dict__.get("_region_keys_by_code")
        if memo is None:
            memo = self.__dict__["_region_keys_by_code"] = {}
            for m in self.mentions:
                if m.label == "Region" and m.keys and not m.attrs.get("members"):
                    code = str(self.entities[m.key].record.get("admin_code") or "")
                    if code:
                        memo.setdefault(code, m.key)
        return memo

    def _city_named(self, s, z: Mention, key: str) -> bool:
        """Does the sentence name the city outside the zone's name, or (其中, …) the sentence before?"""
        if any(key in r.keys for r in self.mentions_in(s.start, s.end, ("Region",))
               if r is not z and not r.attrs.get("outlet")):
            return True
        if rx("zone-in-named-city").search(s.text) and s.idx > 0:
            prev = self.doc.sentences[s.idx - 1]
            return any(key in r.keys for r in self.mentions_in(prev.start, prev.end, ("Region",)))
        return False

    def rules_listed_in_region(self, s, listed: list[Mention]) -> None:
        """长沙市集聚了A、B、C等企业 (no park in the sentence): each listed firm is in the region that
        heads the clause before the list, when a gathering verb joins them."""
        # A、B等在海淀区土生土长的服务贸易企业 / 等位于X的企业: the place the list's kind names (`listed-located-in`)
        after = rx("listed-located-in").match(self.text, listed[-1].end)
        inner = [r for r in self.mentions_in(listed[-1].end, after.end(), ("Region",)) if r.keys] if after else []
        if inner and not self.mentions_in(listed[-1].end, after.end(), ("Enterprise", "Institution") + PARKISH):
            for x in listed:
                self.rel(x.key, "LOCATED_IN", inner[0].keys[0], s, (x.start, inner[0].end), conf("listed-located-in"),
                         "listed-located-in", role="listed as the region's enterprise")
            return
        regs = [r for r in self.mentions_in(s.start, listed[0].start, ("Region",))   # 将万宝新区作为全市…承载区: not 全市
                if not r.attrs.get("members") and r.keys and not r.attrs.get("outlet") and self.text[r.start - 2:r.start] != "作为"]
        if not regs and (self.mentions_in(s.start, s.end, ("Region",)) or not self._opens_on_intake(s, listed[0])
                         or self.mentions_in(s.start, listed[0].start, ORGS + PARKISH)):
            return   # a place named anywhere in the sentence, or an organisation that took them in, is no paragraph's
        if not regs:   # 2021年，新能源汽车领域相继引进了A、B等企业: the region the paragraph is about took them in
            reg = self.region_context(s, listed[0].start)
            if reg is None or not reg.keys:
                return
            for x in listed:
                self.rel(x.key, "LOCATED_IN", reg.keys[0], s, (x.start, x.end), conf("listed-in-paragraph-region"),
                         "listed-in-paragraph-region", role="listed as the region's enterprise")
            return
        if not rx("listed-in-region").search(self.text, regs[-1].end, listed[0].start):
            return
        # the region heads the sentence up to the list (成都高新区…快速发展，已聚集A、B…): no other
        # organisation stands between them to be the one that gathers
        if self.mentions_in(regs[-1].end, listed[0].start, ("Enterprise", "Institution", "GovernmentBody") + PARKISH):
            return
        for x in listed:
            for k in regs[-1].keys[:1]:
                self.rel(x.key, "LOCATED_IN", k, s, (regs[-1].start, x.end), conf("listed-in-region"), "listed-in-region",
                         role="listed as the region's enterprise")

    def _opens_on_intake(self, s, first: Mention) -> bool:
        """Does the sentence open on 引进/吸引 and go straight on to the list that `first` begins?"""
        m = rx("listed-in-paragraph-region").match(self.text, s.start, s.end)
        return bool(m) and not self.text[m.end():first.start].strip("了")

    def rules_areas_in_region(self, s) -> None:
        """重庆打造了A、B、C等一批…平台: local areas and zones listed after a region and a verb that builds them are
        part of it (`areas-listed-in-region`): two items or more of a list closed by 等, each begun by an area."""
        for m in rx("areas-listed-in-region").finditer(self.text, s.start, s.end):
            head = [x for x in self.mentions_in(s.start, m.start(), ("Region",)) if x.end == m.start()
                    and not x.attrs.get("members") and self.entities[x.key].record.get("kind") not in ("area", "zone")]
            close = self.text.find("等", m.end(), s.end)
            if not head or close < 0 or re.search(r"[，。；：]", self.text[m.end():close]):
                continue
            starts = {m.end()} | {i + 1 for i in range(m.end(), close) if self.text[i] in "、和及与"}
            items = [x for x in self.mentions_in(m.end(), close, ("Region",)) if x.start in starts
                     and self.entities[x.key].record.get("kind") in ("area", "zone")]
            for x in items if len(items) >= 2 else ():
                self.rel(x.key, "PART_OF", head[0].key, s, (head[0].start, x.end), conf("areas-listed-in-region"),
                         "areas-listed-in-region")

    def rules_area_list_in_region(self, s) -> None:
        """海淀区另有A、B、C等一批特色产业集聚区 / 北京亦庄…形成了A、B等专业园区: the areas a list names as a place's
        parks (`area-list`) are part of the region the sentence names before them (`area-list-in-region`)."""
        items = [x for x in self.mentions_in(s.start, s.end, ("Region",)) if x.keys and (
                 x.how == "pattern:area-list" or x.how == "pattern:suffix-area" and x.attrs.get("listed"))]
        if not items:
            return
        first = min(x.start for x in items)

        def parent(r) -> bool:   # a division or a zone, not another local area (东升科技园 holds no 金隅智造工场)
            return bool(r.keys) and self.entities[r.key].record.get("kind") != "area" and not self.region_as_frame(r)
        # the last region of the sentence before the list that is no member of it (中关村环保园、… heads nothing); not
        # the paragraph's: for 海淀另有… (海淀 is no name the gazetteer takes alone) that was the zone named before
        regs = [r for r in self.mentions_in(s.start, first, ("Region",)) if not r.attrs.get("members") and parent(r)]
        for x in items if regs else ():
            if regs[-1].keys[0] != x.keys[0]:
                self.rel(x.key, "PART_OF", regs[-1].keys[0], s, (x.start, x.end), conf("area-list-in-region"),
                         "area-list-in-region")

    def rules_located_at(self, s) -> None:
        """通州园位于北京市通州区西集镇 / 该园区位于…: the thing named last before the verb (or the
        paragraph's park for 园区/该园区) is in the first place named right after it."""
        for m in rx("located-at").finditer(s.text):
            pos, end = s.start + m.start(), s.start + m.end()
            ca, cb = self.clause_bounds(s, pos)
            subs = self.mentions_in(ca, pos, LOCATABLE)
            subj = subs[-1] if subs and not self.text[subs[-1].end:pos].strip("在于现已将") else None
            if subj is None and self.park_word(s, pos) and PARK_NAME_RX.search(self.text, ca, pos):
                subj = self.topic(s, pos) or self.article_park()
            places = [r for r in self.mentions_in(end, cb, ("Region",)) if not r.attrs.get("members")]
            if not places or not ADDRESS_HEAD.fullmatch(self.text[end:places[0].start]):
                continue   # the place must follow the verb (after at most the province or city it lies in)
            # a chain of places (北京市通州区西集镇): the most specific, the last of the adjacent run
            place = places[0]
            for r in places[1:]:
                if r.start - place.end > 0:
                    break
                place = r
            if subj is None:   # 在位于西集镇东部的国家网络安全产业园区（通州园）内: what 的 leads to
                de = re.match(r"[东西南北中部侧边内]{0,3}的", self.text[place.end:cb])
                subj = next((x for x in self.mentions_in(place.end, cb, LOCATABLE)
                             if de and x.start == place.end + de.end()), None)
            if subj is None or (m.group() in ("落户", "落户在") and subj.label not in ("Park", "SubPark")):
                continue
            for k in place.keys[:1]:
                self.rel(subj.key, "PART_OF" if subj.label == "Region" else "LOCATED_IN", k, s,
                         (min(subj.start, place.start), max(subj.end, place.end)), conf("located-at"), "located-at")

    def rules_moved_into_region(self, s) -> None:
        """A、B等10家企业签约落户成都高新区: each firm named before the verb (a list, or the last one
        named) is in the place right after it. A park after the verb is tenant-moved-in's."""
        for m in rx("moved-into-region").finditer(s.text):
            pos, end = s.start + m.start(), s.start + m.end()
            ca, cb = self.clause_bounds(s, pos)
            places = [r for r in self.mentions_in(end, cb, ("Region",)) if not r.attrs.get("members")]
            if not places or not ADDRESS_HEAD.fullmatch(self.text[end:places[0].start]):
                continue
            # a programme or base listed with them (华为鲲鹏天府实验室和鲲鹏生态基地正式落户…) ends the list too
            firms = self.mentions_in(ca, pos, ("Enterprise", "Institution", "TalentProgram"))
            if not firms or not MOVER_GAP.fullmatch(self.text[firms[-1].end:pos]):
                continue
            chain = [firms[-1]]
            for f in reversed(firms[:-1]):   # the list the last firm ends: A、B和C
                if not LIST_GAP.fullmatch(self.text, f.end, chain[0].start):
                    break
                chain.insert(0, f)
            for f in (f for f in chain if f.label != "TalentProgram"):
                for k in places[0].keys[:1]:
                    self.rel(f.key, "LOCATED_IN", k, s, (f.start, places[0].end), conf("moved-into-region"),
                             "moved-into-region")

    def zones_in_labelled_places(self) -> None:
        """Rule A5 of the labelling manual, once the facts are known: a zone, district or park whose name begins with
        a city or province that is itself an entity of the article (it carries a fact) is part of it
        (`zone-in-labelled-place`), dated to the first sentence that names the zone. The name alone is weak evidence
        (zone-in-city, 0.45); the place being one the article states facts about is what the manual asks."""
        placed: dict[str, str] = {}
        wholes: set[str] = set()   # names of everything that carries a fact: 重庆高新区直管园 is part of 重庆高新区 first
        for k, e in self.entities.items():
            if not e.has_fact:
                continue
            wholes.update([e.record.get("name_zh") or "", *(m.text for m in e.mentions)])
            if e.label == "Region":
                for x in (e.record.get("admin_code"), e.record.get("name_zh")):
                    if x:
                        placed.setdefault(str(x), k)
        held = {r.frm for r in self.relations if r.conf >= self.accept and r.type in ("PART_OF", "LOCATED_IN")}
        for key, z in self.entities.items():
            if z.label not in ("Region", *PARKISH) or key in held or not z.mentions:
                continue
            names = list(dict.fromkeys([z.record.get("name_zh") or "", *(m.text for m in z.mentions)]))
            if any(re.search(r"[、和及与]", n) for n in names):   # 成都市以及成都高新区: no one place's name
                continue
            for name in names:
                n = self.region_prefix(name[:-2]) if len(name) > 3 else None
                if n is None or self._builtin_regions[n][2] not in ("city", "municipality", "province", "autonomous_region"):
                    continue
                code, full, _ = self._builtin_regions[n]
                whole = placed.get(code) or placed.get(full)
                if whole is None or whole == key or any(len(w) > len(n) and w != name and name.startswith(w) for w in wholes):
                    continue
                first = min(z.mentions, key=lambda m: m.start)
                self.rel(key, "PART_OF", whole, self.doc.sentences[first.sent], (first.start, first.end),
                         conf("zone-in-labelled-place"), "zone-in-labelled-place")
                r = self._rel_index.get((key, "PART_OF", whole))   # none where the ontology allows no PART_OF
                z.has_fact = z.has_fact or (r is not None and r.conf >= self.accept)
                break
