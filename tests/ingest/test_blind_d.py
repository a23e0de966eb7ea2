"""General failures found on dev-D, eight pages labelled blind (round `blind-d`, 2026-12-02, docs/ingest-rounds.md):
a zone's own park mistaken for the national park's sub-park of the same short name, 全市 as a frame,
contest stages, a place's leading industries, what several funders fund, industrial bases, officials who
launch a final, and confidences that follow what a row is worth on unseen text. The sentences are written
for these tests in the style of park news, not copied from the corpus; each test fails on `347c05a` but
the guards, marked as such."""
from __future__ import annotations

from parkgraph.loaders.ingest.rules import ACCEPT, conf

from .conftest import accepted_relations as rels
from .conftest import proposed_relations as proposed
from .conftest import entity_name as name
from .conftest import ingest_text


def run(tmp_path, body: str, kb, date: str = "2024-06-20"):
    return ingest_text(tmp_path, body, kb, date)


def figures(ex, accepted: bool = True) -> set[tuple[str, float]]:
    return {(name(ex, o.subject), o.fields.get("value")) for o in ex.observations if (o.conf >= ACCEPT) == accepted}


def test_a_zones_own_park_is_not_the_national_parks_sub_park_and_its_short_form_follows(tmp_path, kb):
    ex = run(tmp_path, "中关村海淀园重点企业总收入达到2.1万亿元。海淀园企业研发投入合计1200亿元。", kb)
    got = figures(ex)
    assert ("中关村海淀园", 2.1) in got and ("中关村海淀园", 1200) in got
    assert not any(p.label == "SubPark" and p.has_fact for p in ex.entities.values())


def test_guard_a_sub_park_whose_name_holds_the_zone_word_stays_the_sub_park(tmp_path, kb):
    ex = run(tmp_path, "国家网络安全产业园区（北京）发展迅速。北京经开区信创园已聚集企业120家。", kb)
    assert ("经开区信创园", 120) in figures(ex) | figures(ex, accepted=False)   # guard: passes on 347c05a too (any confidence: since
    # round blind-zk stat-number, which reads it, is below the threshold)


def test_a_share_of_the_whole_city_or_a_rank_in_it_is_no_figure_of_the_city(tmp_path, kb):
    # 占全市70%: the city is what the share is of, not whose figure it is (stat-region, region-deictic)
    ex = run(tmp_path, "北京市发布数据。\n\n智能网联汽车安全测试里程占全市70%以上。", kb)
    assert ("北京市", 70) not in figures(ex)
    ex = run(tmp_path, "北京经开区加快发展。北京经开区工业总产值增速在全市各分园排名第一，达到18.1%。", kb)
    assert figures(ex) == {("北京经济技术开发区", 18.1)}


def test_a_stage_of_a_contest_is_a_held_event_and_officials_who_launch_it_take_part(tmp_path, kb):
    ex = run(tmp_path, "6月20日上午，第七届“湖湘杯”网络安全技能大赛总决赛在长沙拉开战幕。湖南省人民政府副省长、长沙市人民政府副市长一同启动了决赛。", kb)
    ev = "第七届“湖湘杯”网络安全技能大赛总决赛"
    assert ev in [p.record["name_zh"] for p in ex.entities.values() if p.label == "Event" and p.has_fact]
    assert {(ev, "PARTICIPANT", "湖南省人民政府"), (ev, "PARTICIPANT", "长沙市人民政府")} <= proposed(ex)


def test_a_places_leading_industries_are_its_focus(tmp_path, kb):
    ex = run(tmp_path, "中关村科学城形成了以新一代信息技术产业为支柱、医药健康产业为突破、科技服务业为基础的产业体系。", kb)
    # proposed, at domain-focus-region's confidence (below the threshold since round blind-t: test_calibration.py)
    got = {(name(ex, r.frm), r.type, name(ex, r.to)) for r in ex.relations if r.rule == "domain-focus-region"}
    for d in ("新一代信息技术", "医药健康", "科技服务业"):
        assert ("中关村科学城", "FOCUSES_ON", d) in got, d
    ex = run(tmp_path, "长沙高新区坚持做强主导产业。“十四五”期间，软件信息产业、智能装备和新材料产业等主导产业年均增长9%。", kb)
    zone = "长沙国家高新技术产业开发区"   # 长沙高新区 in data/
    # the zone is named in the sentence before: since round blind-o that is `domain-focus-context`, a suggestion
    # below the threshold (right 0 of 21 on two blind samples as they came)
    context = {(name(ex, r.frm), r.type, name(ex, r.to)) for r in ex.relations if r.rule == "domain-focus-context"}
    assert {(zone, "FOCUSES_ON", "软件信息"), (zone, "FOCUSES_ON", "智能装备和新材料")} <= context
    assert not context & rels(ex)


def test_what_several_funders_fund_is_the_figures_subject_and_an_industrial_base_is_a_place(tmp_path, kb):
    ex = run(tmp_path, "长沙软件产业基地由湖南湘投控股集团有限公司和长沙软件园有限公司共同出资2亿元开发建设。", kb)
    assert ("长沙软件产业基地", 2) in figures(ex)
    assert ex.entities[next(k for k, p in ex.entities.items() if p.record.get("name_zh") == "长沙软件产业基地")].label == "Region"


def test_a_standing_committee_member_is_an_official_not_a_body(tmp_path, kb):
    ex = run(tmp_path, "益阳市委常委、市委宣传部部长出席活动。", kb)
    assert not any(p.record.get("name_zh", "").endswith("常委") for p in ex.entities.values())


def test_a_figure_given_to_a_region_for_want_of_a_subject_carries_that_rows_confidence(tmp_path, kb):
    # stat-region-context was right 5 times in 15 on the first blind samples and was written commented out; on the
    # latest seven it was right 14 of 24 and is accepted (tests/ingest/test_calibration.py). The figure that goes
    # on with its subject is as sure as that subject (stat-same-subject)
    ex = run(tmp_path, "成都市推进网络安全产业发展。\n\n产业收入同比增长13.92%，利润达到6531万元。", kb)
    # (since round blind-ze a region the sentence before opens on is its own row, stat-region-lead)
    got = {o.fields["value"]: (name(ex, o.subject), o.rule, o.conf) for o in ex.observations}
    assert got[13.92] == ("成都市", "stat-region-lead", conf("stat-region-lead"))
    assert got[6531] == ("成都市", "stat-same-subject", min(conf("stat-same-subject"), conf("stat-region-lead")))
    assert conf("stat-article-region") < ACCEPT   # the article's region when the text names none: 2 of 21
