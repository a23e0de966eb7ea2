"""A place's own industry named right after it — 四川电子信息产业, 本市软件和信息服务业, 长沙软件业 — is a Domain the
place focuses on (rules region-industry, region-industry-focus). The domain rows read industries in lists and after
verbs of focus; reports name a place's industry most often this way, as the subject of its figures, and labellers
give it the place's FOCUSES_ON (round blind-zg)."""
from __future__ import annotations

from .rules import conf, rx


class RegionIndustriesMixin:
    def find_region_industries(self) -> None:
        """Once places are linked (本市 and 全省 too): the industry right after a place, when nothing holds it."""
        regs = {m.end: m for m in self.mentions if m.label == "Region" and m.keys and not m.attrs.get("members")
                and not self.is_country(m)}   # 全国软件产业: the nation's, no place's focus
        for end, reg in sorted(regs.items()):
            m = rx("region-industry").match(self.text, end)
            if m is not None and self.free(m.start(), m.end()):
                d = self.adopt_or_add(m.start(), m.end(), "Domain", "pattern:region-industry", conf("region-industry"),
                                      name=m.group(1) + ("业" if m.group(1).endswith("服务") else ""),
                                      region_before=reg.start)
                if d is not None and not d.keys:
                    d.keys = [self.entity_key(d)]

    def region_industries(self, s) -> None:
        for d in self.mentions_in(s.start, s.end, ("Domain",)):
            if d.how != "pattern:region-industry" or not d.keys:
                continue
            reg = next((x for x in self.mentions_in(d.attrs["region_before"], d.start, ("Region",))
                        if x.start == d.attrs["region_before"] and x.keys), None)
            if reg is not None:
                self.rel(reg.key, "FOCUSES_ON", d.key, s, (reg.start, d.end), conf("region-industry-focus"),
                         "region-industry-focus")
