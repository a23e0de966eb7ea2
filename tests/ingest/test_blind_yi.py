"""Round blind-yi (docs/ingest-rounds.md): causes read from dev-ZZG (round blind-yg's first sample, read when this
round opened, while dev-ZZI and dev-ZZJ were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB,
dev-ZZD, dev-ZZF and dev-ZZH stay unread). The sentences are written for these tests after the pattern of what was
read; each positive fails on the commit before its change (51fe745), each guard passes there:
- 紫光集团 and then 紫光集团有限公司: one firm, with or without its legal form;
- 紫光集团全球执行副总裁: the officer's scope (全球) is no part of the firm's name;
- 成都高新西区: a quarter of 成都高新区 (zone-quarter-in-zone);
- 湖南网讯通科技发展有限公司产业园项目在望城经开区开工建设: the firm's project broke ground, and is named so."""
from __future__ import annotations

from .conftest import events, facts, ingest_text


def _names(ex, label: str) -> set[str]:
    return {p.record.get("name_zh") for p in ex.entities.values() if p.label == label}


def test_a_firm_named_with_and_without_its_legal_form_is_one(tmp_path, kb):
    body = ("去年12月，成都市政府与紫光集团签署合作框架协议。4月22日，天府新区成都管委会与紫光集团有限公司在成都正式签订"
            "紫光IC国际城项目合作协议。")
    firms = _names(ingest_text(tmp_path, body, kb, "2017-04-24"), "Enterprise")
    assert len([n for n in firms if n.startswith("紫光集团")]) == 1, firms
    # guard: two firms whose names differ by more than the legal form stay two
    firms = _names(ingest_text(tmp_path, "紫光集团有限公司与紫光股份有限公司签约。", kb, "2017-04-24"), "Enterprise")
    assert {"紫光集团有限公司", "紫光股份有限公司"} <= firms, firms


def test_an_officers_scope_is_no_part_of_the_firms_name(tmp_path, kb):
    body = "紫光集团全球执行副总裁高启全、联席总裁王慧轩参加了签约仪式。"
    firms = _names(ingest_text(tmp_path, body, kb, "2017-04-24"), "Enterprise")
    assert not [n for n in firms if n.endswith("全球")], firms


def test_a_zones_quarter_is_part_of_the_zone(tmp_path, kb):
    body = "成都高新区大力发展集成电路产业。成都高新西区聚集了英特尔、德州仪器等70家企业。"
    got = facts(ingest_text(tmp_path, body, kb, "2020-06-01"), "PART_OF", accepted=False)
    assert ("成都高新西区", "成都高新区") in got, got


def test_a_firms_project_breaking_ground_is_named_for_the_project(tmp_path, kb):
    body = "11月10日上午，湖南网讯通科技发展有限公司产业园项目在望城经开区开工建设。"
    got = events(ingest_text(tmp_path, body, kb, "2015-11-10"))
    assert "湖南网讯通科技发展有限公司产业园项目开工" in got, got
    # guard: a firm's own groundbreaking, no project named, keeps the firm's name
    got = events(ingest_text(tmp_path, "11月10日，湖南网讯通科技发展有限公司在望城经开区开工。", kb, "2015-11-10"))
    assert "湖南网讯通科技发展有限公司开工" in got, got
