"""General failures found on dev-E, eight pages labelled blind (round `blind-e`, 2026-12-02, docs/ingest-rounds.md):
institutions listed after 入选的有 never given the designation, and the central organs and mass
organisations that co-host national campaigns never named. The sentences are written for these tests in
the style of park news, not copied from the corpus; each test fails on `052c0b3` but the guard."""
from __future__ import annotations


from .conftest import accepted_relations as rels
from .conftest import proposed_relations
from .conftest import ingest_text


def run(tmp_path, body: str, kb, date: str = "2024-09-10"):
    return ingest_text(tmp_path, body, kb, date)


def test_institutions_listed_as_selected_hold_the_designation_named_before(tmp_path, kb):
    ex = run(tmp_path, "经过专家评审，教育部评选产生了新一期国家网络安全教育示范项目高校。入选的有北京邮电大学、湖南大学、四川大学等12所高校。", kb)
    got = rels(ex)
    for u in ("北京邮电大学", "湖南大学", "四川大学"):
        assert (u, "HOLDS", "国家网络安全教育示范项目") in got, u


def test_guard_a_list_with_no_designation_before_it_holds_nothing(tmp_path, kb):
    ex = run(tmp_path, "本次比赛成绩揭晓。入选的有北京邮电大学、湖南大学等高校的队伍。", kb)
    assert not any(t == "HOLDS" for _, t, _ in rels(ex))   # guard: passes on 052c0b3 too


def test_central_organs_and_mass_organisations_cohosting_a_campaign_take_part(tmp_path, kb):
    ex = run(tmp_path, "9月15日，2024年国家网络安全宣传周在南沙开幕。本届宣传周由中央宣传部、中国人民银行、全国总工会、共青团中央、全国妇联等共同主办。", kb)
    ev = "2024年国家网络安全宣传周"
    for body in ("中央宣传部", "中国人民银行", "全国总工会", "共青团中央", "全国妇联"):
        assert (ev, "PARTICIPANT", body) in proposed_relations(ex), body


def test_a_youth_league_provincial_committee_is_not_the_party_committee(tmp_path, kb):
    ex = run(tmp_path, "湖南省总工会、共青团湖南省委共同承办了活动。", kb)
    named = {p.record.get("name_zh"): p.label for p in ex.entities.values()}
    # people's organisations are Institutions since round owners (the labellers wrote them so 8 times of 9)
    assert named.get("湖南省总工会") == named.get("共青团湖南省委") == "Institution" and "中共湖南省委" not in named
