"""Failures read from dev-G's misses after its first score (round blind-g, docs/ingest-rounds.md), each a general
wording: the article's own district (全区), a speaker's attribution before a national figure, and money
written with 亿 alone."""
from parkgraph.loaders.ingest import ingest

from parkgraph.loaders.ingest.kb import KBEntity

from .test_entities_relations import kb_small


def kb():
    k = kb_small()
    k.add(KBEntity("region/china", "Region", {"id": "china", "name_zh": "中国", "name_en": "China", "aliases": ["我国"],
                                              "kind": "country"}, "data:x"))
    return k


def figures(tmp_path, body: str) -> list[tuple[str, float, str]]:
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: 2023-05-29\n---\n\n{body}\n", encoding="utf-8")
    ex = ingest(p, kb=kb()).extraction
    return [(ex.entities[o.subject].record["name_zh"], o.fields.get("value"), o.fields.get("unit"))
            for o in ex.observations if o.conf >= 0.5]


def test_the_whole_district_is_the_articles_district(tmp_path):
    got = figures(tmp_path, "海淀区经济发展迅速。截至目前，全区国家高新技术企业总数达到9764家。")
    assert ("海淀区", 9764, "家") in got


def test_a_speakers_attribution_does_not_hide_the_country(tmp_path):
    got = figures(tmp_path, "某研究院副院长介绍，据该院统计测算，2019年我国网络安全产业规模达到1563.59亿元。")
    assert ("中国", 1563.59, "亿元") in got


def test_yi_alone_is_money(tmp_path):
    got = figures(tmp_path, "就国内而言，网络安全产业规模太小，2019年仅600多亿。")
    assert ("中国", 600, "亿元") in got


def bodies(tmp_path, body: str) -> set[str]:
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: 2023-05-29\n---\n\n{body}\n", encoding="utf-8")
    ex = ingest(p, kb=kb()).extraction
    return {ex.entities[r.to].record["name_zh"] for r in ex.relations if r.type == "PARTICIPANT" and r.conf >= 0.5}


def test_the_bodies_of_those_who_attend_take_part(tmp_path):
    got = bodies(tmp_path, "5月11日，2023通明湖论坛在京开幕。十二届全国政协副主席、国家电子政务专家委员会主任王钦敏，"
                           "北京市委常委、副市长靳伟到场出席开幕式并致辞，中国工程院院士陈左宁出席论坛并作报告。")
    assert {"全国政协", "国家电子政务专家委员会", "中共北京市委", "中国工程院"} <= got


def test_a_venue_names_the_city_the_event_is_in_when_data_does_not_know_it(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: t\ndate: 2025-09-16\n---\n\n当天，2025年国家网络安全宣传周开幕式在昆明市滇池国际会展中心隆重举行。\n",
                 encoding="utf-8")
    ex = ingest(p, kb=kb()).extraction
    name = {k: e.record["name_zh"] for k, e in ex.entities.items()}
    assert ("2025年国家网络安全宣传周开幕式", "LOCATED_IN", "昆明市") in {
        (name[r.frm], r.type, name[r.to]) for r in ex.relations if r.conf >= 0.5}
