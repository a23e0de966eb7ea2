"""Common news wordings for the events and figures issue #12 names (groundbreaking, courses, signings,
organisers, a city's plan), written for these tests from the style of park news in general — not from
any corpus article (round `probe-wordings`, 2026-12-02, docs/ingest-rounds.md). Each fails on `ce631fd` but the
last, a guard that keeps the new region rule (region-of-body-name) to an article's lead."""
from __future__ import annotations

from .conftest import ingest_text


def run(tmp_path, body: str, kb, date: str = "2021-09-17"):
    return ingest_text(tmp_path, body, kb, date)


def name(ex, key: str) -> str:
    return ex.entities[key].record["name_zh"]


def test_projects_breaking_ground_in_a_zone_are_its_event_and_keep_their_figures(tmp_path, kb):
    ex = run(tmp_path, "9月16日上午，长沙高新区2021年第三批重大项目集中开工仪式在麓谷举行，此次集中开工项目共15个，总投资85亿元。", kb)
    events = [m for m in ex.mentions if m.label == "Event"]
    assert [m.attrs.get("kind") for m in events] == ["groundbreaking"]
    assert ("CONCERNS", "长沙国家高新技术产业开发区") in {(r.type, name(ex, r.to)) for r in ex.relations
                                                     if r.frm == events[0].key}
    assert {o.fields["value"] for o in ex.observations} == {15, 85}


def test_a_course_is_an_event_its_organiser_takes_part_and_its_trainees_are_no_firms(tmp_path, kb):
    ex = run(tmp_path, "3月12日，由成都市网络安全协会主办的网络安全人才培训班在成都高新区开班，来自30家企业的80名学员参加培训。", kb)
    events = [m for m in ex.mentions if m.label == "Event"]
    assert [m.text for m in events] == ["网络安全人才培训班"]
    assert ("PARTICIPANT", "成都市网络安全协会") in {(r.type, name(ex, r.to)) for r in ex.relations}
    # neither 30家 nor 80名 is a figure of the zone: how many came is the course's (stat-event-attendance; round blind-c, split in blind-t)
    assert {(name(ex, o.subject), o.fields["value"], o.rule) for o in ex.observations} <= \
        {("网络安全人才培训班", 30, "stat-event-attendance"), ("网络安全人才培训班", 80, "stat-event-attendance")}
    assert ex.observations


def test_an_agreement_signed_with_a_zone_committee_is_a_signing_of_both(tmp_path, kb):
    ex = run(tmp_path, "近日，奇安信集团与长沙经开区管委会签订战略合作协议。", kb)
    events = [m for m in ex.mentions if m.label == "Event"]
    assert len(events) == 1
    parties = {name(ex, r.to) for r in ex.relations if r.frm == events[0].key and r.type == "PARTICIPANT"}
    assert "长沙经开区管委会" in parties and len(parties) == 2


def test_the_bodies_that_organise_a_meeting_named_before_take_part(tmp_path, kb):
    ex = run(tmp_path, "11月5日至7日，2021中国（长沙）网络安全·智能制造大会在长沙召开。大会由工业和信息化部、湖南省人民政府共同主办。", kb)
    rels = {(r.type, name(ex, r.to), r.role) for r in ex.relations if r.frm.startswith("event/")}
    assert ("PARTICIPANT", "工业和信息化部", "organiser (主办)") in rels
    assert any(t == "PARTICIPANT" and n.startswith("湖南省人民政府") for t, n, _ in rels)


def test_a_citys_office_issuing_a_plan_makes_the_whole_city_its_region(tmp_path, kb):
    ex = run(tmp_path, "成都市人民政府办公厅印发规划，提出到2025年全市数字经济核心产业增加值达到2500亿元。", kb, "2022-05-16")
    got = [(name(ex, o.subject), o.fields["metric"], o.fields["value"], o.fields["status"]) for o in ex.observations]
    assert got == [("成都市", "value_added", 2500, "target")]


def test_a_national_article_naming_one_citys_body_late_is_not_that_citys(tmp_path, kb):
    body = ("网络安全产业发展加快。围绕数字政府、智慧城市等重点领域，提高网络安全技术创新能力。\n\n"
            "近日，重庆市经济信息委印发通知，推进园区建设。")
    ex = run(tmp_path, body, kb, "2023-03-24")
    assert not [r for r in ex.relations if r.type == "FOCUSES_ON"]
