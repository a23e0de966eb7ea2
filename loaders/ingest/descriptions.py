"""Text-valued statistics read from the general shapes a Chinese report describes something in, not from
one article's wording: a theme in quotes (以“X”为主题, 主题是“X”), an apposition that opens a clause (作为X，Y…:
what Y is), and a copula or 成为 with a ranking or standing word (Y是/成为全国首个…, …之一, …的重要承载地).

The value is the text from after the verb to the end of its clause, as the corpus's labellers take it; the
subject is the entity the clause is about (after 作为X， the first entity that follows; before 是/成为, the
nearest one). These rows are general and sure of less than the seed's templates (`text-*` rows in
statistics.py), so they carry a lower confidence (rules/facts.py)."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .model import ObsFact
from .rules import conf, rx
from .status import ACTUAL, Status

STANDING = re.compile(r"之一|首个|首家|第[一二三四五六七八九十\d]+个|唯一|最大|最强|领先|一流")
# what may stand between a clause's start and its 是/成为 when the clause goes on with the sentence's subject
# (…，也是…, …，已成为…, …，一跃成为…)
OPEN_CLAUSE = re.compile(r"(?:[也还已将则并亦更又正]|已经|正在|逐步|目前|现已|如今|一举|一跃|由此|从而|进而|同时)*")
SUBJECT_LABELS = ("Park", "SubPark", "Region", "Institution", "Enterprise", "Event")


class DescriptionsMixin:
    def rules_descriptions(self, s) -> None:
        rows = ("text-theme", "text-apposition", "text-standing", "text-copula")
        if s.text.rstrip().endswith(("？", "?")):
            return   # 湖南省会不会成为那个“标兵”？: a question states nothing of anyone (round blind-zc)
        if not any(rx(r).search(s.text) for r in rows):
            return   # most sentences: no scan of the article's figures for the ones of this sentence
        taken: list[tuple[int, int]] = [o.span for o in self.observations if o.sent == s.idx and "value_text" in o.fields]
        for m in rx("text-theme").finditer(s.text):
            a, b = s.start + m.start(m.lastindex or 1), s.start + m.end(m.lastindex or 1)
            evs = self.mentions_in(s.start, s.end, ("Event",))
            if m.lastindex == 2:   # …宣传周…，今年的主题为“X”，主要活动包括…挑战赛: the event named before it, not after
                subj = next((x for x in reversed(evs) if x.end <= a), None) or \
                    self.latest_event_before(s, 3, lambda x: True, same_para=False) or next(iter(evs), None)
                if subj is not None and subj.how == "pattern:event-series":
                    # 国家网络安全宣传周从2014年开始…，今年的主题为: this year's edition's, where the article names it
                    subj = max((x for x in self.mentions if x.label == "Event" and x.keys and x.start < subj.start
                                and x.name != subj.name and x.name.endswith(subj.name)), key=lambda x: x.start, default=subj)
            elif re.search(r"(?:本届|本次|此次|这次)[^，。；“”]{0,8}$", s.text[:m.start()]):
                # 本届峰会以“X”为主题，…举办主题论坛: the meeting named before, not the one held under it (round blind-o)
                subj = next((x for x in reversed(evs) if x.end <= a), None) or \
                    self.latest_event_before(s, 8, lambda x: True, same_para=False)
            else:                  # 以“X”为主题的…大会: the event the sentence names
                subj = next(iter(evs), None) or self.latest_event_before(s, 3, lambda x: True, same_para=False)
            self._describe(s, subj, "theme", a, b, "text-theme", taken)
        for m in rx("text-apposition").finditer(s.text):
            a, b = s.start + m.start(1), s.start + m.end(1)
            after = [x for x in self.mentions_in(b, s.end, SUBJECT_LABELS) if not x.attrs.get("members")]
            before = [x for x in self.mentions_in(s.start, s.start + m.start(), SUBJECT_LABELS) if not x.attrs.get("members")]
            # 作为X，华大九天…: the clause after the comma names what X is; 它/其 refer back to the sentence's subject
            head = self.text[b + 1:b + 3]
            subj = before[0] if before and head[:1] in ("它", "其", "该") else (after[0] if after and
                                                                            after[0].start - b <= 3 else None)
            self._describe(s, subj, "positioning", a, b, "text-apposition", taken)
        for m in rx("text-standing").finditer(s.text):
            a, b = s.start + m.start(1), s.start + m.end(1)
            ca, cb = self.clause_bounds(s, a)
            subj, _ = self._clause_subject(s, ca, s.start + m.start())
            # 要…使北京成为…中心城市之一: a standing still to be reached is a target, never an actual
            status = self.status(s, a, ca, cb)
            # 全国第二个…的市辖区、全国第一个…的区县: two standings, one value each
            parts = [(a, b)]
            if "、" in self.text[a:b] and all(STANDING.search(p) for p in self.text[a:b].split("、")):
                parts, start = [], a
                for piece in self.text[a:b].split("、"):
                    parts.append((start, start + len(piece)))
                    start += len(piece) + 1
            for x, y in parts:
                self._describe(s, subj, "distinction", x, y, "text-standing", taken, status)

        for m in rx("text-copula").finditer(s.text):
            a, b = s.start + m.start(2), s.start + m.end(2)
            ca, cb = self.clause_bounds(s, a)
            if re.search(r"\d(?!\d*年)", m.group(2)) or re.search(r"(?:之后|之前|之际|时期|阶段|以来|期间)$|的一个.{1,4}$", m.group(2)):
                # 已建成5G基站3585个: a count, which the figure rows read; …时期，是…之后: a time; 是通州区的一个片区: a
                # part of a place (PART_OF), not a description
                continue
            if m.group(1) == "是" and re.match(r"一[个家所种位]", m.group(2)):
                continue   # 锤子科技是一个成都的企业: what kind of thing it is, no distinction or positioning
            subj, bare = self._clause_subject(s, ca, s.start + m.start(), heads_only=True)
            if m.group(2).endswith("的") or (subj is not None and subj.end <= ca and re.fullmatch(
                    r"[^，。；是为]{0,10}的[\u4e00-\u9fff]{1,6}[，,]\s*", self.text[subj.end:ca])):
                continue   # 拓维信息是做软件的: a kind; 湘江鲲鹏主打的产品，是…: its product's description (round blind-td)
            build = m.group(1) not in ("是", "成为", "成為", "被评为")
            if subj is None and bare and build and self.policy_text:   # 到2020年，…，建成…: a plan's goals are its region's
                subj = self.region_context(s, a) or self.article_region()
            status = self.status(s, a, ca, cb)
            if build and status.value != "target":
                # 建成…: a goal whatever its wording, for the year its paragraph aims at (到2027年，…建成…高地)
                status = Status("target", "text-copula", paragraph_year=True)
            self._describe(s, subj, "goal" if build else "positioning", a, b, "text-copula", taken, status)

    def _clause_subject(self, s, ca: int, verb: int, heads_only: bool = False):
        """The entity a clause that says what something 是 is about: the nearest one of the clause before the verb,
        else the one the sentence opens on when the clause has no subject of its own (张家湾设计小镇…，成为…; …，而
        高质量的产业是…: a clause with a subject of its own that names no entity describes no one). With `heads_only`,
        not a place after 在 or before 的 (在全国率先建成…, 让成都的软洽会成为…). Returns (entity, bare clause)."""
        near = [x for x in self.mentions_in(s.start, verb, SUBJECT_LABELS) if not x.attrs.get("members") and not (
            heads_only and (self.text[x.start - 1:x.start] in ("在", "于", "从", "向", "对", "与") or self.text[x.end:x.end + 1] == "的"))]
        in_clause = [x for x in near if x.start >= ca]
        bare = OPEN_CLAUSE.fullmatch(self.text[ca:verb].strip(" ，,")) is not None
        if in_clause:
            return in_clause[-1], bare
        if not (near and bare and near[0].start == self.subject_start(s)):
            return None, bare
        head = near[0]
        for x in near[1:]:   # 四川省绵阳市是…，是…: the place the chain ends on (round blind-o)
            head = x if x.start == head.end and x.label == head.label == "Region" else head
        return head, bare

    def _describe(self, s, subj, metric: str, a: int, b: int, rule: str, taken: list, status: Status = ACTUAL) -> None:
        if subj is None or not subj.keys or b - a < 2 or any(x < b and a < y for x, y in taken):
            return
        value = self.text[a:b].rstrip("…")   # 是国家软件人才国际培训基地……: the list's trailing dots are no part (blind-o)
        if value[:1] in "“‘「\"" and value[-1:] in "”’」\"" and not re.search("[”’」\"]", value[1:-1]):
            value = value[1:-1]   # “三园协同…”: the slogan without its quotes, but not “国家-市-区县”三级…
        if value.startswith(("其", "这", "该", "此")):
            return   # 是其中的合作内容之一: a standing among things named elsewhere, not a description
        named = sum(x.end - x.start for x in self.mentions_in(a, b, ("Institution", "Enterprise", "GovernmentBody", "Region")))
        if named and len(re.sub(r"[和与及、，,\s]", "", value)) <= named:
            return   # 建成重庆软件园学院和重庆人才发展研究所: names of what is built, no description of the subject
        zh, en = gz.TEXT_METRICS.get(metric, (metric, metric))
        ca, _ = self.clause_bounds(s, a)
        fields = {"metric": metric, "metric_zh": zh, "metric_en": en, "value_text": value,
                  "as_of": self.as_of(s, ca, status), "status": status.value}
        self.observations.append(ObsFact(subj.key, fields, s.idx, (a, b), conf(rule), rule))
        taken.append((a, b))
