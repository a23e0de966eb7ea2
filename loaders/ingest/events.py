"""Event rows: what happened (approval, unveiling, signing and moving in, groundbreaking, opening,
completion; meetings, forums and press conferences), with its date, place and participants."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .model import DateMention, Mention, is_contest
from .relations import ORG_LABELS
from .event_places import NAME_HEAD, NATIONWIDE, EventPlacesMixin  # noqa: F401  (NAME_HEAD re-exported)
from .event_refs import BACK_REFERENCE, EventRefsMixin, meeting_of_session, same_meeting, meeting_word
from .rules import conf, rx


# a clause after 由A主办/指导 that names more organisers: ，B、C联合主办 / ，D承办 / 、B主办 (由A指导、B主办: round blind-ze)
ORGANISER_CLAUSE = re.compile(r"[，,、]([^。；，,]{2,80}?)(?:共同|联合)?(主办|承办|协办|支持|指导)")

# what may follow a trigger: the end of a clause, 成为/为, 的 (在北京揭牌的…), a colon (项目开工：), 仪式
# 交流会上， / 论坛上， / 会上， at the start of a sentence: what follows happened at that meeting
AT_MEETING = re.compile(r"^([\u4e00-\u9fff]{0,10}(?:会|论坛|峰会|大赛))上[，,]")
CEREMONY_HEAD = re.compile(r"^(?:在)?(?:本次|此次)?(?:开幕式|启动仪式|仪式)上[，,]")   # 开幕式上，…: at the ceremony named last
# 开工建设, 揭牌成立, 正式投入运营: the trigger goes on as one verb phrase
AFTER_TRIGGER = re.compile(r"^(?:[，。；,;：:、]|成为|为|的|仪式|典礼|活动|建设|成立|运营|运行|投产|$)")


class EventsMixin(EventPlacesMixin, EventRefsMixin):
    def rules_events(self, s) -> None:
        for m in rx("event-subject").finditer(s.text):
            pos = s.start + m.start()
            end = s.start + m.end()
            kind = gz.EVENT_TRIGGERS[m.group()]
            after = self.text[end:end + 2]
            ca, cb = self.clause_bounds(s, pos)
            if kind == "approval" and rx("event-approval-of").match(self.text, end):
                self.approval_of(s, m.group(), pos, end, ca, cb)
                continue
            if after and end < s.end and not AFTER_TRIGGER.match(after):
                continue  # 获批首批…试验区: a designation, not an event
            if any(e.label == "Event" and e.start <= pos < e.end for e in self.sent_mentions(pos)):
                continue  # 举办湘商回归集中签约活动: the trigger of a named activity, held already (round blind-y)
            if re.search(r"会场(?:放|设|设置|安排)在", self.text[ca:pos]):
                continue  # 主会场放在…项目开工活动现场: where the event named before was held, not a second one (round blind-zi)
            if re.search(r"[、，][\u4e00-\u9fff]{1,2}$", self.text[max(s.start, pos - 3):pos]) and after[:1] in ("、", "，"):
                continue  # 院士李国杰、李建成、卢锡城: a name in a list of names, not a completion
            projects = [x for x in self.mentions_in(ca, pos) if x.attrs.get("project")]
            dates = self.dates_in(ca, pos) or self.dates_in(s.start, pos)
            date = dates[-1] if dates else None
            if projects:
                names = "、".join(self.entities[x.key].record["name_zh"] for x in projects)
                future = bool(rx("status-forecast").search(self.text, s.start, pos + 2)
                              or re.search(r"将|计划|力争", self.text[s.start:pos + 2]))
                name = f"{names}等重大项目{gz.EVENT_NAME_WORD.get(kind, m.group())}" + ("（预计）" if future else "")
                en = ", ".join(self.entities[x.key].record["name_en"] for x in projects)
                key = self.event(kind, name, {x.key for x in projects}, date, s, projects[0].start, end,
                                 "event-project-list",
                                 note=("expected" + (f" by {date.text}" if date else "")) if future else None,
                                 name_en=f"{gz.EVENT_NAME_EN.get(kind, 'Event')} of major projects ({en})"
                                 + (" (expected)" if future else ""))
                for x in projects:
                    self.rel(key, "CONCERNS", x.key, s, (x.start, end), conf("event-project-list"), "event-project-list")
                continue
            if kind == "signing" and self.signed_at_ceremony(
                    s, ca, self.mentions_in(ca, pos, ("Enterprise", "Institution", "GovernmentBody"))):
                continue
            subj = self.mentions_in(ca, pos, ORG_LABELS)
            if not subj and after.startswith("的"):   # 在北京揭牌的国家网络安全产业园区（…）: the subject follows
                # right after 的; 此次签约的项目有A、B: what the signing brought, not who signed (round blind-y)
                subj = [x for x in self.mentions_in(end, cb, ORG_LABELS)[:1] if x.start == end + 1]
            if not subj:
                host = self.topic(s, pos) if self.park_word(s, pos) else None
                subj = [host] if host is not None else []
            how = "event-subject"
            if not subj and kind == "unveiling":   # 中关村大数据产业园在海淀区正式挂牌成立: a local park or zone, not the district
                subj = [x for x in self.mentions_in(ca, pos, ("Region",))
                        if self.entities[x.key].record.get("kind") in ("zone", "area")][:1]
            if not subj and kind in ("groundbreaking", "opening", "completion", "signing"):
                # 长沙高新区…重大项目集中开工: the zone or place whose projects broke ground (event-of-place); 湖南湘江新区的
                # 重大产业项目在北京签约: the place whose projects were signed, a party to it (round blind-y)
                subj = [x for x in self.mentions_in(ca, pos, ("Region",)) if not x.attrs.get("members")
                        and (kind != "signing" or "项目" in self.text[x.end:pos])][-1:]
                how = "event-of-place"
            if not subj:
                continue
            subj = subj[-1]
            if "等" in self.text[subj.end:pos]:
                continue   # A、B等16家企业…签约: many did it; a name made from the last one would be wrong
            if kind == "signing" and re.search(r"就[^，。；、]{0,8}$", self.text[max(ca, subj.start - 10):subj.start]):
                continue   # 就共建…中心签约: what they signed about, not who signed
            # 湖南网讯通科技发展有限公司产业园项目在…开工: the firm's project broke ground, named so (round blind-yi, dev-ZZG)
            proj = re.match(r"[\u4e00-\u9fff]{0,6}?项目", self.text[subj.end:pos]) if subj.label == "Enterprise" else None
            name = self.entities[subj.key].record["name_zh"] + (proj.group() if proj else "") + gz.EVENT_NAME_WORD.get(kind, m.group())
            key = self.event(kind, name, {subj.key}, date, s, min(subj.start, pos), end, how,
                             name_en=f"{gz.EVENT_NAME_EN.get(kind, 'Event')} of the {self.entities[subj.key].record['name_en']}")
            # a firm or body that signs is a party to the signing (rule event-signing-party), not its subject
            party = kind == "signing" and subj.label in ("Enterprise", "Institution", "GovernmentBody", "Region")
            self.rel(key, "PARTICIPANT" if party else "CONCERNS", subj.key, s,
                     (min(subj.start, pos), max(subj.end, end)),
                     conf("event-signing-party" if party else how),
                     "event-signing-party" if party else how, role="party (签约)" if party else None)
            if kind == "approval":   # 园区获工业和信息化部批复: the body between 获 and the trigger approved it
                for g in self.mentions_in(subj.end, pos, ("GovernmentBody",))[-1:]:
                    if re.search(r"[获经由][^，。；]{0,4}$", self.text[subj.end:g.start]) and not self.text[g.end:pos].strip("的正式"):
                        self.rel(key, "PARTICIPANT", g.key, s, (g.start, end), conf("event-approval-by"), "event-approval-by",
                                 role=f"approver ({m.group()})")
            self.event_place(key, s, ca, cb)
        self.founded(s)
        self.rules_agreements(s)
        # meetings the park held: 举办A、B等活动
        for ev in [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and not x.keys]:
            # 网络安全博览会 in an article that names 2023年网络安全博览会: that one (rule event-full-name)
            full = self.full_event_name(ev.name) if ev.how not in ("pattern:event-named", "pattern:event-series") else None
            if full:
                ev.name = full
                self.context_rows.add("event-full-name")
            ca, cb = self.clause_bounds(s, ev.start)
            # 长沙市召开…发布会 / 省委网信办主办…: who held it, named right before the verb
            verb = re.search(r"(召开|举办|主办|承办|举行)了?[^，。；]{0,4}$", self.text[ca:ev.start])
            organisers = []
            if verb:
                v = ca + verb.start()
                places = {(r.start, r.end) for r in self.mentions_in(ca, v, ("Region",))}
                venues = {(a, b) for a, b in places if self.text[a - 1:a] == "在"}   # 在京: where, not who
                organisers = [x for x in self.mentions_in(ca, v, ORG_LABELS + ("GovernmentBody", "Region"))
                              if not x.attrs.get("members") and not x.attrs.get("outlet")
                              and (x.start, x.end) not in venues][-1:]
                organisers = [x for x in organisers if x.label not in ("Park", "SubPark")]   # a park: rows below
                # 王刚在9日举行的…论坛上透露: who speaks at a meeting held (by someone) on the 9th; 协会在京举行: who held it
                organisers = [x for x in organisers if "在" not in self.text[x.end:v] or self._at_place(x.end, v, places)]
                if not organisers and not self.mentions_in(ca, v) and ca > s.start:
                    organisers = self._sentence_subject(s, ca)
            founded = next((x for x in self._by_sent.get(s.idx, ()) if x.how == "pattern:event-founded" and x.keys
                            and ca <= x.start < cb), None)
            if ev.name == "成立大会" and founded is not None:   # X在京举行成立大会: the founding, found already
                ev.keys = list(founded.keys)
                continue
            if ref := BACK_REFERENCE.match(ev.name):   # 本届展会筹备工作会议 after …电子展展会筹备工作会议: that one
                same = self._event_for(s, ev.start, 12, lambda x, tail=ev.name[ref.end():]: same_meeting(x.name, tail)) \
                    or self._event_for(s, ev.start, 12, lambda x, w=meeting_word(ev.name): bool(w) and w in x.name)
                if same is None and len(ev.name) - ref.end() <= 6 and not re.search(r"[“”\d]", ev.name):
                    continue   # 主办了此次产业峰会, no 峰会 named before: a description, no name (round blind-ze)
                if same is not None:   # 此次产业峰会 after 智能传感器产业峰会暨…活动: the one whose name holds its word
                    ev.keys = list(same.keys)
                    self.context_rows.add("event-back-reference")
            if ev.name in gz.GENERIC_MEETINGS and organisers and organisers[0].label != "Region":
                # 协会在京举行成立大会: the meeting is its organiser's (`meeting-of-organiser`)
                ev.name = (self.entities[organisers[0].key].record.get("name_zh") or organisers[0].text) + ev.name
                self.context_rows.add("meeting-of-organiser")
            if ev.how == "pattern:meeting-list-part" and ev.name in ("开幕式", "闭幕式") and (
                    whole := self._whole_event(ev, s)) is not None:
                ev.name = (self.entities[whole.key].record.get("name_zh") or whole.name) + ev.name   # …宣传周开幕式
            hit = self.kb.lookup(ev.name, ("Event",))
            if ev.keys:
                pass   # the meeting referred back to (event-back-reference): no event of its own
            elif hit:
                ev.keys = [self.use_existing(hit[0], hit[1], ev)]
            else:
                rec = {"id": "", "name_zh": ev.name, "name_en": self.english(ev.name), "kind": ev.attrs.get("kind", "other")}
                dates = self.dates_in(s.start, ev.start)
                # 2023长沙网络安全大会于9月11日在长沙开幕: the date right after the name, where none is before it (event-date-after)
                if dates:
                    rec["date"] = dates[-1].point
                elif after := [d for d in self.dates_in(ev.end, cb) if re.fullmatch(r"\s*(?:于|已于|将于)?\s*", self.text[ev.end:d.start])]:
                    rec["date"] = after[0].point
                    self.context_rows.add("event-date-after")
                ev.keys = [self.use_new("Event", rec, ev)]
            for o in organisers:
                self.rel(ev.key, "PARTICIPANT", o.key, s, (o.start, ev.end), conf("event-organiser"), "event-organiser",
                         role=f"organiser ({verb.group(1)})")
            self.event_place(ev.key, s, ca, cb, "event-place")
            if ev.how == "pattern:meeting-list-part":
                self._part_place(ev, s)
            self.place_in_name(ev, s)
            self.subject_in_name(ev, s)
            host = self.topic(s, ev.start)
            if host is not None and not organisers:
                self.rel(ev.key, "CONCERNS", host.key, s, (ev.start, ev.end), conf("event-meeting"), "event-meeting")
                self.rel(ev.key, "PARTICIPANT", host.key, s, (ev.start, ev.end), conf("event-meeting-participant"),
                         "event-meeting-participant", role="organiser (举办)")
        self.mass_signing(s)
        # …启动仪式在天心区举行，省委网信办主任周湘、…出席: the bodies whose officials attended take part
        att = re.search(r"出席|参加|致辞", s.text)
        self.attended_back(s)
        self.attendees_from(s)
        self.organised_by(s)
        self.organiser_units(s)
        self.contest_teams(s)
        self.speakers(s)
        self.drew(s)
        if att:
            evs = [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and x.keys and x.start < s.start + att.start()]
            if evs:
                ev = evs[-1]
                for x in self.mentions_in(ev.end, s.start + att.start(), ("GovernmentBody", "Institution", "Enterprise")):
                    self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-attended"), "event-attended",
                             role=f"attended ({att.group()})")
        self.attended_last(s)
        # 交流会上，A、B等16家企业…: those named take part in the meeting the text last named
        at = AT_MEETING.match(s.text)
        self.__dict__.setdefault("_at_meeting", {})
        # the sentences after it in the same paragraph (交流会上，A…签约；B…签约；C…签订协议) go on
        if at is None and s.idx and self.doc.sentences[s.idx - 1].para == s.para:
            at = self._at_meeting.get(s.idx - 1)
        if at is not None:
            self._at_meeting[s.idx] = at
        if at:
            ev = self.last_meeting(s, at.group(1))
            if ev is not None:
                for x in self.mentions_in(s.start, s.end, ("Enterprise", "Institution")):
                    self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-at-meeting"),
                             "event-at-meeting", role=f"named at the meeting ({at.group()})")

    def attendees_from(self, s) -> None:
        """来自A、B…等企业的代表齐聚一堂: where the representatives came from takes part in the event the
        sentence names (the last one before the phrase, else the first after it)."""
        evs = [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and x.keys]
        for m in rx("event-attendees-from").finditer(s.text):
            a, b = s.start + m.start(1), s.start + m.end(1)
            before = [x for x in evs if x.end <= s.start + m.start()]
            after = [x for x in evs if x.start >= s.start + m.end()]
            ev = before[-1] if before else (after[0] if after else None)
            if ev is None:
                continue
            for x in self.mentions_in(a, b, ("GovernmentBody", "Institution", "Enterprise")):
                self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-attendees-from"),
                         "event-attendees-from", role="represented (来自…的代表)")

    def organised_by(self, s) -> None:
        """大会由工业和信息化部、湖南省人民政府共同主办: the bodies and firms between 由 and 主办 organise the
        event the sentence names, else the one named last in the two sentences before (same paragraph)."""
        for m in rx("event-organised-by").finditer(s.text):
            here = [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and x.keys
                    and not (s.start + m.start(1) <= x.start < s.start + m.end(1))]
            ev = None
            if here:
                ev = min(here, key=lambda x: abs(x.start - (s.start + m.start())))
            elif re.search(r"(?:本次|本届|此次|这次)[^，。；]{0,6}$", s.text[:m.start()]):
                ev = self.latest_event_before(s, 4)   # 本次大会由…主办 may open the next paragraph
                if ev is not None and s.text[:m.start()].endswith("活动"):
                    ev = self.whole_of(ev, s)   # 本次活动: the whole of which the contest named last is a part
            else:
                ev = self.latest_event_before(s, 2, same_para=True)
            if ev is None:
                continue
            spans = [(s.start + m.start(1), s.start + m.end(1), m.group(2))]
            # …主办，C、D和E承办 / 由A指导，B、C联合主办，D承办: the clauses after it name more organisers,
            # without a 由 of their own
            end = m.end()
            while more := ORGANISER_CLAUSE.match(s.text, end):
                spans.append((s.start + more.start(1), s.start + more.end(1), more.group(2)))
                end = more.end()
            for a, b, verb in spans:
                for x in self.mentions_in(a, b, ("GovernmentBody", "Institution", "Enterprise")):
                    self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-organised-by"),
                             "event-organised-by", role=f"organiser ({verb})")

    def organiser_units(self, s) -> None:
        """主办单位：A、B / 本次活动的联合举办单位有A、B: the bodies and firms listed organise the event named
        before the phrase in the sentence, else the one named last in the four sentences before."""
        for m in rx("event-organiser-units").finditer(s.text):
            ev = self._event_for(s, s.start + m.start(), 4)
            if ev is None:
                continue
            for x in self.mentions_in(s.start + m.start(2), s.start + m.end(2), ("GovernmentBody", "Institution", "Enterprise")):
                self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-organiser-units"),
                         "event-organiser-units", role=f"organiser ({m.group(1)})")

    def _at_place(self, a: int, b: int, places: set[tuple[int, int]]) -> bool:
        """Is text[a:b] 在 and a place (在京, 在长沙, 在成都市): where the organiser held it, not a second actor?"""
        where = self.text[a + 1:b]
        return self.text[a:a + 1] == "在" and ((a + 1, b) in places or where in gz.CITY_ONE_CHAR
                                               or (bool(where) and self.region_prefix(where) == where))

    def contest_teams(self, s) -> None:
        """来自A、B等高校的代表队 / A的X战队: who sent a team takes part in the contest (`event-teams-from`,
        `event-team-of`); the places teams came from (来自湖北、湖南…的100支队伍) too."""
        for m in rx("event-teams-from").finditer(s.text):
            ev = self._event_for(s, s.start + m.start(), 12, is_contest)
            if ev is None:
                continue
            for x in self.mentions_in(s.start + m.start(1), s.start + m.end(1), ORG_LABELS + ("GovernmentBody", "Region")):
                if x.label not in ("Park", "SubPark") and not x.attrs.get("members") and x.text not in NATIONWIDE:
                    self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-teams-from"),
                             "event-teams-from", role="sent a team")
        for x in self.mentions_in(s.start, s.end, ("Institution", "Enterprise")):
            if rx("event-team-of").match(self.text, x.end, s.end):
                ev = self._event_for(s, x.start, 12, is_contest)
                if ev is not None:
                    self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-team-of"), "event-team-of",
                             role="sent a team")

    def speakers(self, s) -> None:
        """A副院长B作主旨报告 / A秘书长B对活动作了总结: the body whose officer speaks takes part in the meeting
        named before in the sentence or last in the three sentences before (`event-speaker`)."""
        for x in self.mentions_in(s.start, s.end, ("Institution", "Enterprise", "GovernmentBody")):
            title = gz.OFFICER_TITLE_RX.match(self.text, x.end, s.end)
            if title is None or not rx("event-speaker").match(self.text, title.end(), s.end):
                continue
            ev = self._event_for(s, x.start, 3)
            if ev is not None:
                self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-speaker"), "event-speaker",
                         role=f"speaker ({self.text[title.start():title.end()]})")

    def attended_last(self, s) -> None:
        """A、B的领导到会并致辞 / …院长X，…董事长Y到会或通过视频方式参会, no event named in the sentence: the bodies,
        institutions and firms it names take part in the meeting named last in the three sentences before, in
        its paragraph or the one before (`event-attended-last`)."""
        if not (m := rx("event-attended-last").search(s.text)) or any(
                x.label == "Event" and x.keys for x in self._by_sent.get(s.idx, ())):
            return
        # a meeting (到会 / 参会: 会, 论坛, 仪式…), not a contest or a signing named since; what they witness (一同见证)
        # is whatever was done last: a plaque, a signing
        ev = self.latest_event_before(s, 3, lambda x: bool(m.group("witness")) or gz.meeting_core(x.name).endswith(
            ("会", "论坛", "峰会", "仪式", "开幕式", "活动", "宣传周")))
        if ev is None or s.para - self.doc.sentences[ev.sent].para > 1:
            return
        for x in self.mentions_in(s.start, s.end, ("GovernmentBody", "Institution", "Enterprise")):
            if not x.attrs.get("members"):
                self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-attended-last"),
                         "event-attended-last", role="attended")

    def attended_back(self, s) -> None:
        """Who took part in a meeting named by the verb's object: the bodies and firms named before
        参加/出席/主持 “the ceremony”, or before 在…上 + 致辞/透露/发布, take part in the event named
        inside 在…上 (在9日举行的…论坛上透露), else in the one that word refers back to — named earlier in
        the sentence or last in the twelve sentences before, its name ending as the word does (王刚参加
        启动仪式并讲话, 在会上发布). A body right after 齐聚/在/来到 is where they met, not who."""
        here = [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and x.keys]
        for row, m in [(r, m) for r in ("event-attended-back", "event-speaker-after") for m in rx(r).finditer(s.text)]:
            ev = None
            # 在…论坛上，A的主任B表示: the meeting is before the comma, who went after it (event-speaker-after)
            end = m.start("who") if row == "event-speaker-after" else m.end()
            inside = [x for x in here if s.start + m.start() <= x.start and x.end <= s.start + end]
            if inside:      # 在…举行的…论坛上透露: the meeting named inside
                ev = inside[-1]
            # read as 在…论坛上表示, so the word that refers back and the verb are found as for event-attended-back
            said_ = m.group() if row == "event-attended-back" else \
                s.text[m.start():end].rstrip("，,").replace("”", "") + s.text[m.end("who"):m.end()]
            head = re.search(r"(仪式|启动式|开幕式|典礼|会议|大会|论坛|峰会|活动|发布会|座谈会|交流会|决赛|初赛|复赛|大赛|比赛|签约|签字|会)(?:上.{1,5})?$", said_)
            # else the meeting the word refers back to (启动式 → …启动仪式, 会上 → …发布会): named earlier in
            # this sentence, or last in the twelve before (a speech of 4 points between: 一是…；二是…)
            if ev is None and head:
                # 在启动式上说: the opening of whatever event it was; 在发布会上: a 发布会, not the 博览会 named since
                def ends(x, w=head.group(1), any_event=head.group(1) in ("启动式", "开幕式", "仪式", "典礼")) -> bool:
                    # 见证了签约; 在发布会上 after …系列主题发布会沙坪坝专场: a session of that meeting (round blind-zg)
                    return any_event or meeting_of_session(x.name).endswith(w) or (w in ("签约", "签字") and "签" in x.name)
                before = [x for x in here if x.end <= s.start + m.start() and ends(x)]
                ev = max(before, key=lambda x: x.start) if before else self.latest_event_before(s, 12, ends)
            if ev is None:
                continue
            verb = re.match(r"出席|参加|参观|见证|主持|(?:一同|共同|一起)(?:启动|开启|宣布开幕)", said_) or re.search(r"上(.{1,5})$", said_)
            said = verb.group(verb.lastindex or 0)
            who = (s.start + m.start("who"), s.start + m.end("who")) if row == "event-speaker-after" else (s.start, s.start + m.start())
            for x in self.mentions_in(*who, ("GovernmentBody", "Institution", "Enterprise")):
                venue = re.search(r"(?:齐聚|汇聚|聚首|来到|走进|在|于)$", self.text[max(s.start, x.start - 2):x.start])
                # 中国工程院院士陈左宁: an academician's honour, no office the academy sends (round blind-ye, dev-ZZC)
                honour = self.text.startswith("院士", x.end)
                if not x.attrs.get("members") and not venue and not honour:   # 齐聚长沙…中心: where they met, not who
                    self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf(row), row, role=f"attended ({said})")

    def rules_agreements(self, s) -> None:
        """工信部和北京市正式签署共同打造…的协议 → the signing “工信部和北京市签署共同打造…协议”, its
        parties taking part (`event-agreement`)."""
        for m in rx("event-agreement").finditer(s.text):
            a = s.start + m.start()
            # A与B下属C签署…: B is C's parent, not a party
            parties = [x for x in self.mentions_in(s.start + m.start(1), s.start + m.end(1),
                                                   ORG_LABELS + ("GovernmentBody", "Region"))
                       if not x.attrs.get("members") and not re.match(r"下属|旗下|所属", self.text[x.end:x.end + 2])
                       and not (x.label == "Region" and self.text[x.start - 1:x.start] == "在")]   # 在长沙签署: where (round blind-zm)
            if len(parties) < 2 or self.signed_at_ceremony(s, a, parties):
                continue
            # named from the first party on (西北工业大学就已和…: not the adverbs between)
            name = f"{self.text[parties[0].start:s.start + m.end(1)]}签署{m.group(2)}{m.group(3)}"
            name = re.sub(r"(?<=[\u4e00-\u9fff])(?:就已|已经|就|已|正式)(?=和|与)", "", name)
            dates = self.dates_in(s.start, a + len(m.group()))
            key = self.event("signing", name, {x.key for x in parties}, dates[-1] if dates else None, s,
                             s.start + m.start(1), s.start + m.end(), "event-agreement")
            for x in parties:
                self.rel(key, "PARTICIPANT", x.key, s, (x.start, s.start + m.end()), conf("event-agreement"),
                         "event-agreement", role="party (签署)")

    def mass_signing(self, s) -> None:
        """项目集中签约 / 会上19个重大项目现场签约 after a meeting → that meeting's signing (`event-mass-signing`);
        run after the sentence's meetings are events, so a meeting named in the same sentence is found."""
        for m in rx("event-mass-signing").finditer(s.text):
            # 开幕式上，…项目集中签约: the signing at the opening ceremony the text named last
            ceremony = self.last_meeting(s, "式") if CEREMONY_HEAD.match(s.text) else None
            ev = self.last_meeting(s, "会") or ceremony or next((x for x in self._by_sent.get(s.idx, ())
                                                      if x.label == "Event" and x.keys and x.start < s.start + m.start()
                                                      and x.attrs.get("kind") == "meeting"), None)
            if ev is None:
                self.signing_alone(s, s.start + m.start(), s.start + m.end())
                continue
            a, b = s.start + m.start(), s.start + m.end()
            name = self.entities[ev.key].record["name_zh"] + "项目集中签约"
            dates = self.dates_in(s.start, a)
            key = self.event("signing", name, set(), dates[-1] if dates else None, s, a, b, "event-mass-signing")
            self.rel(key, "PART_OF", ev.key, s, (a, b), conf("event-mass-signing"), "event-mass-signing")
            # …等89家单位参展，A、B等18个项目集中签约: who signed is after the last comma before the signing (round blind-yw,
            # dev-ZZU; a sentence never holds ；, which ends one, and clause_bounds would also cut at a colon)
            for x in self.mentions_in(max(s.start, self.text.rfind("，", s.start, a) + 1), a):
                if x.attrs.get("project"):     # the projects signed
                    self.rel(key, "CONCERNS", x.key, s, (x.start, b), conf("event-mass-signing"), "event-mass-signing")
                elif x.label in ("Enterprise", "Institution"):
                    self.rel(key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-mass-signing"),
                             "event-mass-signing")

    def signing_alone(self, s, a: int, b: int) -> None:
        """40个…项目集中签约落户重庆沙坪坝 with no meeting at hand: a signing of its own, named by its clause (from its
        count or subject to the place it settles in), which the clause's figures describe (`event-mass-signing-alone`;
        round blind-zq, dev-ZQ: the read gold holds 14 signings the rules missed, most of them standing alone)."""
        ca, cb = self.clause_bounds(s, a)
        if any(x.label == "Event" and x.start < b for x in self.mentions) or re.search(r"本次|此次|这次|本届", self.text[ca:a]):
            return   # a meeting or signing named before (or inside: …集中签约仪式) is the one it belongs to; 本次 refers back
        count = re.search(r"[\d一二三四五六七八九十两]+个[^，。；]*$", self.text[ca:a])
        start = ca + count.start() if count else ca
        place = re.match(r"落户[^，。；]{2,12}?(?=[，。；,]|$)", self.text[b:cb])
        end = b + place.end() if place else b
        if end - start < 4:
            return
        dates = self.dates_in(s.start, b)
        self.event("signing", self.text[start:end], set(), dates[-1] if dates else None, s, start, end,
                   "event-mass-signing-alone")
        self.context_rows.add("event-mass-signing-alone")

    def approval_of(self, s, trigger: str, pos: int, end: int, ca: int, cb: int) -> None:
        """工信部复函同意国家网络安全产业园区（长沙）建设: the approval of the park named after the
        trigger (`event-approval-of`); the body named before it takes part as the approver."""
        subj = [x for x in self.mentions_in(end, cb, ORG_LABELS) if not x.attrs.get("members")][:1]
        if not subj:
            return
        x = subj[0]
        dates = self.dates_in(ca, cb) or self.dates_in(s.start, pos)
        rec = self.entities[x.key].record
        key = self.event("approval", rec["name_zh"] + gz.EVENT_NAME_WORD["approval"], {x.key}, dates[-1] if dates else None,
                         s, pos, x.end, "event-approval-of",
                         name_en=f"{gz.EVENT_NAME_EN['approval']} of the {rec['name_en']}")
        self.rel(key, "CONCERNS", x.key, s, (pos, x.end), conf("event-approval-of"), "event-approval-of")
        for g in self.mentions_in(ca, pos, ("GovernmentBody", "Institution"))[-1:]:
            self.rel(key, "PARTICIPANT", g.key, s, (g.start, end), conf("event-approval-of"), "event-approval-of",
                     role=f"approver ({trigger})")
        self.event_place(key, s, ca, cb)

    def drew(self, s) -> None:
        """吸引了湖南、湖北等多个地区的团队参与: those listed take part in the event the sentence is about — named in it,
        or the one named last in the sentence before (`event-drew`)."""
        for m in rx("event-drew").finditer(self.text, s.start, s.end):
            evs = [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and x.keys and x.start < m.start()]
            ev = evs[-1] if evs else self.latest_event_before(s, 1, same_para=True)
            if ev is None:
                continue
            for x in self.mentions_in(m.start(1), m.end(1), ("Region", "Enterprise", "Institution", "GovernmentBody")):
                self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-drew"), "event-drew",
                         role=f"drawn ({m.group(2)})")

    def _part_place(self, ev, s) -> None:
        """A meeting an event includes is where that event is (`event-part-place`)."""
        whole = self._whole_event(ev, s)
        if whole is None:
            return
        for r in [r for r in self.relations if r.frm == whole.key and r.type == "LOCATED_IN"]:
            self.rel(ev.key, "LOCATED_IN", r.to, s, (ev.start, ev.end), conf("event-part-place"), "event-part-place")

    def _sentence_subject(self, s, before: int) -> list:
        """The body that opens one of the clauses before `before` in its sentence — the subject a later
        clause goes on with (湖南网信办迅速行动，召开室务会; X组织各协会，召开了…会议) — as a one-item list,
        else none. Only an agent: a place opening a clause is where, not who (`meeting-subject-before`)."""
        for x in self.mentions_in(s.start, before, ORG_LABELS + ("GovernmentBody",)):
            if self.clause_bounds(s, x.start)[0] == x.start and not x.attrs.get("members") \
                    and x.label not in ("Park", "SubPark", "Region"):
                self.context_rows.add("meeting-subject-before")
                return [x]
        return []

    def event(self, kind: str, name: str, concerns: set[str], date: DateMention | None, s, a: int, b: int, rule: str,
              note: str | None = None, name_en: str | None = None) -> str:
        point = date.point if date else None
        hit = self.kb.find_event(kind, concerns, point)
        m = Mention(a, b, self.text[a:b], "Event", s.idx, f"pattern:{rule}", conf("event-trigger"), name, {"kind": kind})
        self.register(m)
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
