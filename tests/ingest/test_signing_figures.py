"""Round `qualifiers`: the figures of a signing (签约项目N个, 总协议额), read from the dev splits' misses. A news
report names the signing in its lead and counts what was signed in the next paragraph; the place the report
named first is where it happened, not whose figures they are. The first test fails on the commit before
`stat-signing`; the second is a guard."""
from .conftest import ingest_text
from .test_lists import owners


def test_what_was_signed_is_counted_for_the_signing_named_before(tmp_path, kb):
    ex = ingest_text(tmp_path, "16日，重庆市沙坪坝区举办2024年第一季度招商引资项目集中签约活动。\n\n"
                               "此次共有47个项目签约落户沙坪坝区，总协议额230亿元，覆盖智能制造等多个领域。", kb, "2024-04-16")
    got = owners(ex)
    assert {("2024年第一季度招商引资项目集中签约活动", 47), ("2024年第一季度招商引资项目集中签约活动", 230)} <= got
    assert not {o for o in got if o[0] in ("沙坪坝区", "重庆市")}


def test_a_figure_whose_clause_names_its_place_stays_the_places(tmp_path, kb):
    # a guard: 北京经济技术开发区的签约金额 is the zone's, whatever signing the sentence before named
    ex = ingest_text(tmp_path, "2017年6月，第二十届科博会举行了科技合作项目签约仪式。此次北京经济技术开发区的签约金额达101.6亿元。",
                     kb, "2017-06-13")
    assert ("北京经济技术开发区", 101.6) in owners(ex)
