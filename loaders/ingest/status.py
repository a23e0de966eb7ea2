"""When a figure is for and whether it happened: its status (actual, forecast, target) from the wording of
its clause, its sentence's lead and its section, and from its date against the article's; its as-of date.
Split from statistics.py, which finds the figures."""
from __future__ import annotations

import re
from typing import NamedTuple

from . import gazetteer as gz
from .rules import rx

# the numbering a heading opens with, by level: 一、 (1) over （一） (2) over 1. (3)
NUMBERING = (r"[一二三四五六七八九十]+、", r"（[一二三四五六七八九十]+）", r"\d+[.、]")
# a heading: 二、发展目标 / （三）产业实力 / short and without a full stop
HEADING = re.compile(r"^(?:" + "|".join(NUMBERING) + r")[^。；]{0,20}。?$")
HEADING_LEVELS = tuple(re.compile("^" + n) for n in NUMBERING)
# 二、达到“6千亿规模” / 三、实现“6个一批”: a heading that is a plan's quoted number goal opens a target section too, as 目标
# does (not 实现“十四五”良好开局, a review's; round blind-yy, dev-ZZW)
GOAL_HEADING = re.compile(r"^(?:" + "|".join(NUMBERING) + r")(?:达到|实现)[“\"](?!十[一二三四五六]五)[\d一二三四五六七八九十两]")


def heading_level(t: str) -> int:
    """1 for 一、, 2 for （一）, 3 for 1.: the lower the number, the larger the section the heading opens."""
    return next(i for i, rx_ in enumerate(HEADING_LEVELS, 1) if rx_.match(t))


def section_year(t: str) -> str | None:
    """到2022年，… opening a sentence: the year the section after it aims at (status-target-section)."""
    m = rx("status-target-section").match(t.strip())
    return re.search(r"\d{4}", m.group()).group() if m else None


# how far back a figure looks for the heading of its section: a plan's target section runs on for more than the
# 7 sentences the 到2022年 opening reaches (湖南省实施“互联网+”三年行动计划: 8000亿元 is the 9th sentence under
# （二）发展目标; round blind-zy)
SECTION_REACH = 40
# a clause that says what stands now (已/目前/现有/累计/共有) is not made a forecast by a 将 earlier in its sentence
NOW_WORD = re.compile(r"已|目前|现有|累计|共有")
# 到2025年 / 至2025年: the year a plan aims at (its group)
AIMED_YEAR = re.compile(r"(?:到|至)\s*(\d{4})\s*年")


class Status(NamedTuple):
    """A figure's status and the row that decided it ("" for an actual one), which goes with the proposal
    (ObsFact.status_rule); `paragraph_year`: a target whose year is the one its paragraph aims at (…提出，到2021年形成…。
    大数据产业规模突破1000亿元; a 建成… goal), which `as_of` then reads from the paragraph."""
    value: str   # actual, forecast or target
    rule: str = ""
    paragraph_year: bool = False


ACTUAL = Status("actual")


# a period of months or days (1-6月, 9月11日至13日), not of years (2021/2025, a plan's span)
PERIOD = re.compile(r"\d{4}-\d{2}(?:-\d{2})?/\d{4}-\d{2}(?:-\d{2})?")


# what may come before a sentence's opening date: nothing, or who says so (据统计， / 数据显示， / 记者从…了解到，)
REPORT_LEAD = re.compile(r"\s*(?:[^，。；]{0,20}(?:表明|显示|介绍|了解到|获悉|统计|透露|指出)[，,：:]\s*)?")


def when(d) -> str:
    """The as-of a date gives a figure: a period of months or days whole, since the figure covers it (1-6月的营收 is
    2023-01/2023-06; the review file writes as_of and as_of_end), else its point. Round blind-yc: the read pool's gold
    writes the period 226 times where the end month had been written, and a period's end alone reads as a
    point-in-time figure."""
    return d.value if PERIOD.fullmatch(d.value) else d.point


class StatusMixin:
    def status(self, s, a: int, ca: int, cb: int) -> Status:
        """actual, forecast or target, from the wording of the clause (and the sentence before the figure)."""
        clause = self.text[ca:cb]
        lead = self.text[self._chain_start(s):a]
        if rx("status-forecast").search(clause) or rx("status-forecast").search(lead):
            return Status("forecast", "status-forecast")
        # 完成投资158.9亿元，为年度计划投资的50.1%: a share of the plan done is what was done, not the plan
        said = [m.group() for src in (clause, lead) for m in rx("status-target").finditer(src)
                if not (m.group() == "计划" and re.match(r"[^，。；\d]{0,6}的", src[m.end():]))]
        if [w for w in said if not self.past_year(w)]:
            return Status("target", "status-target")
        in_clause = [m.group() for m in rx("status-target-plan").finditer(clause)]
        plan = in_clause + [m.group() for m in rx("status-target-plan").finditer(lead)]
        will = self._will(ca, cb)
        if will and any(not self.past_plan(w) for w in in_clause):
            return Status("target", "status-target-plan")   # 年内将推动16个项目开工: the plan's words in the clause decide
        if will or (self._will(s.start, ca) and not NOW_WORD.search(clause)):
            return Status("forecast", "status-forecast-will")
        if any(not self.past_plan(w) for w in plan):
            return Status("target", "status-target-plan")
        if section := self.target_section(s):
            return Status("target", section, paragraph_year=section == "status-target-paragraph")
        # “十四五”时期，北京经开区将…。其中，…地区生产总值实现3800亿元以上: a part of what the sentence before said
        # (in its paragraph or the one before) has its status
        start = self.doc.sentences[self._chain_idx(s)]
        if re.match(r"\s*其中", start.text) and start.idx:
            before = self.doc.sentences[start.idx - 1]
            if (st := self.status(before, before.end, before.start, before.end).value) != "actual":
                return Status(st, "status-part-of")
        return ACTUAL

    def _will(self, start: int, end: int) -> bool:
        """将 between `start` and `end`, not in a 将…的 modifier (本次将集中开工的项目共382个 counts what is there). (After
        the figure, 将 is read too: the gold has 35支队伍将在现场… a forecast and 500多家参展单位将以…展示 actual, as often
        one way as the other on the read pool; round blind-ya.) 将成为…的新亮点 is no modifier: a copula (round blind-yc)."""
        return any(not re.match(r"(?!成为|是|建成|打造成)[^，。；\d]{0,12}的", self.text[m.end():end])
                   for m in rx("status-forecast-will").finditer(self.text, start, end))

    def past_year(self, said: str) -> bool:
        """由2003年时的不足70亿元增长到2021年的5700多亿元 in a 2023 article: 到 a year before the article's tells how far
        it grew, no target (round blind-zi)."""
        m = re.fullmatch(r"到\s*(\d{4})\s*年", said)
        published = (self.doc.meta.get("published") or "")[:4]
        return bool(m) and published.isdigit() and int(m.group(1)) < int(published)

    def past_plan(self, said: str) -> bool:
        """“十三五”期间 in an article published after the plan's last year (2020) looks back on it: no target (round blind-w)."""
        published = (self.doc.meta.get("published") or "")[:4]
        return published.isdigit() and any(name in said and end < int(published)
                                           for name, (_, end) in gz.FIVE_YEAR_PLANS.items())

    def future(self, status: Status, as_of: str) -> Status:
        """A figure for a time that begins after the article was published is no actual one, whatever the
        wording (2022年产值达到100亿元 in a 2021 article): a forecast (`status-future-date`)."""
        published = self.doc.meta.get("published") or ""
        start = (as_of or "").split("/")[0]
        if status.value != "actual" or not published or not re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", start):
            return status
        # the period's first day after the last day the article may have been published (dated 2021: 2021-12-31)
        if (start + "-01-01"[len(start) - 4:]) > (published[:10] + "-12-31"[len(published[:10]) - 4:]):
            return Status("forecast", "status-future-date")
        return status

    def _chain_start(self, s) -> int:
        """Where the sentence's lead begins: sentences joined by ； are one sentence for its wording
        (预计2021年，A 3.4万亿元；B 1.4万亿元；C 超过50%: all three are forecasts)."""
        return self.doc.sentences[self._chain_idx(s)].start

    def _chain_idx(self, s) -> int:
        i = s.idx
        while i > 0:
            prev = self.doc.sentences[i - 1]
            if prev.para != s.para or "；" not in self.text[max(prev.start, prev.end - 1):prev.end + 1]:
                break
            i -= 1
        return i

    def target_year(self, s, pos: int, paragraph_year: bool = False) -> str | None:
        """The year a target aims at: 到2025年 earlier in the sentence, else in a sentence before it
        in its section (after its heading), or — for a target because its paragraph aims at a year
        (`paragraph_year`) — that year."""
        found = list(AIMED_YEAR.finditer(self.text, s.start, pos))
        if found:
            # 到2022年底: the date it aims at, as precise as the text gives it (2022-12-31; round blind-yc, dev-ZZA)
            at = found[-1].start(1)
            d = next((d for d in self.dates_in(s.start, pos) if d.start <= at < d.end and d.value[:4] == found[-1].group(1)), None)
            return d.value if d is not None and "/" not in d.value else found[-1].group(1)
        for i in range(s.idx - 1, max(-1, s.idx - 8), -1):
            t = self.doc.sentences[i].text.strip()
            if HEADING.match(t):
                # （一）大数据产业实现跨越发展 under 一、总体目标: the year the parent section opens on (到2018年，…)
                top = next((j for j in self.parent_headings(s) if "目标" in self.doc.sentences[j].text), None)
                years = (section_year(self.doc.sentences[j].text) for j in range(top + 1, i)) if top is not None else ()
                return next((y for y in years if y), None)
            if paragraph_year and self.doc.sentences[i].para == s.para and (
                    ys := AIMED_YEAR.findall(t)):
                return max(ys)   # …提出，到2021年形成…生态。大数据产业规模突破1000亿元: the year the paragraph aims at
            if year := section_year(t):
                return year
        return None

    def target_section(self, s) -> str | None:
        """Is the sentence in a part of the text about targets: under a heading with 目标 (二、发展目标), after a
        sentence of its paragraph that began 到2022年 (the year the figures below are for), or after one that aims at
        a year still to come? The status row that says so, or None."""
        for i in range(s.idx - 1, max(-1, s.idx - SECTION_REACH), -1):
            t = self.doc.sentences[i].text.strip()
            if HEADING.match(t):
                # an item's heading （一）… under 一、总体目标 is part of the target section (round blind-yk, dev-ZZI)
                return "status-target-section" if "目标" in t or GOAL_HEADING.match(t) or any(
                    "目标" in self.doc.sentences[j].text for j in self.parent_headings(s)) else None
            if i >= s.idx - 7 and self.doc.sentences[i].para == s.para and rx("status-target-section").match(t):
                return "status-target-section"
        return "status-target-paragraph" if self.target_paragraph(s) else None

    def parent_headings(self, s) -> list[int]:
        """The sentence indices of the headings above the one the sentence is under, nearest first, each of a higher
        level than the last (1. under （一） under 一、), within SECTION_REACH."""
        out: list[int] = []
        level = None
        for i in range(s.idx - 1, max(-1, s.idx - SECTION_REACH), -1):
            t = self.doc.sentences[i].text.strip()
            if not HEADING.match(t):
                continue
            lv = heading_level(t)
            if level is None:
                level = lv
            elif lv < level:
                out.append(i)
                level = lv
        return out

    def target_paragraph(self, s) -> bool:
        """《行动计划》提出，…到2021年形成…生态。大数据产业规模突破1000亿元: a sentence of its paragraph that aims at a
        year still to come (到2021年 in a 2019 article) makes the undated sentences after it targets too."""
        published = (self.doc.meta.get("published") or "")[:4]
        if self.dates_in(s.start, s.end):
            return False
        for i in range(s.idx - 1, max(-1, s.idx - 4), -1):
            b = self.doc.sentences[i]
            if b.para != s.para:
                return False
            if said := [int(y) for y in AIMED_YEAR.findall(b.text)]:
                return published.isdigit() and max(said) >= int(published)
        return False

    def as_of(self, s, ca: int, status: Status = ACTUAL, held: str | None = None, at: int | None = None) -> str:
        """The date a figure is for: a date in its clause; one before it led by 截至/到; for a target
        or forecast the year its section or sentence aims at (到2022年); else, for an event's figure, the day
        it was `held`; else the article's date."""
        # (not 比一季度, 较上年: what the figure is compared with is not when it is: round blind-zo)
        own = [d for d in self.dates_in(ca, self.clause_bounds(s, ca)[1]) if self.text[d.start - 1:d.start] not in ("比", "较")]
        # 由2005年的1775.5亿元增加到2010年的2229.1亿元: the date right before the figure (at), with 的, dates it
        # (round blind-ye, dev-ZZC: both had been dated 2005)
        if at is not None and (of := [d for d in own if d.end <= at and re.fullmatch(r"的\s*", self.text[d.end:at])]):
            return when(of[-1])
        if own:
            return when(own[0])
        if status.value != "actual":
            year = self.target_year(s, ca, status.paragraph_year)
            if year:
                return year
        prev = self.dates_in(s.start, ca)
        if prev:
            pa, _ = self.clause_bounds(s, prev[-1].start)
            lead = self.text[pa:prev[-1].start]
            if re.search(r"截止|到|至", lead) or re.match(r"^\s*(成为|并)", self.text[ca:ca + 3]):
                return when(prev[-1])
            # 2022年，园区实现营收… / 2022年北京实现地区生产总值…，比上年增长0.7%: a date the sentence opens on dates what
            # follows it, set off by a comma or not (round blind-zw: the comma alone left 9 more right figures undated)
            if self._opening_date(s, prev) is not None:
                self.context_rows.add("as-of-sentence-date")
                return when(prev[0])
            # …进出口总值36445.5亿元，比上年增长19.7%: a change over the year before is for the period named before it
            if rx("as-of-change").search(self.text, ca, self.clause_bounds(s, ca)[1]):
                self.context_rows.add("as-of-change")
                return when(prev[-1])
        elif re.match(r"\s*其中", self.text[s.start:s.end]) and s.idx and (before := self.doc.sentences[s.idx - 1]).para == s.para:
            # 截至2017年8月，…共集聚市场主体14万余家。其中上市企业33家: the part is of the date the sentence before opens on
            # (round blind-zo), read from that sentence's second clause
            return self.as_of(before, self.clause_bounds(before, before.start)[1] + 1, status, held)
        if status.value == "actual" and (opened := self._paragraph_date(s)):
            return opened
        if held:   # 本届大会签约项目30个: as of the day the meeting was held, not the day it was reported
            self.context_rows.add("as-of-event")
            return held
        return self.doc.meta.get("published") or ""

    def _paragraph_date(self, s) -> str | None:
        """1-2月,中关村…总收入4484.8亿元…；实现技术收入505.3亿元: the date an earlier sentence of the paragraph opens on
        (set off by a comma) dates an actual figure whose sentence names none, up to the first earlier sentence that
        names any date (as-of-paragraph-date; round blind-zw: 32 more right figures carry the gold's as-of)."""
        for i in range(s.idx - 1, max(-1, s.idx - 6), -1):
            b = self.doc.sentences[i]
            if b.para != s.para:
                return None
            if ds := self.dates_in(b.start, b.end):
                opened = self._opening_date(b, ds)
                if opened is not None and self.text[opened.end:opened.end + 1] in ("，", ","):
                    self.context_rows.add("as-of-paragraph-date")
                    return when(opened)
                return None
        return None

    def _opening_date(self, s, dates: list):
        """The first of `dates` (the sentence's, in order) when the sentence opens on it, after a clause that says
        where the figures come from or none (统计数据表明，2017年，…: round blind-ye, dev-ZZC), else None."""
        return dates[0] if dates and REPORT_LEAD.fullmatch(self.text[s.start:dates[0].start]) else None
