"""Round blind-zu (docs/ingest-rounds.md): causes read from dev-ZS and dev-ZT (round blind-zs's samples), read while
the round's two new samples were being labelled, so dev-ZU and dev-ZV scored these rules as they came. The sentences
are written for these tests after the pattern of what was read; each positive fails on the commit before its change,
each guard passes there:
- 北京亦庄对北京全市工业总产值增长的贡献率达50.8%: 北京全市 after 对 is what the figure serves, not whose it is;
- 建成3—5个成熟的人工智能产业集聚区: a name counted in 个 is a kind, no area of its own;
- 中关村科学城创新发展发布会（2019上半年）在…举行: the bracketed period is part of the meeting's name, and the bodies
  whose officials attended in the sentence after take part in it."""
from __future__ import annotations

from .conftest import entity_name, events, ingest_text, proposed_figures


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


def test_a_meeting_named_with_a_bracketed_period_is_held(tmp_path, kb):
    body = ("2019年5月19日上午，中关村科学城创新发展发布会（2019上半年）在展示交易中心举行。"
            "国家知识产权局副局长廖涛、中关村管委会主任翟立新等出席。")
    ex = ingest_text(tmp_path, body, kb, "2019-05-19")
    assert "中关村科学城创新发展发布会（2019上半年）" in events(ex), events(ex)
    parts = {entity_name(ex, r.to) for r in ex.relations if r.type == "PARTICIPANT"}
    assert {"国家知识产权局", "中关村管委会"} <= parts, parts
    # guard: a bracket that is no period (以下简称…) is no part of the name
    ex = ingest_text(tmp_path, "中关村科学城创新发展发布会（以下简称“发布会”）在展示交易中心举行。", kb, "2019-05-19")
    assert not any("以下简称" in e for e in events(ex)), events(ex)
