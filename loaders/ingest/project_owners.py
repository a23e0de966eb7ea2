"""Firms named at the head of the projects an event brought: 此次集中开工的重大产业化项目有A公司扩产项目、B集团…
基地等 — each firm is an enterprise (`project-owner`) and takes part in that event (`event-project-owner`). Most such
firms carry no 有限公司, so no suffix row reads them, and labellers give each the event's PARTICIPANT (round blind-zg:
nine of one groundbreaking's ten projects)."""
from __future__ import annotations

import re

from . import gazetteer as gz
from .rules import conf, rx

# the firm that heads a listed project: up to its first 公司 or 集团 (宇芯（成都）集成电路封装测试公司生产线改造…项目)
OWNER = re.compile(r"[^、，。；：等]{2,18}?(?:公司|集团)(?!公司)")
STOP = re.compile("[。；]")   # a list of projects ends with its sentence or clause


class ProjectOwnersMixin:
    def _owner_lists(self, a: int, b: int):
        """(trigger, item starts) per list of an event's projects in [a, b): each item starts the list or follows 、."""
        for m in rx("project-owner").finditer(self.text, a, b):
            end = b
            if (stop := STOP.search(self.text, m.end(), b)) is not None:
                end = stop.start()
            starts = [m.end()] + [m.end() + k.end() for k in re.finditer("、", self.text[m.end():end])]
            yield m.group(1), starts, end

    def find_project_owners(self) -> None:
        for _, starts, _ in self._owner_lists(0, len(self.text)):
            for a in starts:
                if (f := OWNER.match(self.text, a)) is not None:
                    self.adopt_or_add(a, f.end(), "Enterprise", "pattern:project-owner", conf("project-owner"))

    def project_owners(self, s) -> None:
        for trigger, starts, end in self._owner_lists(s.start, s.end):
            kind = gz.EVENT_TRIGGERS.get(trigger)
            ev = self._event_for(s, starts[0], 12, lambda x, k=kind: x.attrs.get("kind") == k)
            if ev is None:
                continue
            heads = set(starts)
            for x in self.mentions_in(starts[0], end, ("Enterprise",)):
                if x.start in heads:
                    self.rel(ev.key, "PARTICIPANT", x.key, s, (x.start, x.end), conf("event-project-owner"),
                             "event-project-owner", role=f"its project ({trigger})")
