"""Round blind-zg (docs/ingest-rounds.md): causes read from dev-ZF (round blind-ze's unread check) and dev-ZG, once
dev-ZG and dev-ZH had been scored as they came. The held-out splits, dev-Z and dev-ZH stay unread. The sentences are
written for these tests after the pattern of what was read; each positive fails on the commit before its change:
- 打造全市…引领区，力争…产值突破120亿元: 全市 after 打造/成为/争创 is the scope of a goal, and the figures stay with
  the region the sentence is about."""
from __future__ import annotations

from .conftest import accepted_figures, ingest_text

GOAL = ("日前，渝中区出台了行动计划，明确提出奋力打造全市软信重点新兴产业创新引领区，力争到2027年产值突破120亿元。"
        "重庆市推动软信产业发展。")   # 全市 is 重庆市, the article's city


def test_a_whole_after_a_goal_verb_is_no_subject_of_the_figures(tmp_path, kb):
    ex = ingest_text(tmp_path, GOAL, kb, "2025-06-30", title="渝中区出台软信产业三年行动计划")
    assert {s for s, v in accepted_figures(ex) if v == 120} == {"渝中区"}, accepted_figures(ex)


def test_guard_a_whole_after_jiancheng_stays_the_subject(tmp_path, kb):
    ex = ingest_text(tmp_path, "计划提出，到2020年底，北京市要建成全市大数据汇聚中心，实现公共数据开放单位覆盖率超过90%。", kb, "2016-05-18", title="北京市出台大数据行动计划")
    assert {s for s, v in accepted_figures(ex) if v == 90} == {"北京市"}, accepted_figures(ex)
