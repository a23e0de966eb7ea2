"""Round blind-zi (docs/ingest-rounds.md): names that are a fact on their own. Of the gold entities the rules missed,
most were found and linked but no fact was read about them; for a few mention rows nearly every such name is a gold
entity (the named-* rows, loaders/ingest/rules/facts.py, measured on the tuned pool before any blind sample of the
round was scored). Each positive fails on the commit before the rows; each guard passes there.

Then causes read from dev-ZH (round blind-zg's unread check) and dev-ZI, once dev-ZI and dev-ZJ had been scored as
they came (dev-ZJ and the held-out splits stay unread). The sentences are written for these tests after the pattern
of what was read; each positive fails on the commit before its change:
- 跨国公司研发总部7家, 上市公司: what kind of firm, no firm; 国家规划布局重点软件企业: 布局 is no 局;
- 本次全省将集中开工的重大招商引资项目共382个: the groundbreaking named before counts them, not the province;
- 主会场放在…项目开工活动现场: where that groundbreaking was held, not a second one;
- 聚焦全省五大现代产业，…项目达199个: 全省 after a focus verb is what is focused on, not whose the figure is;
- 不足70亿元 is under 70 (不到), 增速为-4.9% is negative, and 增长到2021年的5700多亿元 in a later article is history;
- 今年9月底 is the month's last day, as 2022年6月底 is;
- A、B、C等逾500家…企业: a list of firms closed by a qualified count;
- “长沙速度”究竟有多快？2020互联网岳麓峰会, “鲲鹏计算生态”堪称几大分论坛: no meeting's name;
- 在北京率先推出首批17个科技应用场景: where it was done first, not who did it;
- 天心区的暮云片区…原来有300多家工业企业: a 片区 is a local area, and the figure is its own;
- A与B、C、D一道签署了《…协议》: every party of the list after 与 signs; 签约仪式上，… opening a paragraph: each agreement
  of the paragraph was signed at the ceremony named before, no signing of its own; the English draft of so long a
  name is cut to the ontology's limit (it ran to 380 characters and the review file did not validate);
- 2019年，…比上年增长6.2%: 上年 is the year before the one named (2018);
- a notice headed by its issuing body on a line of its own, then 关于印发《Y》的通知: the body issues Y."""
from __future__ import annotations

from .conftest import accepted_figures, events, facts, ingest_text, proposed_figures


def named(ex, accepted: bool = True) -> dict[str, str]:
    """name → the named-* row, for the entities proposed on their name alone (with accepted=False, also where the row
    stands below the threshold: the name is then listed among the entities with no fact)."""
    return {p.record["name_zh"]: p.named for p in ex.entities.values() if p.named and (p.has_fact or not accepted)}


def test_firms_listed_without_a_fact_are_named(tmp_path, kb):
    ex = ingest_text(tmp_path, "晓多科技、优启科技、冉星等企业代表参加了座谈。", kb, "2021-05-06")
    assert {"晓多科技", "优启科技", "冉星"} <= set(named(ex)), named(ex)
    assert set(named(ex).values()) == {"named-enterprise-list"}


def test_a_place_data_does_not_hold_is_named(tmp_path, kb):
    ex = ingest_text(tmp_path, "会上，株洲市、益阳市代表作了发言。", kb, "2021-05-06")
    # named-place fell below the threshold in round blind-zm (9 of 23 as the samples came): read, not accepted
    assert named(ex, accepted=False) == {"株洲市": "named-place", "益阳市": "named-place"}


def test_guard_a_place_data_holds_is_no_fact_on_its_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "会上，长沙市代表作了发言。", kb, "2021-05-06")
    assert not named(ex)
    assert not any(p.has_fact for p in ex.entities.values() if p.record.get("name_zh") == "长沙市")


def test_domains_coordinated_with_a_domain_are_named(tmp_path, kb):
    ex = ingest_text(tmp_path, "推动大数据产业及与其相关联的云计算、物联网、移动互联网等高精尖产业快速发展。", kb, "2021-05-06")
    # named-domain-coordinated stands below the threshold since round blind-xe's calibration (right 11 of 30): the names
    # are still proposed, listed among the entities with no fact
    assert {"云计算", "移动互联网"} <= set(named(ex, accepted=False)), named(ex, accepted=False)
    # 物联网 is read by domain-standard (a national classification's industry), named on its own since round blind-zs
    assert named(ex).get("物联网") == "named-domain-standard", named(ex)


def test_a_policy_title_is_named_but_not_a_bare_document_kind(tmp_path, kb):
    ex = ingest_text(tmp_path, "会议学习了《关于促进数据安全产业发展的指导意见》和《行动计划》。", kb, "2021-05-06")
    assert named(ex) == {"关于促进数据安全产业发展的指导意见": "named-policy-title"}, named(ex)


def test_the_review_file_writes_a_named_firm_and_says_why(tmp_path):
    from parkgraph.data import DATA_DIR
    from parkgraph.loaders.ingest import ingest
    p = tmp_path / "a.md"
    p.write_text("---\ntitle: t\ndate: 2021-05-06\n---\n\n晓多科技、优启科技等企业代表参加了座谈。\n", encoding="utf-8")
    review = ingest(p, store=None, data_dirs=[DATA_DIR]).review
    lines = review.splitlines()
    head = next(i for i, x in enumerate(lines) if x.startswith("# Enterprise enterprise/xiaoduo-keji "))
    assert "named on its own (named-enterprise-list)" in lines[head]
    assert "- id: xiaoduo-keji" in lines[head + 1:head + 4]   # the record itself, uncommented: it loads as it stands


def test_a_kind_of_firm_is_no_firm_and_a_layout_no_body(tmp_path, kb):
    ex = ingest_text(tmp_path, "另外，中关村软件园拥有国家规划布局重点软件企业23家，跨国公司研发总部7家，上市企业47家。", kb, "2017-11-21")
    names = {p.record["name_zh"] for p in ex.entities.values()}
    assert not names & {"跨国公司", "国家规划布局"}, names
    assert {(s, v) for s, v in proposed_figures(ex)} == {("中关村软件园", 23), ("中关村软件园", 7), ("中关村软件园", 47)}


def test_guard_a_named_firm_with_gongsi_stays_a_firm(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都市与新华三公司签署合作协议。", kb, "2021-05-06")
    assert any(p.record["name_zh"].startswith("新华三") for p in ex.entities.values() if p.label == "Enterprise")


GROUNDBREAKING = ("11月14日，2019年四川省重大招商引资项目集中开工暨成都科成云计算大数据产业中心项目开工活动举行。活动分设主会场和"
                  "分会场，主会场放在成都市新都区成都科成云计算大数据产业中心项目开工活动现场。")


def test_this_groundbreakings_projects_are_its_figures(tmp_path, kb):
    ex = ingest_text(tmp_path, GROUNDBREAKING + "\n\n据悉，本次全省将集中开工的重大招商引资项目共382个，总投资额5066.67亿元。",
                     kb, "2019-11-15")
    event = "2019年四川省重大招商引资项目集中开工暨成都科成云计算大数据产业中心项目开工活动"
    assert {(s, v) for s, v in proposed_figures(ex)} >= {(event, 382), (event, 5066.67)}, proposed_figures(ex)


def test_the_main_venue_is_no_second_event(tmp_path, kb):
    ex = ingest_text(tmp_path, GROUNDBREAKING, kb, "2019-11-15")
    assert len([e for e in events(ex) if "开工" in e]) == 1, events(ex)


def test_a_whole_that_is_focused_on_owns_no_figure(tmp_path, kb):
    ex = ingest_text(tmp_path, "这批开工项目主要是近两年签约的项目。\n\n从产业结构看，项目更加集中地聚焦全省五大现代产业，涉及五大万亿产业"
                     "的项目达199个。", kb, "2019-11-15", title="四川省重大招商引资项目集中开工")
    assert ("四川省", 199) not in accepted_figures(ex), proposed_figures(ex)


def test_guard_a_whole_after_another_verb_still_owns_the_figure(tmp_path, kb):
    ex = ingest_text(tmp_path, "这批开工项目主要是近两年签约的项目。\n\n今年以来，全省新开工项目达199个。", kb, "2019-11-15",
                     title="四川省重大招商引资项目集中开工")
    assert ("四川省", 199) in accepted_figures(ex), proposed_figures(ex)


def test_under_a_minus_sign_and_growth_to_a_past_year(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都市软件产业规模由2003年时的不足70亿元增长到2021年的5700多亿元。"
                     "湖南省电子信息制造业增加值增速从一季度的-4.9%、上半年的2.1%逐步回升。", kb, "2023-07-09")
    got = set(proposed_figures(ex, "qualifier", "status"))
    assert {("成都市", 70, "不到", "actual"), ("成都市", 5700, "多", "actual"), ("湖南省", -4.9, None, "actual")} <= got, got


def test_guard_growth_to_a_later_year_is_a_target(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都市软件产业规模将由2023年的6000亿元增长到2027年的9000亿元。", kb, "2023-07-09")
    assert ("成都市", 9000, "target") in set(proposed_figures(ex, "status")), proposed_figures(ex, "status")


def test_the_end_of_a_month_this_year_is_its_last_day(tmp_path, kb):
    ex = ingest_text(tmp_path, "城市数字大楼计划今年9月底具备入驻办公条件。", kb, "2023-07-09")
    assert ("今年9月底", "2023-09-30") in {(d.text, d.value) for d in ex.dates}


def test_a_firm_list_closed_by_a_qualified_count(tmp_path, kb):
    ex = ingest_text(tmp_path, "据资料，中关村软件园已集聚了亚信科技、博彦科技、软通动力等逾500家国内外知名IT企业和全球研发中心。", kb,
                     "2017-11-21")
    # each firm is a fact: on its name (named-enterprise-list) or, since round blind-zk put listed-in-region above the
    # threshold, as located in the park the sentence names
    got = {p.record["name_zh"] for p in ex.entities.values() if p.has_fact}
    assert {"亚信科技", "博彦科技", "软通动力"} <= got, got


def test_a_named_meeting_runs_across_no_question_and_no_copula(tmp_path, kb):
    ex = ingest_text(tmp_path, "其中，“鲲鹏计算生态”堪称几大分论坛里的一大重头戏。“长沙速度”究竟有多快？2020互联网岳麓峰会已经揭晓了答案。", kb,
                     "2020-09-09")
    assert events(ex) == ["2020互联网岳麓峰会"], events(ex)


def test_a_place_where_something_was_done_first_owns_none_of_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "目前中关村科学城各项工作正稳步推进，梳理入库146个重点项目；在北京率先推出首批17个科技应用场景。", kb,
                     "2020-01-17")
    assert ("中关村科学城", 17) in accepted_figures(ex) and ("北京市", 17) not in set(proposed_figures(ex)), proposed_figures(ex)


def test_a_pianqu_is_a_local_area_with_its_own_figures(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙市天心区的暮云片区地处长株潭结合部，原来有300多家工业企业。", kb, "2020-11-30")
    assert ("暮云片区", 300) in accepted_figures(ex), proposed_figures(ex)


def test_the_parties_after_yu_may_be_a_list(tmp_path, kb):
    ex = ingest_text(tmp_path, "8月26日，中国工业互联网研究院与重庆市经济和信息化委员会、重庆市通信管理局、重庆市北碚区人民政府一道签署了"
                     "《共建中国工业互联网研究院重庆分院合作协议》。", kb, "2019-08-27")
    parties = {b for a, b in facts(ex, "PARTICIPANT", accepted=False)}   # event-agreement: below the threshold (blind-yc)
    assert {"中国工业互联网研究院", "重庆市通信管理局", "重庆市北碚区人民政府"} <= parties, parties
    assert len([e for e in events(ex) if "签署" in e]) == 1, events(ex)


def test_agreements_signed_at_the_ceremony_are_its_own(tmp_path, kb):
    ex = ingest_text(tmp_path, "7月13日，德阳市重大招商引资工业项目签约仪式举行，会上进行了数字经济项目和重大招商引资工业项目签约。本次签约的"
                     "项目涉及数字经济、人工智能等领域。\n\n签约仪式上，市政府与中国电子集团、华为公司签订了战略合作协议。与此同时，"
                     "德阳发展集团、四川工程职业技术学院与阿里、深兰时代签署了数字经济项目合作协议。", kb, "2020-07-14")
    assert [e for e in events(ex) if "签" in e] == ["德阳市重大招商引资工业项目签约仪式"], events(ex)
    assert {"德阳发展集团", "四川工程职业技术学院", "华为"} <= {b for a, b in facts(ex, "PARTICIPANT")}


def test_a_long_names_english_draft_stays_within_the_ontologys_limit(tmp_path, kb):
    ex = ingest_text(tmp_path, "8月26日，中国工业互联网研究院与重庆市经济和信息化委员会、重庆市通信管理局、重庆市北碚区人民政府一道签署了"
                     "《共建中国工业互联网研究院重庆分院和国家工业互联网大数据重庆分中心合作协议》。", kb, "2019-08-27")
    limit = kb.model.classes["Event"].constraints["name_en"].max_length
    signing = next(p for p in ex.entities.values() if p.label == "Event" and "签署" in p.record["name_zh"])
    assert 0 < len(signing.record["name_en"]) <= limit and signing.record["name_en"].endswith("…")


def test_the_year_before_the_one_named(tmp_path, kb):
    ex = ingest_text(tmp_path, "数据表明，2019年，重庆规模以上工业增加值比上年增长6.2%，增速较上年提升5.7个百分点。", kb, "2020-01-20")
    assert [(d.text, d.value) for d in ex.dates if d.text == "上年"] == [("上年", "2018")] * 2


def test_guard_the_same_period_a_year_before_is_no_year(tmp_path, kb):
    ex = ingest_text(tmp_path, "上半年，全市数字经济核心产业增加值比上年同期增长3%。", kb, "2024-08-01")
    assert not [d for d in ex.dates if d.text.startswith("上年")], ex.dates


def test_a_notices_header_names_who_issues_the_plan(tmp_path, kb):
    p = tmp_path / "n.md"
    p.write_text("---\ntitle: 湖南省人民政府办公厅关于印发《湖南省数据要素试验区建设方案》的通知\ndate: 2025-06-10\noutlet: 测试日报\n---\n\n"
                 "湖南省人民政府办公厅\n关于印发《湖南省数据要素试验区建设方案》的通知\n湘政办函〔2025〕29号\n\n各市州人民政府：\n"
                 "《湖南省数据要素试验区建设方案》已经省委、省人民政府同意，现印发给你们，请认真抓好组织实施。\n", encoding="utf-8")
    from parkgraph.loaders.ingest import ingest
    ex = ingest(p, kb=kb).extraction
    assert ("湖南省数据要素试验区建设方案", "湖南省人民政府办公厅") in facts(ex, "ISSUED_BY"), facts(ex, "ISSUED_BY", accepted=False)
