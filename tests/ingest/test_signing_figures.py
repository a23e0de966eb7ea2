"""Round `qualifiers`: the figures of a signing (签约项目N个, 总协议额) and of a contest (报名参赛, 晋级), read from
the dev splits' misses. A news report names the event in its lead and counts what was signed, or who entered, in
the next paragraph; the place the report named first, or a place listed as where teams came from, is not whose
figures they are. The first and third tests fail on the commit before their rows (`stat-signing`,
`stat-contest`); the other two are guards."""
from .conftest import ingest_text
from .conftest import accepted_figures, proposed_figures


def test_what_was_signed_is_counted_for_the_signing_named_before(tmp_path, kb):
    ex = ingest_text(tmp_path, "16日，重庆市沙坪坝区举办2024年第一季度招商引资项目集中签约活动。\n\n"
                               "此次共有47个项目签约落户沙坪坝区，总协议额230亿元，覆盖智能制造等多个领域。", kb, "2024-04-16")
    got = set(proposed_figures(ex))
    assert {("2024年第一季度招商引资项目集中签约活动", 47), ("2024年第一季度招商引资项目集中签约活动", 230)} <= got
    assert not {o for o in got if o[0] in ("沙坪坝区", "重庆市")}


def test_a_figure_whose_clause_names_its_place_stays_the_places(tmp_path, kb):
    # a guard: 北京经济技术开发区的签约金额 is the zone's, whatever signing the sentence before named
    ex = ingest_text(tmp_path, "2017年6月，第二十届科博会举行了科技合作项目签约仪式。此次北京经济技术开发区的签约金额达101.6亿元。",
                     kb, "2017-06-13")
    assert ("北京经济技术开发区", 101.6) in accepted_figures(ex)


def test_who_entered_a_contest_is_counted_for_the_contest_not_a_listed_place(tmp_path, kb):
    ex = ingest_text(tmp_path, "近日，2025数字中国创新大赛·信创赛道华中（长沙）赛区开幕。这是长沙首次承办该项目华中赛区，吸引了湖南、"
                               "湖北、贵州、云南等多个地区的创新团队参与，全国近600人报名参赛，最终有69个信创项目同台竞技。",
                     kb, "2025-03-28")
    got = accepted_figures(ex)
    contest = "2025数字中国创新大赛·信创赛道华中（长沙）赛区"
    assert {(contest, 600), (contest, 69)} <= got
    assert not {o for o in got if o[1] in (600, 69) and o[0] != contest}


def test_a_contest_figure_with_its_school_before_it_is_the_schools(tmp_path, kb):
    # a guard: 北京邮电大学与成都理工大学各有2支队伍晋级决赛 is the schools' (stat-number), not the contest's
    ex = ingest_text(tmp_path, "第五届“巅峰极客”网络安全技能挑战赛初赛在成都举行。北京邮电大学有2支队伍晋级决赛。", kb, "2022-08-20")
    assert ("北京邮电大学", 2) in proposed_figures(ex)   # stat-number, below the threshold since round blind-zk
