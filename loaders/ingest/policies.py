"""Policy rows (loaders/ingest/rules/facts.py): a policy's title, who issued it, the region it concerns, and a short
form an article declares for it (《计划》 after 《重庆市大数据行动计划》（以下简称“《计划》”）). Split from relations.py in
round blind-yg, when that module had reached 500 lines."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .linking import short_form
from .model import Mention
from .rules import conf, rx
from .whereabouts import PARKISH

# the bodies a title begins with (《北京市人民政府关于…的实施意见》, 《中共四川省委办公厅、四川省人民政府办公厅关于…》)
# a notice's heading, a line of its own: 北京市人民政府关于印发《…》的通知（京政发[2010]4号）
NOTICE_HEADING = re.compile(r"^\s*([\u4e00-\u9fff]{2,24}?关于(?:印发|转发)[^，。；：]{4,80}?的通知)(?:\s*[（(〔\[][^）)]{0,24}[）)\]])?\s*$")
# 《市委市政府关于…的意见》 / 省委省政府: the Party committee and the government of one place (round blind-xa, dev-ZZY)
PARTY_AND_GOVERNMENT = re.compile(r"([省市])委\1?政府")
TITLE_ISSUER = re.compile(r"(国务院|(?:中共)?[\u4e00-\u9fff]{2,20}?(?:人民政府|政府|委员会|厅|局|部)(?:办公厅|办公室)?)(?=、|关于)")


class PoliciesMixin:
    def _co_issuers(self, policy: Mention, issuers: list[Mention], s, b: int) -> None:
        """The bodies listed right before the issuer (A、B和C印发), each joined to the next by a list mark only
        (`policy-issuer-list`)."""
        for x in reversed(self.listed_run(issuers, lambda x: x.label == "GovernmentBody")[:-1]):
            self.rel(policy.key, "ISSUED_BY", x.key, s, (x.start, b), conf("policy-issuer-list"), "policy-issuer-list")

    def header_issuer(self, s, a: int) -> Mention | None:
        """A notice's header: the issuing body on a line of its own, then 关于印发《Y》的通知 (policy-header-issuer)."""
        prev = self.doc.sentences[s.idx - 1] if s.idx else None
        if prev is None or prev.para != s.para or not re.fullmatch(r"\s*关于(?:印发|转发)", self.text[s.start:a]):
            return None
        bodies = self.mentions_in(prev.start, prev.end, ("GovernmentBody",))
        return bodies[0] if len(bodies) == 1 and bodies[0].text == prev.text.strip() else None

    def notice_office(self, pos: int) -> Mention | None:
        """The general office (…人民政府办公厅, …办公室) the article names that is nearest `pos`: whose notice it is."""
        offices = [x for x in self.mentions if x.label == "GovernmentBody" and x.how == "pattern:office" and x.keys
                   and x.text.endswith(("办公厅", "办公室")) and "新闻办" not in x.text]
        return min(offices, key=lambda x: abs(x.start - pos), default=None)

    def rules_policies(self, s) -> None:
        for a, b, title in self.titles_by_sent.get(s.idx, ()):
            kind = gz.policy_kind(title)
            if kind is None:   # a book, a magazine, or a report whose release is an event
                self.report_released(s, a, b, title)
                continue
            row = "policy-title" if self.text[a] == "《" else \
                "policy-notice" if self.text[max(0, a - 4):a] in ("关于印发", "关于转发") else "policy-named"
            m = Mention(a, b, self.text[a:b], "Policy", s.idx, f"pattern:{row}", conf(row), title, {"kind": kind})
            self.register(m)
            issuers = self.mentions_in(s.start, a, ("GovernmentBody", "Institution", "Region"))
            issuer = issuers[-1] if issuers and rx("policy-issuer").search(self.text[issuers[-1].end:a]) else None
            by = "policy-issuer"
            approved = rx("policy-approved").match(self.text, b) if issuer is None else None
            if issuer is None and not approved and (issuer := self.header_issuer(s, a)) is not None:
                by = "policy-header-issuer"
            if approved:   # 《…规划》已经省政府同意，现印发给你们: the body that approved it issues it, unless the notice
                # is an office's the article names (its title, header or signature line): that office issues it
                office = self.notice_office(a)
                issuer = office or next(
                    iter(self.mentions_in(approved.start(1), approved.end(1), ("GovernmentBody",))[-1:]), None)
                by = "policy-approved-office" if office is not None else "policy-approved"
            if issuer is not None and issuer.label == "Region":   # 北京市印发《…》: its government, when known
                gov = self._government_of(issuer)
                issuer = Mention(issuer.start, issuer.end, issuer.text, "GovernmentBody", issuer.sent, issuer.how,
                                 issuer.conf, issuer.name, {}, [gov]) if gov else None
            dates = self.dates_in(issuer.end if issuer else s.start, a)
            rec = {"id": "", "name_zh": title, "name_en": self.english(title), "kind": kind}
            if issuer is not None:
                lvl = self.entities[issuer.key].record.get("level")
                lvl = {"central": "national"}.get(lvl, lvl) if lvl else None
                if lvl:
                    rec["level"] = lvl
            if dates:
                rec["issued_on"] = dates[-1].point
            m.keys = [self.policy_key(m, title, rec)]
            for d in self.__dict__.get("_plan_domains", {}).get(b, ()):   # 《X方案》，重点面向A、B等领域
                self.rel(m.key, "FOCUSES_ON", d.key, s, (d.start, d.end), conf("domain-focus-policy"), "domain-focus-policy")
            if self._title_issuers(m, s) and by == "policy-issuer":
                issuer = None   # the title names who issued it; the body before may only present it (发布会…解读)
            if issuer is not None:
                self.rel(m.key, "ISSUED_BY", issuer.key, s, (min(issuer.start, a), max(issuer.end, b)), conf(by), by)
                if by == "policy-issuer":   # 教育部、工业和信息化部、公安部联合印发《…》: each body listed issues it
                    self._co_issuers(m, issuers, s, b)
            self._notice_itself(m, s, issuer)
            released = self.policy_released(m, s, a, b, issuer if by == "policy-issuer" else None)
            self._policy_of_region(m.key, title, s, a, b, "policy-of-region-issued" if issuer is not None or released
                                   else "policy-of-region")
            for ev in [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and x.keys
                       and x.how in ("pattern:meeting", "pattern:meeting-held-after") and x.start <= a and b < x.end]:
                # 《重庆市数据条例》深入实施新闻发布会: the meeting named after the policy concerns it
                self.rel(ev.key, "CONCERNS", m.key, s, (ev.start, ev.end), conf("meeting-over-title"), "meeting-over-title")
            parks = self.mentions_in(s.start, s.end, PARKISH)
            if parks:
                for p in parks:
                    self.rel(m.key, "CONCERNS", p.key, s, (a, b), conf("policy-park"), "policy-park")
            elif re.search(r"园区|产业园", title):
                host = self.topic(s, a)
                if host is not None:
                    self.rel(m.key, "CONCERNS", host.key, s, (a, b), conf("policy-park-topic"), "policy-park-topic")

    def _notice_itself(self, policy: Mention, s, issuer: Mention | None) -> None:
        """北京市人民政府关于印发…指导意见的通知 standing as a line of its own (a policy page's heading): the notice is a
        policy too, issued by the body it begins with and concerning the policy it issues (`policy-notice-itself`;
        the read gold does so in three of the four such headings, round blind-yy, dev-ZZW)."""
        head = NOTICE_HEADING.match(s.text)
        if head is None or not (s.start + head.start(1) <= policy.start and policy.end <= s.start + head.end(1)):
            return
        a, b = s.start, s.start + head.end(1)
        name = self.text[a:b]
        n = Mention(a, b, name, "Policy", s.idx, "pattern:policy-notice-itself", conf("policy-notice-itself"), name,
                    {"kind": "notice"})
        self.register(n)
        n.keys = [self.policy_key(n, name, {"id": "", "name_zh": name, "name_en": self.english(name), "kind": "notice"})]
        self.rel(n.key, "CONCERNS", policy.key, s, (a, b), conf("policy-notice-itself"), "policy-notice-itself")
        if issuer is not None and issuer.start == a:
            self.rel(n.key, "ISSUED_BY", issuer.key, s, (a, b), conf("policy-notice-itself"), "policy-notice-itself")

    def policy_key(self, m: Mention, title: str, rec: dict) -> str:
        """The policy or report `title` names: the knowledge base's, else a new one with the record `rec`."""
        full = self.declared_policies().get(short_form(title))
        if full is not None and full != title:   # 按照《计划》 (or a headline's 《计划》) where …（以下简称“《计划》”）
            title, rec = full, {**rec, "name_zh": full, "name_en": self.english(full)}
            self.context_rows.add("short-form-declared")
        hit = self.kb.lookup(title, ("Policy",))
        return self.use_existing(hit[0], hit[1], m) if hit else self.use_new("Policy", rec, m)

    def declared_policies(self) -> dict[str, str]:
        """《重庆市大数据行动计划》（以下简称“《计划》”）: each short form a bracket right after a title declares, and the
        title it stands for, wherever in the article the short form is written (a headline may use it first)."""
        if "_declared_policies" not in self.__dict__:
            out: dict[str, str] = {}
            for a, b, title in (t for ts in self.titles_by_sent.values() for t in ts):
                if (d := rx("short-form-declared").match(self.text, b)) and d.group(1):
                    out.setdefault(short_form(d.group(1)), title)
            self.__dict__["_declared_policies"] = out
        return self.__dict__["_declared_policies"]

    def _title_issuers(self, policy: Mention, s) -> list[str]:
        """《北京市人民政府关于…的实施意见》: the bodies the title begins with issue the policy (`policy-title-issuer`)."""
        t0 = policy.start + (self.text[policy.start] == "《")
        keys, pos = [], t0
        while (body := TITLE_ISSUER.match(self.text, pos)) is not None:
            a, b = body.span(1)
            parts = [(a, b, body.group(1))]
            if pair := PARTY_AND_GOVERNMENT.fullmatch(body.group(1)):   # 市委市政府: two issuers, of the article's city
                place = self.article_place({"省": "province", "市": "city"}[pair.group(1)])
                if place is None or not place.endswith(pair.group(1)):
                    break
                parts = [(a, a + 2, f"中共{place}委"), (a + 2, b, f"{place}人民政府")]
            for x0, x1, name in parts:
                x = Mention(x0, x1, self.text[x0:x1], "GovernmentBody", s.idx, "pattern:policy-title-issuer",
                            conf("policy-title-issuer"), name, {})
                x.keys = [self.entity_key(x)]
                self.rel(policy.key, "ISSUED_BY", x.key, s, (policy.start, policy.end), conf("policy-title-issuer"),
                         "policy-title-issuer")
                keys.append(x.key)
            pos = body.end() + (self.text[body.end()] == "、")
        return keys

    def _policy_of_region(self, key: str, title: str, s, a: int, b: int, row: str = "policy-of-region") -> None:
        """《湖南省“十四五”信息化发展规划》: the province or city the title begins with; surer when the
        sentence issues or releases the policy (`policy-of-region-issued`) than when it only cites it."""
        # 关于北京城市副中心…细则 / “十四五”时期北京经济技术开发区…规划: the place after 关于 or a plan period
        title = re.sub(r"^(?:关于|“?十[一二三四五六七八九]五”?(?:时期)?)+", "", title)
        known = next((h for k in range(min(len(title), 12), 2, -1)   # a zone data/ knows (北京经济技术开发区)
                      if (h := self.kb.lookup_exact(title[:k], ("Region",))) is not None), None)
        if known is not None and known.record.get("kind") in ("zone", "district"):
            self.rel(key, "CONCERNS", self.use_existing(known, "name", None), s, (a, b), conf(row), row)
            return
        n = self.region_prefix(title)
        # 《北京城市副中心科技创新…行动计划》: the zone the article names that the title begins with, not 北京 (round blind-zm)
        if own := max((m for m in self.mentions if m.label == "Region" and m.keys and title.startswith(m.text) and len(m.text)
                       > len(n or "") and self.entities[m.key].record.get("kind") in ("zone", "area")), key=lambda m: len(m.text), default=None):
            self.rel(key, "CONCERNS", own.key, s, (a, b), conf(row), row)
            return
        if n is not None and re.match(r"[\u4e00-\u9fff]{0,12}?(?:人民政府|政府|委员会|厅|局)(?:办公厅|办公室)?关于", title[len(n):]):
            return   # 《湖南省人民政府关于…的意见》: the place begins the issuer's name, not what the policy concerns
        if n is not None:
            code, full, kind = self._builtin_regions[n]
            if kind in ("province", "municipality", "city", "district"):
                place = self.region_key(full, None)
                if place:
                    self.rel(key, "CONCERNS", place, s, (a, b), conf(row), row)
