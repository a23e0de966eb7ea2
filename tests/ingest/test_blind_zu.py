"""Round blind-zu (docs/ingest-rounds.md): causes read from dev-ZS and dev-ZT (round blind-zs's samples), read while
the round's two new samples were being labelled, so dev-ZU and dev-ZV scored these rules as they came. The sentences
are written for these tests after the pattern of what was read; each positive fails on the commit before its change,
each guard passes there:
- 北京亦庄对北京全市工业总产值增长的贡献率达50.8%: 北京全市 after 对 is what the figure serves, not whose it is;
- 建成3—5个成熟的人工智能产业集聚区: a name counted in 个 is a kind, no area of its own."""
from __future__ import annotations

from .conftest import ingest_text, proposed_figures


def test_the_whole_city_after_dui_is_what_a_figure_serves(tmp_path, kb):
    body = "位于北京经济技术开发区(北京亦庄)的企业很多。去年，北京亦庄对北京全市工业总产值增长的贡献率达50.8%。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2019-05-08"))
    assert ("北京经济技术开发区", 50.8) in got, got
    # guard: a region with no 对 before it is still whose the figure is
    got = proposed_figures(ingest_text(tmp_path, "去年，北京全市工业总产值增长5.1%。", kb, "2019-05-08"))
    assert ("北京市", 5.1) in got, got


def test_a_name_counted_in_ge_is_a_kind(tmp_path, kb):
    ex = ingest_text(tmp_path, "到2022年，建成3—5个成熟的人工智能产业集聚区。", kb, "2019-06-01")
    assert not any(m.label == "Region" and "集聚区" in m.text for m in ex.mentions), [m.text for m in ex.mentions]
    # guard: a named area with no count before it is still an area
    ex = ingest_text(tmp_path, "成都市建成天府软件园人工智能产业集聚区。", kb, "2019-06-01")
    assert any("集聚区" in m.text for m in ex.mentions), [m.text for m in ex.mentions]
