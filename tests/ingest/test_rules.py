"""One test per row of the rule table (loaders/ingest/rules): the row's example, run through the
whole extractor as a one-sentence article, makes the row fire — the mention, date, relation,
event or statistic it produced names the row. A new pattern is a new row with its own test."""
from __future__ import annotations

import pytest

from parkgraph.loaders.ingest import ingest
from parkgraph.loaders.ingest.kb import KBEntity, KnowledgeBase
from parkgraph.loaders.ingest.rules import ACCEPT, RULES


# rows that read the knowledge base: a park named by its place, sub-parks named by theirs
# and a curated industrial cluster (cluster-name links only what the knowledge base knows)
# and, for the rows of round blind-c, the country and two cities (stat-country, event-venue, event-name-place)
NEEDS_PARKS = {"event-approval-by", "park-short-form", "subpark-pair", "subpark-of-topic", "cluster-name", "stat-list-moved-in",
               "place-prefix", "park-place-list", "stat-country", "event-venue", "event-name-place",
               "zgc-park-bare"}


def fired(tmp_path, example: str, parks: bool = False) -> set[str]:
    p = tmp_path / "a.md"
    # an example may bring its own front matter (a row that reads the title: stat-plan-region)
    p.write_text(example if example.startswith("---\n") else f"---\ntitle: t\ndate: 2023-05-06\n---\n\n{example}\n",
                 encoding="utf-8")
    kb = KnowledgeBase()
    # two entities the link rows link to: by name, and by pinyin (网腾 → 网藤)
    kb.add(KBEntity("region/430000", "Region", {"id": "430000", "name_zh": "湖南省", "name_en": "Hunan"}, "data:x"))
    kb.add(KBEntity("enterprise/wt", "Enterprise", {"id": "wt", "name_zh": "北京网藤科技有限公司", "name_en": "WT"}, "data:x"))
    kb.add(KBEntity("enterprise/hw", "Enterprise", {"id": "hw", "name_zh": "华为", "name_en": "Huawei"}, "data:x"))   # 华为公司
    if parks:
        kb.add(KBEntity("park/beijing", "Park", {"id": "beijing", "name_zh": "国家网络安全产业园区（北京）", "name_en": "B"}, "data:x"))
        kb.add(KBEntity("region/cluster", "Region", {"id": "cluster", "name_zh": "国家新一代自主安全计算系统产业集群",
                                                      "name_en": "C", "kind": "cluster"}, "data:x"))
        kb.add(KBEntity("institution/gl", "Institution", {"id": "gl", "name_zh": "国链安全可靠计算机产业促进中心",
                                                          "name_en": "G"}, "data:x"))
        kb.add(KBEntity("govbody/miit", "GovernmentBody", {"id": "miit", "name_zh": "工业和信息化部", "name_en": "MIIT"},
                        "data:x"))
        kb.add(KBEntity("park/changsha", "Park", {"id": "changsha", "name_zh": "国家网络安全产业园区（长沙）", "name_en": "C"},
                        "data:x"))
        kb.add(KBEntity("region/china", "Region", {"id": "china", "name_zh": "中国", "name_en": "China", "aliases": ["我国"],
                                                   "kind": "country"}, "data:x"))
        for rid, name in (("430100", "长沙市"), ("510100", "成都市")):
            kb.add(KBEntity(f"region/{rid}", "Region", {"id": rid, "name_zh": name, "name_en": rid, "kind": "city",
                                                        "aliases": [name[:-1]]}, "data:x"))
        for sid, name in (("haidian", "海淀园"), ("tongzhou", "通州园")):
            kb.add(KBEntity(f"subpark/{sid}", "SubPark", {"id": sid, "name_zh": name, "name_en": sid}, "data:x"))
    ex = ingest(p, kb=kb).extraction
    names = {m.how.split(":", 1)[-1] for m in ex.mentions}
    names |= {m.how.split(":", 1)[-1] for p in ex.entities.values() for m in p.mentions}
    names |= {m.attrs["place_prefix"] for m in ex.mentions if "place_prefix" in m.attrs}
    names |= {d.rule for d in ex.dates} | {r.rule for r in ex.relations} | {o.rule for o in ex.observations}
    names |= set(ex.normalised)   # norm-* rows: they changed the text the other rows read
    names |= ex.context_rows      # rows that chose whose a fact is (region-as-object)
    names |= {p.named for p in ex.entities.values()}   # names that are a fact on their own (named-*)
    if any(m.label == "Event" for m in ex.mentions):
        names.add("event-trigger")
    if any(m.how == "pattern:event-subject" for m in ex.mentions):
        names.add("event-subject")
    links = {p.link for p in ex.entities.values()}
    if links & {"name", "alias"}:
        names.add("link-by-name")
    if links & {"pinyin", "search"}:
        names.add("link-other")
    if any(not p.mentions for p in ex.entities.values()):
        names.add("link-implied")
    # rows that keep a figure out say so in the review file's list of unanchored figures: "… (row)"
    names |= {x.rsplit("(", 1)[-1].rstrip(")") for x in ex.unanchored if x.endswith(")")}
    for o in ex.observations:   # status rows fire through the status they set
        names.add({"forecast": "status-forecast", "target": "status-target"}.get(o.fields["status"], ""))
        names.add(o.status_rule)
    return names


@pytest.mark.parametrize("name", sorted(RULES))
def test_row_fires_on_its_example(name, tmp_path):
    r = RULES[name]
    assert 0 <= r.conf <= 1 and r.example
    if r.rx is not None and name not in ("parent-in-name", "parent-body-of-institute"):   # these read a name, not a sentence
        assert r.rx.search(r.example), f"{name}: pattern does not match its own example"
    assert name in fired(tmp_path, r.example, name in NEEDS_PARKS), f"{name} did not fire on {r.example!r}"


def test_table_is_the_only_place_for_confidences():
    """No inline confidence literal is left in the extractor modules: they all come from the table."""
    import re
    from pathlib import Path
    import parkgraph.loaders.ingest as pkg
    root = Path(pkg.__file__).parent
    for f in ("mentions.py", "relations.py", "events.py", "statistics.py", "linking.py", "extract.py", "dates.py"):
        src = (root / f).read_text(encoding="utf-8")
        hits = [m.group() for m in re.finditer(r"(?<![\w.])0\.[1-9]\d?(?!\d)", src)]
        assert not hits, f"{f}: inline confidence(s) {hits}"
    assert ACCEPT == 0.5
