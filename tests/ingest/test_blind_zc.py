"""Round blind-zc (docs/ingest-rounds.md): causes read from the read dev samples (dev-X and older; dev-ZB once dev-ZC
and dev-ZD had been scored as they came). test-B … test-E, dev-Z and dev-ZD stay unread. The sentences are written for
these tests after the pattern of what was read; each positive fails on the commit before its change (5fa96b8):
- 天心经开区举办了…签约活动，汇聚了金山科技、兰卫医学等8个平台: the firms listed before the figure are what it counts,
  so the figure is the signing's (the manual's A1), not the zone's that held it."""
from __future__ import annotations

from .conftest import ingest_text, proposed_figures

HELD_THEN_COUNTED = "3月20日，天心经开区举办了湘商回归集中签约活动，汇聚了金山科技、兰卫医学等8个平台和10个项目落地天心经开区。"


def test_an_events_counts_after_the_firms_they_count_are_the_events(tmp_path, kb):
    figures = proposed_figures(ingest_text(tmp_path, HELD_THEN_COUNTED, kb, "2023-06-01"))
    assert ("湘商回归集中签约活动", 8) in figures and ("湘商回归集中签约活动", 10) in figures, figures
    assert not [f for f in figures if f[0] == "天心经开区"], figures


def test_guard_a_firm_named_alone_before_the_figure_still_owns_it(tmp_path, kb):
    # a firm that is no list member says whose figure it is, even after a meeting the sentence names
    figures = proposed_figures(ingest_text(
        tmp_path, "3月20日，天心经开区举办了湘商回归集中签约活动，湖南长城科技信息有限公司投资10亿元建设总部基地。", kb, "2023-06-01"))
    assert ("湘商回归集中签约活动", 10) not in figures, figures
