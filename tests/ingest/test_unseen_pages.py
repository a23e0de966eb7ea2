"""Sentences shaped like those of public pages no rule was written from (reprint and news pages read
on 2026-12-02, bench/RESULTS.md): each test fails on the extractor before that round."""
from __future__ import annotations

import pytest

from parkgraph.loaders.ingest import ingest
from parkgraph.loaders.ingest.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    from parkgraph.data import DATA_DIR
    kb = KnowledgeBase()
    kb.add_data([DATA_DIR])
    return kb


def run(tmp_path, body: str, kb, date: str = "2019-12-09"):
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: {date}\n---\n\n{body}\n", encoding="utf-8")
    return ingest(p, kb=kb).extraction


def test_a_year_before_the_metric_is_a_date_not_an_annual_figure(tmp_path, kb):
    ex = run(tmp_path, "国家网络安全产业园区（北京）到2025年产业规模预计达到1700亿元，年产业规模增长较快。", kb)
    got = {(o.fields["metric"], o.fields["value"]) for o in ex.observations}
    assert ("industry_scale", 1700) in got and not any(m.startswith("annual_") and v == 1700 for m, v in got)


def test_a_speaker_at_a_meeting_held_on_a_day_takes_part_and_does_not_organise(tmp_path, kb):
    ex = run(tmp_path, "北京市经济和信息化局局长王刚在9日举行的2019年中国网络安全产业高峰论坛上透露，园区已入驻企业52家。", kb)
    events = [m for m in ex.mentions if m.label == "Event"]
    assert [m.text for m in events] == ["2019年中国网络安全产业高峰论坛"]
    rels = [(r.type, r.to, r.role) for r in ex.relations if r.frm == events[0].key]
    assert ("PARTICIPANT", "govbody/beijing-shi-jingxinju", "attended (透露)") in rels
    assert not any(role and role.startswith("organiser") for _, _, role in rels)


def test_the_body_an_approval_came_from_is_its_approver(tmp_path, kb):
    ex = run(tmp_path, "由川渝两地联合申报的国家网络安全产业园区（成渝地区）日前获工业和信息化部批复。", kb, "2022-05-17")
    approvals = [m for m in ex.mentions if m.label == "Event" and m.attrs.get("kind") == "approval"]
    assert approvals
    assert ("PARTICIPANT", "govbody/miit", "approver (批复)") in {(r.type, r.to, r.role) for r in ex.relations}


def test_a_part_of_a_park_named_by_its_use_is_no_region(tmp_path, kb):
    ex = run(tmp_path, "主体大楼位于核心区，占地面积5.1万平方米。园区位于北京市海淀区。", kb)
    assert "核心区" not in {m.text for m in ex.mentions if m.label == "Region"}
