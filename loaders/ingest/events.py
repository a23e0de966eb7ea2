"""Event rows: what happened (approval, unveiling, signing and moving in, groundbreaking, opening,
completion; meetings, forums and press conferences), with its date, place and participants."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .model import DateMention, Mention
from .relations import ORG_LABELS
from .rules import conf, rx

# what may follow a trigger: the end of a clause, 成为/为, 的 (在北京揭牌的…), a colon (项目开工：), 仪式
AFTER_TRIGGER = re.compile(r"^(?:[，。；,;：:、]|成为|为|的|仪式|活动|$)")


class EventsMixin:
    def rules_events(self, s) -> None:
        for m in rx("event-subject").finditer(s.text):
            pos = s.start + m.start()
            end = s.start + m.end()
            kind = gz.EVENT_TRIGGERS[m.group()]
            after = self.text[end:end + 2]
            if after and end < s.end and not AFTER_TRIGGER.match(after):
                continue  # 获批首批…试验区: a designation, not an event
            ca, cb = self.clause_bounds(s, pos)
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
            subj = self.mentions_in(ca, pos, ORG_LABELS)
            if not subj and after.startswith("的"):   # 在北京揭牌的国家网络安全产业园区（…）: the subject follows
                subj = self.mentions_in(end, cb, ORG_LABELS)[:1]
            if not subj:
                host = self.topic(s, pos) if self.park_word(s, pos) else None
                subj = [host] if host is not None else []
            if not subj:
                continue
            subj = subj[-1]
            name = self.entities[subj.key].record["name_zh"] + gz.EVENT_NAME_WORD.get(kind, m.group())
            key = self.event(kind, name, {subj.key}, date, s, min(subj.start, pos), end, "event-subject",
                             name_en=f"{gz.EVENT_NAME_EN.get(kind, 'Event')} of the {self.entities[subj.key].record['name_en']}")
            self.rel(key, "CONCERNS", subj.key, s, (min(subj.start, pos), max(subj.end, end)), conf("event-subject"),
                     "event-subject")
            self.event_place(key, s, ca, cb)
        # meetings the park held: 举办A、B等活动
        for ev in [x for x in self._by_sent.get(s.idx, ()) if x.label == "Event" and not x.keys]:
            hit = self.kb.lookup(ev.name, ("Event",))
            if hit:
                ev.keys = [self.use_existing(hit[0], hit[1], ev)]
            else:
                rec = {"id": "", "name_zh": ev.name, "name_en": self.english(ev.name), "kind": ev.attrs.get("kind", "other")}
                dates = self.dates_in(s.start, ev.start)
                if dates:
                    rec["date"] = dates[-1].point
                ev.keys = [self.use_new("Event", rec, ev)]
            host = self.topic(s, ev.start)
            if host is not None:
                self.rel(ev.key, "CONCERNS", host.key, s, (ev.start, ev.end), conf("event-meeting"), "event-meeting")
                self.rel(ev.key, "PARTICIPANT", host.key, s, (ev.start, ev.end), conf("event-meeting-participant"),
                         "event-meeting-participant", role="organiser (举办)")

    def event_place(self, key: str, s, ca: int, cb: int) -> None:
        """在北京揭牌 / 在长沙举行: the place the clause names after 在."""
        for r in self.mentions_in(ca, cb, ("Region",)):
            if self.text[max(ca, r.start - 1):r.start] == "在" and not r.attrs.get("members"):
                self.rel(key, "LOCATED_IN", r.key, s, (r.start - 1, r.end), conf("event-subject"), "event-subject")

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
