"""Round blind-t (docs/ingest-rounds.md): causes read from dev-T and dev-U's wrong proposals after their first score.
The sentences are written for these tests after the pattern of what was read; each positive fails on the commit
before its change (edfcfa1), and the guards pass there by design:
- a meeting's name runs on through a quoted part that holds a space (“产业互联网 智汇长沙城”主题论坛);
- 5场…专题活动 counts events and names none;
- 10位“湖南软件名人”、10家“湖南软件名企”: how many hold a title, not the place's figure (but 2家“北斗星”…企业 is);
- a province heading a zone's name in a meeting's name (四川天府新区…开工仪式) is not what the meeting concerns."""
from __future__ import annotations

from .conftest import accepted_relations, events, ingest_text, proposed_figures, proposed_relations


def test_a_meetings_name_runs_on_through_a_quoted_part_with_a_space(tmp_path, kb):
    ex = ingest_text(tmp_path, "今天，2024互联网岳麓峰会“产业互联网 智汇长沙城”主题论坛在长沙召开。", kb, "2024-09-09")
    name = "2024互联网岳麓峰会“产业互联网 智汇长沙城”主题论坛"
    assert name in events(ex)
    assert (name, "LOCATED_IN", "长沙市") in accepted_relations(ex)


def test_a_count_of_events_is_no_events_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "大会举办开幕式暨主题报告会、5场聚焦计算核心前沿的专题活动、5场技术赋能行业发展的同期活动。",
                     kb, "2025-11-01")
    assert not [e for e in events(ex) if e.startswith("5场")]


def test_how_many_hold_a_title_is_no_figure_of_the_place(tmp_path, kb):
    ex = ingest_text(tmp_path, "会上，湖南省软件行业协会评选出首届湖南软件产业“名人、名企、名品”，其中包括10位“湖南软件名人”、"
                     "10家“湖南软件名企”和40个“湖南软件名品”。", kb, "2021-06-29")
    assert not {v for _, v in proposed_figures(ex)} & {10, 40}


def test_guard_firms_counted_by_their_kind_in_quotes_stay_the_places(tmp_path, kb):
    ex = ingest_text(tmp_path, "目前渝中区软信企业总数突破4300家，形成由2家“北斗星”、8家“启明星”及2261家“繁星”企业构成的发展矩阵。",
                     kb, "2025-12-10")
    assert {("渝中区", 2), ("渝中区", 8), ("渝中区", 2261)} <= set(proposed_figures(ex))


def test_a_province_heading_a_zones_name_is_not_what_the_meeting_concerns(tmp_path, kb):
    ex = ingest_text(tmp_path, "8月12日上午，四川天府新区2021年第三季度重大项目集中开工仪式在天府总部商务区举行。", kb, "2021-08-12")
    assert not [r for r in ex.relations if r.type == "CONCERNS" and ex.entities[r.to].record["name_zh"] == "四川省"]
    # guard: a province that is the whole head of the name still is
    ex = ingest_text(tmp_path, "湖南省2025年国家网络安全宣传周活动启动仪式在长沙举行。", kb, "2025-09-15")
    assert ("湖南省2025年国家网络安全宣传周活动启动仪式", "CONCERNS", "湖南省") in proposed_relations(ex)
