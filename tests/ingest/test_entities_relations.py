"""Entities and relations on sentences the rule examples do not cover (issue #12): where a list
begins, a region's listed firms, co-builders of a park, a zone part of a city only when the city is
named, an outlet's city, an address's place, a place that is also a government's alias. Each test
runs the whole extractor on a short article with a small knowledge base made here."""
from __future__ import annotations

import pytest

from parkgraph.loaders.ingest import ingest
from parkgraph.loaders.ingest.kb import KBEntity, KnowledgeBase
from parkgraph.loaders.ingest.rules import ACCEPT


def kb_small() -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add(KBEntity("region/430000", "Region", {"id": "430000", "name_zh": "湖南省", "name_en": "Hunan"}, "data:x"))
    kb.add(KBEntity("region/110000", "Region", {"id": "110000", "name_zh": "北京市", "name_en": "Beijing",
                                                "aliases": ["北京"]}, "data:x"))
    kb.add(KBEntity("govbody/bj", "GovernmentBody", {"id": "bj", "name_zh": "北京市人民政府", "name_en": "BJ",
                                                     "aliases": ["北京市政府", "北京市"]}, "data:x"))
    kb.add(KBEntity("govbody/miit", "GovernmentBody", {"id": "miit", "name_zh": "工业和信息化部", "name_en": "MIIT",
                                                       "aliases": ["工信部"]}, "data:x"))
    kb.add(KBEntity("park/beijing", "Park", {"id": "beijing", "name_zh": "国家网络安全产业园区（北京）", "name_en": "B"},
                    "data:x"))
    kb.add(KBEntity("enterprise/gkw", "Enterprise", {"id": "gkw", "name_zh": "国科微", "name_en": "G"}, "data:x"))
    return kb


def run(tmp_path, body: str, title: str = "t"):
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: {title}\ndate: 2021-05-06\n---\n\n{body}\n", encoding="utf-8")
    return ingest(p, kb=kb_small()).extraction


def rels(ex, accepted: bool = True) -> set[tuple[str, str, str]]:
    """Accepted relations by name; accepted=False: every one proposed (rows below the threshold too)."""
    name = {k: p.record["name_zh"] for k, p in ex.entities.items()}
    return {(name[r.frm], r.type, name[r.to]) for r in ex.relations if r.conf >= ACCEPT or not accepted}


def proposed(ex) -> set[str]:
    return {p.record["name_zh"] for p in ex.entities.values() if p.has_fact}


@pytest.mark.parametrize("body, first", [
    ("目前，湖南聚集了长城科技、国科微、金山等一批网络安全企业。", "长城科技"),
    ("市领导实地调研了湖南国科微电子、长沙韶光半导体、湖南天羿领航科技公司等企业。", "湖南国科微电子"),
    ("湖南天羿领航科技公司、长沙韶光半导体等企业参加了会议。", "湖南天羿领航科技公司"),   # a verb inside a name stays
])
def test_list_begins_after_its_verb(tmp_path, body, first):
    ex = run(tmp_path, body)
    names = [m.text for m in ex.mentions if m.label == "Enterprise"]
    assert names and names[0] == first, names


def test_region_listed_firms_are_in_the_region(tmp_path):
    ex = run(tmp_path, "目前，湖南聚集了长城科技、国科微、金山等一批网络安全企业。")
    assert {("长城科技", "LOCATED_IN", "湖南省"), ("国科微", "LOCATED_IN", "湖南省"),
            ("金山", "LOCATED_IN", "湖南省")} <= rels(ex, accepted=False)   # listed-in-region, below the threshold


def test_firms_listed_after_a_park_are_its_tenants_not_the_regions(tmp_path):
    ex = run(tmp_path, "国家网络安全产业园区（北京）聚集了长城科技、国科微、金山等一批企业。")
    r = rels(ex)
    assert ("国科微", "TENANT_OF", "国家网络安全产业园区（北京）") in r
    assert not any(t == "LOCATED_IN" and a == "国科微" for a, t, _ in r)


def test_a_list_with_no_gathering_verb_says_nothing_about_the_region(tmp_path):
    ex = run(tmp_path, "湖南省领导会见了长城科技、国科微、金山等企业负责人。")
    assert not any(t == "LOCATED_IN" for _, t, _ in rels(ex))


def test_co_builders_of_a_park(tmp_path):
    ex = run(tmp_path, "2017年底，工信部和北京市正式签署共同打造国家网络安全产业园区的协议。")
    r = rels(ex)
    assert ("国家网络安全产业园区（北京）", "BUILT_BY", "工业和信息化部") in r
    assert ("国家网络安全产业园区（北京）", "BUILT_BY", "北京市人民政府") in r   # the place stands for its government


def test_place_in_an_address_is_not_its_government(tmp_path):
    """北京市 is also an alias of 北京市人民政府; in an address it is no body at all."""
    ex = run(tmp_path, "通州园位于北京市通州区西集镇。")
    assert "北京市人民政府" not in {p.record["name_zh"] for p in ex.entities.values()}
    assert ("通州园", "LOCATED_IN", "通州区西集镇") in rels(ex)


def _part_of_rows(ex) -> set[str]:
    return {r.rule for r in ex.relations if r.type == "PART_OF"}


def test_zone_is_part_of_a_city_by_the_strong_row_only_when_the_city_is_named(tmp_path):
    # the name alone gives the city by the weak row (zone-in-city), whose confidence the calibration sets (at the
    # threshold since round blind-ye); the named city, by zone-in-named-city
    ex = run(tmp_path, "市委常委到长沙经开区调研企业。")
    assert _part_of_rows(ex) <= {"zone-in-city"}
    ex = run(tmp_path, "长沙千亿级园区由2个增加到5个。其中，长沙经开区位列第14位。")
    assert ("长沙经开区", "PART_OF", "长沙市") in rels(ex)
    assert _part_of_rows(ex) == {"zone-in-named-city"}


def test_outlet_city_is_not_a_statement_about_a_zone(tmp_path):
    ex = run(tmp_path, "长沙晚报讯 昨日，市委常委到长沙经开区调研企业。")
    assert _part_of_rows(ex) <= {"zone-in-city"}


def test_counted_slogan_in_quotes_is_not_a_project(tmp_path):
    ex = run(tmp_path, "依托国家网络安全产业园区（北京）将建成我国网络安全产业“五个基地”。")
    assert "五个基地" not in proposed(ex)


def test_institutions_listed_as_universities_are_institutions_in_the_region(tmp_path):
    ex = run(tmp_path, "湖南拥有国防科大、中南林科大、湘大等58所高等院校。")
    assert {m.text for m in ex.mentions if m.label == "Institution"} == {"国防科大", "中南林科大", "湘大"}
    assert ("国防科大", "LOCATED_IN", "湖南省") in rels(ex, accepted=False)


def test_firms_listed_with_modifiers_between_deng_and_qiye(tmp_path):
    """…等众多网安产业龙头企业: the words between 等 and 企业 do not hide the list."""
    ex = run(tmp_path, "湖南集聚了长城科技、中国电科48所、景嘉微等众多网安产业龙头企业。")
    names = {m.text: m.label for m in ex.mentions}
    assert names.get("长城科技") == "Enterprise" and names.get("景嘉微") == "Enterprise"
    assert names.get("中国电科48所") == "Institution"
    assert ("景嘉微", "LOCATED_IN", "湖南省") in rels(ex, accepted=False)


def test_a_list_of_domains_is_not_a_list_of_firms(tmp_path):
    ex = run(tmp_path, "湖南重点发展工控安全、密码产品等领域企业。")
    assert not any(m.label == "Enterprise" for m in ex.mentions)


def test_park_word_gives_the_articles_park_to_listed_firms(tmp_path):
    ex = run(tmp_path, "国家网络安全产业园区（北京）建设加快。\n\n目前，该园区已聚集了长城科技、景嘉微、科创信息等企业。")
    assert ("景嘉微", "TENANT_OF", "国家网络安全产业园区（北京）") in rels(ex)


def test_policy_named_without_brackets_and_its_party_committee(tmp_path):
    ex = run(tmp_path, "2019年2月，湖南省委出台网络安全工作责任制实施细则，把考核纳入年度考核。")
    assert ("网络安全工作责任制实施细则", "ISSUED_BY", "中共湖南省委") in rels(ex, accepted=False)   # policy-issuer: 0.45


# 湖南省委书记出席会议 was a case here until round blind-zg: the labelling manual's A3 (adjudication of 2026-12-04) makes
# each body named in an attending official's title an entity and a participant, so 省委书记 names 中共湖南省委
# (tests/ingest/test_blind_zg.py)
@pytest.mark.parametrize("body", ["考核被列为以省委省政府名义开展的5项考核之一。"])
def test_no_party_committee_without_a_place(tmp_path, body):
    ex = run(tmp_path, body)
    assert not any(m.how == "pattern:party-committee" for m in ex.mentions)


def test_a_cited_policy_is_the_calibrated_row_and_a_released_one_the_articles_own(tmp_path):
    """A policy the sentence only cites concerns its title's region by policy-of-region, whose confidence
    tests/ingest/test_calibration.py sets from unseen text (1 of 3 right on dev when it was written, 6 of 7 on the
    blind samples since); a policy the sentence releases or issues is the article's own (policy-of-region-issued)."""
    ex = run(tmp_path, "规划依据《湖南省“十四五”信息化发展规划》制定。")
    assert {x.rule for x in ex.relations} == {"policy-of-region"}
    ex = run(tmp_path, "近日，《湖南省“十四五”信息化发展规划》发布。")
    r = [x for x in ex.relations if x.rule == "policy-of-region-issued"]
    assert r and all(x.conf >= ACCEPT for x in r)


def test_park_name_with_a_subparks_place_is_that_subpark(tmp_path):
    kb = kb_small()
    kb.add(KBEntity("subpark/tongzhou", "SubPark", {"id": "tongzhou", "name_zh": "通州园", "name_en": "T"}, "data:x"))
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: t\ndate: 2021-05-06\n---\n\n国家网络安全产业园（通州）已入驻企业30家。\n", encoding="utf-8")
    ex = ingest(p, kb=kb).extraction
    assert {(q.label, q.record["name_zh"]) for q in ex.entities.values()} >= {("SubPark", "通州园")}
    assert not any(q.label == "Park" for q in ex.entities.values())


@pytest.mark.parametrize("body, firm", [("湖南天羿领航科技公司研发了新产品。", "湖南天羿领航科技公司"),
                                        ("该公司研发了新产品。", None), ("其子公司研发了新产品。", None)])
def test_company_suffix(tmp_path, body, firm):
    ex = run(tmp_path, body)
    assert [m.text for m in ex.mentions if m.label == "Enterprise"] == ([firm] if firm else [])


def test_firms_moving_into_a_zone_are_in_it(tmp_path):
    ex = run(tmp_path, "长城科技、国科微等10家企业签约落户长沙经开区。")
    r = rels(ex)
    assert ("长城科技", "LOCATED_IN", "长沙经开区") in r and ("国科微", "LOCATED_IN", "长沙经开区") in r
    ex = run(tmp_path, "国科微入驻国家网络安全产业园区（北京）。")   # a park: a tenant, not a place
    assert not any(t == "LOCATED_IN" and a == "国科微" for a, t, _ in rels(ex))


def test_office_named_by_level_alone_is_the_articles_province_office(tmp_path):
    ex = run(tmp_path, "湖南省加快网络安全产业发展。省工信厅在会上发布消息，市政府出台政策。")
    names = {m.name for m in ex.mentions if m.how == "pattern:deictic-office"}
    assert names == {"湖南省工业和信息化厅"}   # 市政府 of an article about a province: no city is said


def test_region_heading_the_sentence_gathers_the_list_in_a_later_clause(tmp_path):
    ex = run(tmp_path, "近年来，湖南网络安全产业快速发展，已聚集长城科技、国科微、亚信安全等各类企业200余家。")
    r = rels(ex, accepted=False)
    assert ("亚信安全", "LOCATED_IN", "湖南省") in r   # the list's whole item, not a known name inside it
    ex = run(tmp_path, "湖南的国科微电子公司近年来已吸引长城科技、景嘉微等企业合作。")
    assert not any(t == "LOCATED_IN" for _, t, _ in rels(ex, accepted=False))   # a firm stands between: not the region's list


def test_park_built_by_after_you(tmp_path):
    ex = run(tmp_path, "国家网络安全产业园区（北京）于2019年揭牌，由北京市人民政府和工业和信息化部共同建设。")
    r = rels(ex)
    assert ("国家网络安全产业园区（北京）", "BUILT_BY", "工业和信息化部") in r
    assert ("国家网络安全产业园区（北京）", "BUILT_BY", "北京市人民政府") in r


def test_organisations_named_by_their_officers_titles(tmp_path):
    ex = run(tmp_path, "中国长城高级副总裁、中电软件园董事长戴相桃，中国信安院院长孙迎新、副院长赵惟等陪同。学院院长出席。")
    got = {(m.label, m.text) for m in ex.mentions if m.label in ("Enterprise", "Institution")}
    assert got == {("Enterprise", "中国长城"), ("Enterprise", "中电软件园"), ("Institution", "中国信安院")}


def test_park_word_gives_the_articles_park_its_domains(tmp_path):
    ex = run(tmp_path, "国家网络安全产业园区（北京）建设加快。\n\n湖南的专家认为，该园区重点发展工控安全、密码产品等领域。")
    r = rels(ex)
    assert ("国家网络安全产业园区（北京）", "FOCUSES_ON", "工控安全") in r
    assert not any(a == "湖南省" and t == "FOCUSES_ON" for a, t, _ in r)
