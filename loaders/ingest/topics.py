"""What a sentence, a paragraph or the article is about: the park a paragraph last named, the region a sentence
or its paragraph names (not one a rank or a share is taken in), the region and the park the article names most.
The fact rows fall back on these when a clause names no subject of its own."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .document import Sentence
from .model import Mention
from .relations import PARKISH
from .rules import rx

# words that refer back to the park the paragraph is about (园区产业规模…, 该园区…, 园内企业…)
PARK_WORD = re.compile(r"园区|该园|本园|园内|区内|产业园")


class TopicsMixin:
    def topic(self, s: Sentence, pos: int, labels: tuple[str, ...] = PARKISH) -> Mention | None:
        """The park or sub-park the paragraph is about at this point: the last one it named."""
        best = None
        for m in self._parks_by_para.get(s.para, ()):
            if m.start < pos and m.label in labels and (best is None or m.start > best.start):
                best = m
        return best

    def region_context(self, s: Sentence, pos: int) -> Mention | None:
        """The region a sentence (before `pos`) or else its paragraph (before it) is about."""
        regs = [m for m in self.mentions_in(s.start, pos, ("Region",)) if not m.attrs.get("members")
                and not self.region_as_frame(m)]
        if regs:
            return regs[-1]
        # none before it: the region named later in the same sentence (…覆盖新经济、网络安全等领域，将健全成都
        # 高新区现代产业体系) before the paragraph's (rule region-later-in-sentence)
        later = [m for m in self.mentions_in(pos, s.end, ("Region",)) if not m.attrs.get("members")
                 and not self.region_as_object(m) and not m.text.startswith("全")   # 占北京全市四分之一: a frame
                 and not self.region_as_frame(m)]   # 高出长沙市增速3.1个百分点: what it is compared with (round blind-zm)
        if later:
            self.context_rows.add("region-later-in-sentence")
            return later[0]
        best = None
        for m in self._regions_by_para.get(s.para, ()):
            if m.start < s.start and (best is None or m.start > best.start):
                if self.region_as_object(m):
                    self.context_rows.add("region-as-object")
                    continue
                if self.region_as_frame(m):
                    continue
                best = m
        return best

    def region_as_frame(self, m: Mention) -> bool:
        """跻身全市第一梯队 / 占全(北京)省 / 位列全国 / 在全市占比: a region a rank or share is taken in is no figure's subject; nor where
        something lies (位于A的B, X指的是海淀区…的区域); nor a place among several (在北京、…等地: region-list-item), nor one inside a name,
        nor a dateline's city (region-dateline)."""
        head = m.start - (self.text[m.start - 1:m.start] == "全")   # 占全北京市的50%: the 全 of the whole
        hits = {"region-frame": self.row_ends_at("region-frame", head, 3)
                or bool(re.search(r"(?:位于|地处|坐落[于在]|座落[于在]|指的是|是指)[^，。；：]*$", self.text[max(0, head - 30):head])),
                "region-frame-after": bool(rx("region-frame-after").match(self.text, m.end)),
                "region-goal-scope": m.text.startswith("全") and self.row_ends_at("region-goal-scope", head, 4),
                "region-focus-scope": m.text.startswith("全") and self.row_ends_at("region-focus-scope", head, 3),
                "region-first-in": self.text[m.start - 1:m.start] == "在" and bool(rx("region-first-in").match(self.text, m.end)),
                "region-list-item": bool(rx("region-list-item").match(self.text, m.end)) or self.text[m.start - 1:m.start] == "、",
                "region-dateline": bool(m.attrs.get("dateline")),
                "region-in-name": len(m.text) <= 3 and m.start > 0 and self.text[m.start - 1] in "(（" and bool(rx("region-in-name").match(self.text, m.end))}
        self.context_rows.update(r for r, hit in hits.items() if hit)
        return any(hits.values())

    def focus_scope(self, pos: int) -> bool:
        """聚焦全省五大现代产业: a whole (全省 at pos) right after 聚焦/围绕/面向 is what is focused on (region-focus-scope)."""
        hit = self.row_ends_at("region-focus-scope", pos, 3)
        if hit:
            self.context_rows.add("region-focus-scope")
        return hit

    def region_as_object(self, m: Mention) -> bool:
        """为海淀区乃至首都…提供支撑: a region after 为/对/乃至 is what the sentence serves, not its topic; so is 全市 in
        对北京全市 (the whole of the place named right before it)."""
        pos = m.start
        if m.text.startswith("全"):
            pos = next((x.start for x in self.mentions_in(max(0, pos - 6), pos, ("Region",)) if x.end == pos), pos)
        return self.row_ends_at("region-as-object", pos, 3)

    def row_ends_at(self, row: str, pos: int, width: int) -> bool:
        """Does a match of the row's pattern, begun within `width` characters before `pos`, end right at `pos`?"""
        return any(x.end() == pos for x in rx(row).finditer(self.text, max(0, pos - width), pos))

    def article_place(self, level: str) -> str | None:
        """The name of the article's province, city or district (省工信厅, 市委, 区政府 with no place before them): its
        region of that level (for 省, else the province its city is in: an article on 长沙 names 湖南 seldom); for 区,
        a district only (not a development zone: 区委 of an article on 经开区 is not said)."""
        r = self.article_region(level)
        place = self.entities[r.key].record["name_zh"] if r is not None else None
        if level == "district":
            return place if place and self._builtin_regions.get(place, ("", "", ""))[2] == "district" else None
        return place   # for 省 the city's province when the article names none (article_region: province-of-city)

    def article_region(self, level: str | None = None) -> Mention | None:
        """The region the article is about: the one its title names, else the one it names most often
        (a tie goes to the first named). `level` "province" or "city" keeps only regions of that level
        (全省 / 我市 mean the article's province / city). Memoised per level."""
        memo = self.__dict__.setdefault("_article_region", {})
        if level in memo:
            return memo[level]
        title = self.doc.meta.get("title") or ""
        count: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.label != "Region" or not m.keys or m.attrs.get("members") or m.attrs.get("deictic") or m.attrs.get("dateline"):
                continue   # (新华社成都9月11日电: where the report was filed, region-dateline)
            rec = self.entities[m.key].record
            kind = rec.get("kind") or self._builtin_regions.get(rec.get("name_zh") or "", ("", "", ""))[2]
            if not gz.of_level(kind, level):
                continue
            count.setdefault(m.key, []).append(m)
        # an article that names no region of the level itself: the place a body's or a policy's name in its
        # lead begins with stands for it (成都市人民政府办公厅印发…，全市…: 全市 is 成都市) — rule region-of-body-name
        implied: dict[str, list[tuple[Mention, str]]] = {}
        for m in self.mentions if not count else ():
            if m.label not in ("GovernmentBody", "Policy") or not m.keys or m.sent > 1:
                continue   # a body named in the lead (its first two sentences) is whose article it is
            own = re.sub(r"^《?(?:中共)?", "", self.entities[m.key].record.get("name_zh") or m.text)
            place = self.region_prefix(own)
            if place is None:
                continue
            _, full, kind = self._builtin_regions[place]
            if not gz.of_level(kind, level):
                continue
            implied.setdefault(full, []).append((m, place))
        if len(implied) == 1:   # one place only: bodies of several places say nothing of the article's own
            full, ms = next(iter(implied.items()))
            key = self.region_key(full, None)
            if key:
                self.context_rows.add("region-of-body-name")
                count[key] = [Mention(m.start, m.start, place, "Region", m.sent, "pattern:region-of-body-name",
                                      self.entities[key].conf, full, {}, [key]) for m, place in ms]
        # a region the title names counts even when the body never names it (成都市关于…的意见 says 我市)
        for name in sorted(self._builtin_regions, key=len, reverse=True):
            if len(name) >= 2 and name in title:
                code, full, kind = self._builtin_regions[name]
                if level in ("province", "city") and not gz.of_level(kind, level):
                    continue
                key = self.region_key(full, None)
                if key and key not in count:
                    count[key] = [Mention(0, 0, name, "Region", 0, "pattern:region-deictic", self.entities[key].conf,
                                          full, {}, [key])]
                break
        best = None
        for key, ms in count.items():
            rec = self.entities[key].record
            in_title = any(n and n in title for n in [rec.get("name_zh"), *(rec.get("aliases") or []), ms[0].text])
            score = (in_title, len(ms), -ms[0].start)
            if best is None or score > best[0]:
                best = (score, ms[0])
        if best is None and level == "province":
            best = self._province_of_city()
        memo[level] = best[1] if best else None
        return memo[level]

    def _province_of_city(self) -> tuple[tuple, Mention] | None:
        """全省 in an article that names its city but no province (长沙晚报: 省工信厅通报…全省电子信息制造业42个
        重点项目) is the city's province — rule province-of-city (round blind-zs)."""
        city = self.article_region("city")
        code = self._builtin_regions.get(self.entities[city.key].record["name_zh"], ("",))[0] if city else ""
        full = next((p[1] for p in gz.PROVINCES if code and p[0][:2] == code[:2] and p[4] == "province"), None)
        key = self.region_key(full, None) if full else None
        if city is None or full is None or not key:
            return None
        self.context_rows.add("province-of-city")
        return (), Mention(city.start, city.start, full, "Region", city.sent, "pattern:province-of-city",
                           self.entities[key].conf, full, {}, [key])

    def most_named(self, keep) -> Mention | None:
        """The first mention of the entity the article names most often among the linked mentions `keep` accepts (a tie
        goes to the one named first)."""
        count: dict[str, list[Mention]] = {}
        for m in self.mentions:
            if m.keys and keep(m):
                count.setdefault(m.key, []).append(m)
        best = max(count.values(), key=lambda ms: (len(ms), -ms[0].start), default=None)
        return best[0] if best else None

    def article_park(self) -> Mention | None:
        """The park the article names most often (产业园 / 园区 with no park in the paragraph)."""
        memo = self.__dict__.setdefault("_article_park", [])
        if not memo:
            memo.append(self.most_named(lambda m: m.label == "Park"))
        return memo[0]

    def park_word(self, s: Sentence, pos: int) -> bool:
        """Does the clause or sentence refer to a park before `pos` (园区, 该园区, 园内)?"""
        return bool(PARK_WORD.search(self.text, s.start, pos))
