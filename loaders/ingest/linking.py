"""Linking mentions to entities: an existing one (the graph, data/, by name, alias, pinyin or the
graph's search) or a new one with an id minted from pinyin and a first-draft English name."""
from __future__ import annotations

import re

from parkgraph.unique import unique_id

from . import gazetteer as gz
from .kb import KBEntity, english_name, norm, slug
from .model import Mention, Proposal
from .rules import conf, rx


# the words a firm's full name adds to the name it goes by (用友网络 → 用友, 绿盟科技 → 绿盟, 京东集团 → 京东)
FIRM_TRADE_WORD = re.compile(r"(?:网络|科技|信息|软件|技术|数据|集团|控股|股份)(?:(?:股份)?(?:有限)?公司|集团)?$")
LEGAL_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司$")   # 紫光集团有限公司 and 紫光集团: one firm


def short_form(name: str) -> str:
    """A name as a declared short form is compared: without quotes or title marks (“东湖高新集团”, 《方案》)."""
    return name.strip("“”\"《》「」 ")


class LinkingMixin:
    def link(self) -> None:
        declared = self._declared = self.declared_short_forms()
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.label == "Region" and m.attrs.get("members"):
                m.keys = [k for k in (self.region_key(x, m) for x in m.attrs["members"]) if k]
                continue
            if m.label == "Event":
                continue  # after relations (events are linked by what they concern)
            full = declared.get(short_form(m.text))
            if full is not None and full.keys and full.start < m.start and not m.attrs.get("members"):
                m.keys, m.label, m.name = list(full.keys[:1]), full.label, full.name   # links run in text order
                self.entities[full.keys[0]].mentions.append(m)
                self.context_rows.add("short-form-declared")
                continue
            m.keys = [self.entity_key(m)]

    def declared_short_forms(self) -> dict[str, Mention]:
        """武汉东湖高新集团股份有限公司（下简称：东湖高新集团）: each short form a bracket right after a name declares,
        and the mention it stands for (short-form-declared). An event's short form is read again as an event
        (find_names_again): events are linked later, by what they concern."""
        ends = {m.end: m for m in self.mentions if not m.attrs.get("members")}
        out: dict[str, Mention] = {}
        for d in rx("short-form-declared").finditer(self.text):
            full = ends.get(d.start())
            short = short_form(d.group(1) or d.group(2))
            if full is not None and short != short_form(full.text):
                out.setdefault(short, full)
        return out

    def declared_again(self, found: dict[str, str], editions: dict[str, Mention]) -> set[str]:
        """Where an article writes a declared short form again, find_names_again reads the named one: a firm's, a
        body's or a place's key into `found` (东湖高新集团 after 武汉东湖高新集团股份有限公司（下简称：东湖高新集团）), a
        meeting into `editions` (智博会 after 2019中国国际智能产业博览会（简称智博会）), read as the meeting the same row
        found, since how it was held says what it owns. Returns the meetings' short forms."""
        meetings = set()
        for short, full in self.__dict__.get("_declared", {}).items():
            if len(short) >= 2 and full.label == "Event":
                editions.setdefault(short, full)
                meetings.add(short)
            elif len(short) >= 2 and full.keys:
                found.setdefault(short, full.keys[0])
        return meetings

    def _district_short(self, key: str) -> str | None:
        """A district's or county's name without 区/县 (渝中 of 渝中区), when that is no other place's name (长沙 of
        长沙县 is the city)."""
        short = gz.district_short_name(self.entities[key].record.get("name_zh") or "")
        if self.entities[key].record.get("kind") != "district" or short is None:
            return None
        return None if short in self._builtin_regions or self.kb.lookup(short, ("Region",)) else short

    def region_key(self, name: str, m: Mention) -> str | None:
        hit = self.kb.lookup(name, ("Region",))
        if hit is None and name in self._builtin_regions:
            hit = self.kb.lookup(self._builtin_regions[name][1], ("Region",))
        if hit:
            return self.use_existing(hit[0], hit[1], m)
        if name in self._builtin_regions:
            code, full, kind = self._builtin_regions[name]
            rec = {"id": code, "name_zh": full, "name_en": self.english(full), "kind": kind, "admin_code": code}
            if name != full:
                rec["aliases"] = [name]
            return self.use_new("Region", rec, m, fixed_id=True)
        rec = {"id": "", "name_zh": name, "name_en": self.english(name), "kind": "area"}
        return self.use_new("Region", rec, m)

    def entity_key(self, m: Mention) -> str:
        labels = (m.label,) if m.label not in ("Park", "SubPark") else ("Park", "SubPark")
        hit = self.kb.lookup(m.name, labels)
        if hit is None and m.label == "TalentProgram":
            for variant in (re.sub(r"(企业|称号)$", "", m.name), re.sub(r"^(首批|国家级)", "", m.name)):
                hit = hit or self.kb.lookup(variant, labels)
        if hit is None and m.how == "dictionary":
            hit = self.kb.lookup(m.name)
        if hit is None and m.label == "Enterprise" and (bare := re.sub(r"(?:集团)?(?:公司|集团)$", "", m.name)) != m.name \
                and len(bare) >= 2:
            hit = self.kb.lookup(bare, ("Enterprise",))   # 华为公司: the firm the knowledge base knows as 华为 (firm-generic-suffix)
            if hit:
                self.context_rows.add("firm-generic-suffix")
        if hit:
            m.label = hit[0].label
            return self.use_existing(hit[0], hit[1], m)
        if m.label == "Enterprise" and len(m.name) >= 2 and (same := self._firm_named_before(m.name)):
            self.entities[same].mentions.append(m)
            self.context_rows.add("firm-short-again")
            return same
        if m.label == "Region" and (same := self.__dict__.setdefault("_zone_by_short", {}).get(norm(m.name))):
            # 湘江新区 after 湖南湘江新区: that zone, not a new one — nor the code the gazetteer gives the short name
            # (天府新区 after 四川天府新区: round blind-zg)
            self.entities[same].mentions.append(m)
            self.context_rows.add("zone-short-again")
            return same
        if m.label == "Region" and m.name in self._builtin_regions:
            return self.region_key(m.name, m)
        return self.use_new(m.label, self.new_record(m), m)

    def _firm_named_before(self, name: str) -> str | None:
        """A new firm of this article named `name` and a trade word (用友网络, 绿盟科技) — the one this short form
        names; links run in text order, so the full name came first (firm-short-again)."""
        return self.__dict__.setdefault("_firm_by_short", {}).get(norm(name))

    def new_record(self, m: Mention) -> dict:
        name = m.name
        rec: dict = {"id": "", "name_zh": name, "name_en": self.english(name)}
        if m.label == "Park":
            rec["level"] = "national"
        elif m.label == "Institution":
            rec["kind"] = m.attrs.get("kind") or "other"
        elif m.label == "TalentProgram":
            rec["kind"] = m.attrs.get("kind") or "programme"
            if m.attrs.get("level"):
                rec["level"] = m.attrs["level"]
            if m.attrs.get("first_batch"):
                rec["aliases"] = ["首批" + name]
        elif m.label == "GovernmentBody":
            rec["level"] = self.gov_level(name)
        elif m.label == "Region":
            rec["kind"] = m.attrs.get("kind") or "area"
        return rec

    def english(self, name: str) -> str:
        # memoised: a long article proposes the same name many times and jieba's POS cut is slow
        memo = self.__dict__.setdefault("_english", {})
        if name not in memo:
            en = english_name(name, cut=lambda x: [w for w, _ in self.pt.cut(x)])
            # the ontology caps name_en (300): a signing named with four parties and its agreement's title ran to 380
            # characters and its review file did not validate (round blind-zi); cut at a word, marked as cut
            if "_name_en_limit" not in self.__dict__:   # the ontology's, read once per article
                self._name_en_limit = min((c.constraints["name_en"].max_length for c in self.kb.model.classes.values()
                                           if "name_en" in c.constraints and c.constraints["name_en"].max_length), default=None)
            limit = self._name_en_limit
            if limit and len(en) > limit:
                en = en[:limit - 1].rsplit(" ", 1)[0] + "…"
            memo[name] = en
        return memo[name]

    def gov_level(self, name: str) -> str:
        if name.startswith(("国家", "中央", "国务院")) or re.match(r"^[^省市区县]{2,8}部$", name):
            return "central"
        for full, (code, fname, kind) in self._builtin_regions.items():
            if name.startswith(full):
                return "provincial" if code.endswith("0000") else "municipal"
        if re.match(r"^.{2,6}?省", name):
            return "provincial"
        if re.match(r"^.{2,6}?市", name):
            return "municipal"
        return "district"

    def id_for(self, label: str, rec: dict, hint: str | None = None) -> str:
        seg = self.kb.model.classes[label].segment
        name = rec["name_zh"]
        core = name
        if label == "Enterprise":
            core = re.sub(r"(股份有限公司|有限责任公司|有限公司)$", "", name) or name
        elif label in ("Park", "SubPark"):
            inner = re.search(r"[（(]([^（）()]+)[）)]", name)
            core = inner.group(1) if inner else name
            if label == "SubPark":
                core = re.sub(r"园$", "", core) or core
        toks = [w for w, _ in self.pt.cut(core)] if len(core) <= 40 else None
        base = hint or slug(core, toks)
        used = self.kb.used_ids(seg) | self._new_ids.setdefault(seg, set())
        cand = unique_id(base, used)
        self._new_ids[seg].add(cand)
        return cand

    def use_existing(self, ent: KBEntity, how: str, m: Mention | None) -> str:
        p = self.entities.get(ent.ref)
        if p is None:
            p = self.entities[ent.ref] = Proposal(ent.ref, ent.label, dict(ent.record), ent.origin, how,
                                                  conf("link-by-name") if how in ("name", "alias") else conf("link-other"))
        if m is not None:
            p.mentions.append(m)
            m.conf = max(m.conf, p.conf)
        return ent.ref

    @staticmethod
    def _same_name(label: str, name: str) -> tuple[str, str]:
        """What makes two new names one entity: the name, a firm's without its legal form (紫光集团有限公司 is the 紫光集团
        the article named before it: round blind-yi, dev-ZZG)."""
        n = norm(name)
        return (label, (LEGAL_FORM.sub("", n) or n) if label == "Enterprise" else n)

    def use_new(self, label: str, rec: dict, m: Mention | None, fixed_id: bool = False, id_hint: str | None = None) -> str:
        # the same new thing twice in one article is one entity (an index: linear in the article's length)
        same = self._new_by_name.get(self._same_name(label, rec["name_zh"]))
        if same is not None:
            if m is not None:
                self.entities[same].mentions.append(m)
            return same
        seg = self.kb.model.classes[label].segment
        if not fixed_id or not rec.get("id"):
            rec["id"] = self.id_for(label, rec, id_hint)
        key = f"{seg}/{rec['id']}"
        self.entities[key] = Proposal(key, label, rec, "new", "new", m.conf if m else conf("link-implied"))
        self._new_by_name[self._same_name(label, rec["name_zh"])] = key
        if label == "Enterprise" and (trade := FIRM_TRADE_WORD.search(norm(rec["name_zh"]))) and trade.start() >= 2:
            self.__dict__.setdefault("_firm_by_short", {}).setdefault(norm(rec["name_zh"])[:trade.start()], key)
        # 湘江新区 after 湖南湘江新区; 仙桃数据谷 after 渝北仙桃数据谷, a local area after its district's short name
        # (round blind-ye, dev-ZZC: two areas had split its figures)
        name = rec["name_zh"]
        place = self.region_prefix(name) if rec.get("kind") in ("zone", "area") else None
        if rec.get("kind") == "area":
            place = place or next((k for k in self._short_districts if name.startswith(k)), None)
        if label == "Region" and place and len(name) - len(place) >= 4:   # not a bare 高新区 or 经开区
            self.__dict__.setdefault("_zone_by_short", {}).setdefault(norm(name[len(place):]), key)
        if m is not None:
            self.entities[key].mentions.append(m)
        return key

