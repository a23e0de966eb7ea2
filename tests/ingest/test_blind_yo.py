"""Round blind-yo (docs/ingest-rounds.md): causes read from dev-ZZM (round blind-ym's first sample, read when this
round opened, while dev-ZZO and dev-ZZP were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB,
dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ, dev-ZZL and dev-ZZN stay unread). The sentences are written for these tests after
the pattern of what was read; each positive fails on the commit before its change (d7818c6), each guard passes there:
- 新增投资1.5个亿: 1.5 亿元, as it is said;
- 增速创12个月以来的新高: a span the high is measured over, no figure;
- 《Y》已经省人民政府同意，现印发 in a notice of 湖南省人民政府办公厅: the office issues Y, the government approved it."""
from __future__ import annotations

from .conftest import facts, ingest_text, proposed_figures


def test_a_hundred_million_said_with_ge_is_money(tmp_path, kb):
    got = proposed_figures(ingest_text(tmp_path, "2020年，长沙经开区新增投资1.5个亿。", kb, "2020-12-23"), "unit")
    assert ("长沙经开区", 1.5, "亿元") in got, got
    # guard: a project of the hundred-million class is no sum
    got = proposed_figures(ingest_text(tmp_path, "2020年，长沙经开区平均每3天就有1个亿元级项目落地。", kb, "2020-12-23"))
    assert not [f for f in got if f[1] == 1], got


def test_months_since_a_high_are_no_figure(tmp_path, kb):
    body = "1-2月，长沙经开区企业科技活动经费支出93.3亿元，同比增长26.1%，增速创12个月以来的新高。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2012-04-26"), "unit")
    assert not [f for f in got if f[2] == "个月"], got
    # guard: a duration a place achieved is a figure still
    got = proposed_figures(ingest_text(tmp_path, "2019年，长沙经开区项目平均建设周期缩短3个月。", kb, "2020-01-01"), "unit")
    assert ("长沙经开区", 3, "个月") in got, got


def test_a_notice_of_an_office_is_issued_by_the_office(tmp_path, kb):
    body = "湖南省人民政府办公厅关于印发《湖南省数字经济规划》的通知。《湖南省数字经济规划》已经省人民政府同意，现印发给你们。"
    got = facts(ingest_text(tmp_path, body, kb, "2020-01-01"), "ISSUED_BY", accepted=False)
    assert ("湖南省数字经济规划", "湖南省人民政府办公厅") in got, got
    assert not [x for x in got if x[1] != "湖南省人民政府办公厅"], got
    # guard: with no office named, the body that approved it issues it
    body = "长沙市推进网络安全产业发展。《长沙市网络安全产业发展规划》已经市政府同意，现印发给你们，请认真贯彻执行。"
    got = facts(ingest_text(tmp_path, body, kb, "2020-01-01"), "ISSUED_BY", accepted=False)
    assert got and not [x for x in got if "办公厅" in x[1]], got
