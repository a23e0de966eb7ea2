"""Whose figure it is, when the clause before it names no organisation: the event a count is for, the country
whose industry a figure measures, the park a counted list moved into, the park or zone the article is about.
loaders/ingest/statistics.py asks these while it reads a figure; they are kept here so that its rows read as
plain branches (round blind-ze: statistics.py had reached 500 lines)."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .event_refs import meeting_of_session
from .model import HELD_MEETING, is_contest
from .relations import ORG_LABELS
from .rules import conf, rx

# an economy's measures: a figure whose clause names one is an industry's or a place's, never a meeting's
ECONOMY = re.compile(r"营收|营业收入|主营业务收入|收入|产值|增加值|税收|产业规模|进出口|出口额")
# 居全国第一, 全国首个, 在全国率先: where something ranks, not whose figure it is (stat-country)
# …|中国软件百强企业有16家: 中国 names a ranking, whose members the figure counts (round blind-m)
COUNTRY_FRAME_AFTER = re.compile(r"(?:第|首|前列|前|领先|排名|同类|范围|各地|之最|一流|率先|唯一|最大|最早|最多|重要|知名|性"
                                 r"|[\u4e00-\u9fff]{0,6}?(?:[百千]|五百|\d+)[强強]"
                                 r"|[\u4e00-\u9fff]{0,4}?(?:新闻网|网|报)(?:\d{1,2}月|讯))")   # 中国商务新闻网7月19日: an outlet
COUNTRY_FRAME_BEFORE = re.compile(r"(?:居|在|位居|位列|领跑|为|是|成为|覆盖|面向|辐射|占)\s*$")


# what a policy's own parts are called, right after a count of them (20项重点任务, 六个方面的, 4个专栏; stat-policy)
POLICY_PARTS = re.compile(r"\s*(?:余|多)?的?(?:重点|具体|主要|关键|核心|政策)?(?:任务|举措|措施|行动|工程|方面|专项|专栏|场景|章|"
                          r"部分|维度|板块|条款|方向|领域|要点|目标)")
# a sentence that opens on the policy named before, not by its title (计划一共设定了…, 该方案明确…)
BARE_POLICY = re.compile(r"(?:该|此|这一|这个)?(?:计划|规划|方案|意见|清单|措施|报告|纲要|条例)")


class FigureOwnersMixin:
    def policy_of_figure(self, s, a: int, b: int):
        """《实施意见》提出了…六个方面的20项重点任务: a count of a policy's own parts, with the policy the subject of the
        verb before it (`stat-policy`); 计划一共设定了4类重点任务、20项具体任务: the policy named last before."""
        if not POLICY_PARTS.match(self.text, b):
            return None
        # 《意见》提出了三项主要任务目标 with no short form declared: a title that is only a kind (four characters at most)
        # stands for the policy named before, as 意见 alone would (round blind-ym)
        def named(m) -> bool:
            return len(self.entities[m.key].record.get("name_zh") or "") > 4
        titles = self.mentions_in(s.start, a, ("Policy",))
        bare = bool(titles) and not named(titles[-1])
        if titles and not bare:
            pol = titles[-1]
        elif bare or BARE_POLICY.match(self.text, s.start, a):
            earlier = [m for m in self.mentions if m.label == "Policy" and m.keys and m.end <= s.start and m.sent >= s.idx - 8
                       and named(m)]
            pol = max(earlier, key=lambda m: m.start, default=None)
            if pol is None:
                return None
        else:
            return None
        start = max(pol.end, s.start)
        if rx("stat-policy").search(self.text, start, a) is None or self.mentions_in(start, a, (*ORG_LABELS, "Region")):
            return None
        return pol

    def park_moved_into(self, s, b: int, cb: int):
        """The park a counted list of firms moved into (…等10家企业签约入驻海淀和通州两个园区): a park named after
        入驻/落户/进驻 in the clause; sub-parks named there give their park (the paragraph's, else the article's)."""
        verb = re.search(r"入驻|落户|进驻", self.text[b:cb])
        after = self.mentions_in(b + verb.end(), cb, ("Park", "SubPark")) if verb else []
        parks = [x for x in after if x.label == "Park"]
        if parks:
            return parks[0]
        if after:   # sub-parks only
            return self.topic(s, b, ("Park",)) or self.article_park()
        return None

    def respective_owner(self, ca: int, a: int, cb: int):
        """成都高新区、武侯区、金牛区的软件业务收入分别为1584.6亿元、354.2亿元、146.1亿元: the k-th figure after 分别 is the
        k-th of the names listed before it (stat-respectively), when the list and the series are as long."""
        r = max((x.start() for x in rx("stat-respectively").finditer(self.text, ca, a)), default=-1)
        if r < 0:
            return None
        figs = list(rx("stat-number").finditer(self.text, r, cb))
        series = figs[:1]
        for x in figs[1:]:
            if not re.fullmatch(r"\s*[、和及与]\s*", self.text[series[-1].end():x.start()]):
                break
            series.append(x)
        owners = self.listed_run([x for x in self.mentions_in(ca, r, (*ORG_LABELS, "Region")) if not x.attrs.get("members")])
        k = next((i for i, x in enumerate(series) if x.start("num") <= a < x.end()), None)
        return owners[k] if k is not None and len(series) == len(owners) >= 2 else None

    def article_park_like(self):
        """No national park in the article: the organisation named like a park (中电软件园, …产业园,
        …科技园) that it names most — what its 园区 means (an operator's news about its own park)."""
        return self.most_named(lambda m: m.label in ORG_LABELS and re.search(r"园(?:区)?(?:(?:有限)?(?:责任)?公司)?$", m.text))

    def article_park_area(self):
        """The local area named like a park (成都天府软件园, …产业园) that the article names most: what its 园区 means
        when it names no park nor park-like organisation."""
        return self.most_named(lambda m: m.label == "Region" and re.search(r"园(?:区)?$", m.text) and not m.attrs.get("members")
                               and self.entities[m.key].record.get("kind") == "area")

    def article_zone(self):
        """The development zone the article names most (成都高新区), for a bare 高新区/经开区/该区."""
        return self.most_named(lambda m: m.label == "Region" and not m.attrs.get("members") and (
            self.entities[m.key].record.get("kind") == "zone" or m.attrs.get("kind") == "zone"))

    def article_zone_over(self, region):
        """The development zone the article names most, when it names it more often than the region it is about (成都高新区
        eight times, 成都市 once): what a figure that nothing else owns describes (stat-article-zone)."""
        zone = self.article_zone()
        if zone is None:
            return None
        def times(key: str) -> int:
            return sum(1 for m in self.mentions if m.keys and m.key == key and m.label == "Region")
        return zone if region is None or times(zone.key) > times(region.key) else None

    def is_country(self, m) -> bool:
        p = self.entities.get(m.key) if m.keys else None
        rec = p.record if p else {}
        return rec.get("kind") == "country" or (rec.get("name_zh") or m.text) in ("中国", "全国", "我国", "国内")

    def own_company_word(self, s, a: int) -> int | None:
        """Where 公司/该企业 stands alone before `a` (the firm the sentence named speaks of itself), not
        inside a firm's name (…科技有限公司)."""
        for m in reversed(list(re.finditer(r"公司|该企业", self.text[s.start:a]))):
            p = s.start + m.start()
            if not any(x.start <= p < x.end for x in self.mentions_in(s.start, a, ("Enterprise", "Institution"))):
                return p
        return None
    def event_of_figure(self, s, ca: int, a: int):
        """The event a figure is about: one named earlier in the sentence with nothing but a place between it and
        the figure's clause, or the one 本次/本届/此次 + a meeting word refers back to (stat-event) — never a press
        conference, which reports figures and has none but its attendance (stat-event-attendance): on the dev pool
        ten of stat-event's twenty-two figures the gold gives a region went to a 发布会 (round blind-zg)."""
        ev = self._event_of_figure(s, ca, a)
        name = self.entities[ev.key].record["name_zh"] if ev is not None else ""
        # a press conference, or a session of one (服贸会新闻发布会海淀专场, …专场发布会): it presents figures, owns none
        return None if meeting_of_session(name).endswith("发布会") or name.endswith("发布会）") else ev

    def _event_of_figure(self, s, ca: int, a: int):
        if self.mentions_in(s.start, a, ("Park", "SubPark")):
            return None
        # (not 自2016年首届智能制造峰会以来: a meeting that dates the figures, no owner of them: round blind-zm)
        # (nor one of a list of what the subject held: 我市举办了2022中国工业软件大会、…等活动，累计引进…66个 is the
        # city's tally, the meetings are its means: round blind-zo)
        evs = [x for x in self.mentions_in(s.start, a, ("Event",)) if x.keys and x.how in HELD_MEETING
               and not (self.text[x.start - 1:x.start] in ("自", "从") and self.text[x.end:x.end + 2] == "以来")
               and not self.listed_event(x)]
        # 在成都世纪城新国际会展中心举行: the venue after 在 is where, not who; 汇聚了金山科技、兰卫医学等8个平台: firms
        # listed before the figure are what it counts, not whose it is
        if evs and not [x for x in self.mentions_in(evs[-1].end, a, ORG_LABELS) if self.text[x.start - 1:x.start] != "在"
                        and "等" not in self.text[x.end:a]]:
            return evs[-1]
        # 本次博览会的展示面积…, or a sentence opening on the bare word (大赛经线上初赛决出30支战队, 赛事观看人次…)
        # — at the start of any clause before the figure (据介绍，本次比赛采用…; 经过角逐，比赛最终决出…; 在本次集中签约的
        # 项目中，…有55个: round blind-zm)
        back = re.search(r"(?:^|[，,])在?(?:本次|本届|此次|这次|该)[^，。；]{0,8}?(会|论坛|峰会|博览会|展会|大赛|比赛|赛事|活动|宣传周|签约|开工)",
                         self.text[s.start:a]) or re.search(r"(?:^|[，,])(大会|论坛|峰会|博览会|展会|大赛|比赛|赛事|宣传周)(?![\u4e00-\u9fff]{0,2}[的之])",
                                                            self.text[s.start:a])
        if back and back.group(0).lstrip("，,").startswith("在") and \
                self.mentions_in(s.start + back.end(), a, (*ORG_LABELS, "Region", "TalentProgram")):
            back = None   # 在这次开工的项目里，X产业基地…总投资35亿元: the project named after it owns the figure
        if back:
            word = back.group(1)
            if word in ("签约", "开工"):   # 此次签约的项目…总投资650.4亿元, 本次全省将集中开工的项目共382个: the signing or
                # groundbreaking named before, whatever its name ends in (round blind-zi: the province took the latter)
                return self.latest_event_before(s, 8, lambda x: x.how in HELD_MEETING and word in x.name)
            end = "赛" if word in ("赛事", "比赛") else word[-1]
            return self.latest_event_before(s, 8, lambda x: x.how in HELD_MEETING and gz.meeting_core(x.name).endswith(end))
        # 全国30个省共有3263支队伍报名参赛 right after the sentence that named the contest: the paragraph goes on about it
        # (not 前11月软件与信息服务业营收增长16.1% after a sentence that named a contest: an industry's takings are no
        # meeting's; round blind-ya)
        if not [x for x in self.mentions_in(s.start, a, ("Region",)) if not self.is_country(x) and not x.attrs.get("members")
                and self.text[x.end:x.end + 1] not in ("、", "等")] and \
                not rx("stat-region").search(self.text, s.start, a) and not ECONOMY.search(self.text, ca, a):
            return self.latest_event_before(s, 2, lambda x: x.how in HELD_MEETING and not self.listed_event(x), same_para=True)
        return None

    def listed_event(self, x) -> bool:
        """Is the event mention `x` an item of a list (A、B等活动)? Only what follows says so: 璧山片区、中新科技城重大项目
        集中开工活动 is one event whose name holds a list."""
        return self.text[x.end:x.end + 1] in ("、", "等")

    def event_done_of_figure(self, s, ca: int, a: int, cb: int):
        """总协议额230亿元 after a signing, 全国近600人报名参赛 after a contest: a figure whose clause says what was
        done at an event of that kind, with no place or organisation of its own before it in that clause, is that
        event's, named in the sentence or the ones before — not the place the sentence named first (沙坪坝区, or
        云南 closing a list of where teams came from). 北京经开区推动签约落地项目17个 stays the zone's. Returns
        (event mention, rule) or None."""
        if [x for x in self.mentions_in(ca, a, (*ORG_LABELS, "Region")) if not self.is_country(x)]:   # 全国近600人: a frame
            return None

        def signing(x) -> bool:
            return x.attrs.get("kind") == "signing" or rx("stat-signing").search(x.name) is not None
        for rule, back, of_kind in (("stat-signing", 2, signing), ("stat-contest", 8, is_contest)):
            if not rx(rule).search(self.text, ca, cb):
                continue
            # named anywhere in the sentence, else in the ones before — not only within the paragraph: the lead
            # names it, the next paragraph counts
            ev = self._event_for(s, s.end, back, of_kind)
            if ev is not None:
                return ev, rule
        return None

    def country_of_figure(self, s, ca: int, a: int):
        """我国/中国 named in the figure's clause, or leading its sentence, as whose industry it is (stat-country):
        not 居全国第一 / 中国首个 (where something ranks), and not when an organisation or another place is named."""
        st = self.subject_start(s)   # after an attribution (X介绍，据X统计，): its speaker is no other subject
        if self.park_word(s, a) or any(not (x.label == "Region" and self.is_country(x))
                                       for x in self.mentions_in(st, a, ("Region", "Park", "SubPark", *ORG_LABELS))):
            return None   # 依托产业园区建成我国…“五个基地”: the park's goal, 我国 only qualifies it
        for m in reversed(list(re.finditer(r"我国|中国|国内(?!外)", self.text[st:a]))):   # 就国内而言: the country
            x0, x1 = st + m.start(), st + m.end()
            lead = re.fullmatch(r"[\d年月日，、\s]*就?", self.text[st:x0]) is not None   # 就国内而言，…
            if not (x0 >= ca or lead) or COUNTRY_FRAME_AFTER.match(self.text, x1) or \
                    COUNTRY_FRAME_BEFORE.search(self.text[max(s.start, x0 - 3):x0]):
                continue
            held = [x for x in self.mentions_in(x0, x1, ("Region",)) if (x.start, x.end) == (x0, x1) and x.keys]
            if held:
                return held[0]
            hit = self.kb.lookup("我国", ("Region",))   # the look-up keeps 中国 for names (中国电信); 我国 is its alias
            if not hit or not self.free(x0, x1):
                return None
            mm = self.add_mention(x0, x1, "Region", "pattern:stat-country", conf("stat-country"), name=hit[0].record["name_zh"])
            if mm is None:
                return None
            mm.keys = [self.use_existing(hit[0], hit[1], mm)]
            return mm
        return None
