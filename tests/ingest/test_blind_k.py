"""Round blind-k (docs/ingest-rounds.md): general wordings read from the dev splits' misses before dev-K was scored,
then from dev-K's wrong proposals. Each test fails on the commit before its rows, but for four guards that keep a
new row from over-reaching (a place named elsewhere, a project named by what it builds, lines of business, 全国)."""
from .conftest import accepted_figures, events, facts, ingest_text


def test_firms_taken_in_by_a_place_named_in_the_paragraph_are_in_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都高新区加快发展网络安全产业。近年来，先后引进了奇安信、深信服等龙头企业。", kb, "2023-06-01")
    assert {("奇安信", "成都高新区"), ("深信服", "成都高新区")} <= facts(ex, "LOCATED_IN")


def test_a_sentence_that_names_another_place_keeps_its_firms_from_the_paragraphs(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都高新区加快发展网络安全产业。在北京，先后引进了奇安信、深信服等龙头企业。", kb, "2023-06-01")
    assert not {b for a, b in facts(ex, "LOCATED_IN") if a in ("奇安信", "深信服")} - {"北京市"}


def test_a_list_of_firms_projects_moving_in_names_the_firms(tmp_path, kb):
    ex = ingest_text(tmp_path, "今年以来，奇安信华中总部项目、深信服西南总部项目、CSDN总部项目等一批重大项目已相继落户长沙。",
                     kb, "2023-06-01")
    assert {("奇安信", "长沙市"), ("深信服", "长沙市"), ("CSDN", "长沙市")} <= facts(ex, "LOCATED_IN")


def test_a_project_named_by_what_it_builds_is_no_firm(tmp_path, kb):
    ex = ingest_text(tmp_path, "5G基站建设项目、数字经济产业园项目等一批重大项目已相继落户长沙。", kb, "2023-06-01")
    assert not [p for p in ex.entities.values() if p.label == "Enterprise"]


def test_a_quoted_slogan_in_a_meetings_name_is_not_split_as_a_list(tmp_path, kb):
    ex = ingest_text(tmp_path, "3月2日，长沙市举办“学技能、促就业、保安全”网络安全人才交流会，200余人参加。", kb, "2023-03-03")
    assert events(ex) == ["“学技能、促就业、保安全”网络安全人才交流会"]


def test_who_attended_is_no_part_of_the_meetings_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "9月5日上午，张伟副局长出席2023中国网络安全产业大会开幕式并致辞。", kb, "2023-09-06")
    assert events(ex) == ["2023中国网络安全产业大会"]


def test_a_zone_named_with_its_place_in_brackets_is_one_name_and_owns_its_focus(tmp_path, kb):
    ex = ingest_text(tmp_path, "西部（重庆）科学城今后将聚焦人工智能、大数据等领域。中国（四川）自由贸易试验区成都天府新区片区加快建设。",
                     kb, "2020-09-16")
    names = {p.record["name_zh"] for p in ex.entities.values() if p.label == "Region"}
    assert {"西部（重庆）科学城", "中国（四川）自由贸易试验区成都天府新区片区"} <= names
    assert {a for a, b in facts(ex, "FOCUSES_ON", accepted=False)} == {"西部（重庆）科学城"}


def test_a_meeting_named_after_convened_is_held_though_its_name_runs_past_the_first_forum(tmp_path, kb):
    ex = ingest_text(tmp_path, "10日上午召开的网络安全技术高峰论坛分论坛暨西部网络安全大会，围绕数据安全这一主题作了主旨演讲。",
                     kb, "2024-09-10")
    held = [p.record["name_zh"] for p in ex.entities.values() if p.label == "Event" and p.has_fact]
    assert held == ["网络安全技术高峰论坛分论坛暨西部网络安全大会"]   # proposed: a fact of its own


def test_a_zone_named_again_without_its_place_is_the_same_zone(tmp_path, kb):
    ex = ingest_text(tmp_path, "湖南湘江新区于2015年获批。去年湘江新区规模工业总产值突破3000亿元。", kb, "2023-02-02")
    zones = [p for p in ex.entities.values() if p.label == "Region" and "湘江新区" in p.record["name_zh"]]
    assert [p.record["name_zh"] for p in zones] == ["湖南湘江新区"] and len(zones[0].mentions) == 2


def test_firms_counted_then_listed_are_enterprises_of_the_place(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京市软件产业集中度不断提升，去年营收百亿元以上的企业有8家，包括百度、360、神州数码等。", kb, "2017-07-01")
    assert {("百度", "北京市"), ("360", "北京市"), ("神州数码", "北京市")} <= facts(ex, "LOCATED_IN", accepted=False)


def test_lines_of_business_listed_after_a_count_of_firms_are_no_firms(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙市软件企业有300多家，包括软件开发、系统集成、信息服务等。", kb, "2017-07-01")
    assert not [p for p in ex.entities.values() if p.label == "Enterprise"]


def test_projects_signed_at_the_opening_ceremony_are_a_signing_of_their_own(tmp_path, kb):
    ex = ingest_text(tmp_path, "9月5日，2023中国网络安全产业博览会的开幕式在长沙举行。开幕式上，奇安信等12个网络安全项目集中签约，"
                     "涉及数据安全、密码等领域。", kb, "2023-09-06")
    signing = [p for p in ex.entities.values() if p.label == "Event" and p.record["name_zh"].endswith("项目集中签约")]
    assert signing and signing[0].has_fact
    assert (signing[0].record["name_zh"], "奇安信") in facts(ex, "PARTICIPANT")


def test_a_place_opening_the_figures_clause_owns_it_not_the_press_conference(tmp_path, kb):
    ex = ingest_text(tmp_path, "7月10日召开的成都高新区新闻发布会透露，今年1—6月，成都高新区规上工业总产值超1000亿元。", kb, "2023-07-11")
    assert ("成都高新区", 1000) in accepted_figures(ex)


def test_how_many_entered_from_the_whole_country_stays_the_contests(tmp_path, kb):
    ex = ingest_text(tmp_path, "3月28日，2025数字中国创新大赛长沙赛区开幕。全国近600人报名参赛。", kb, "2025-03-28")
    assert [(n, v) for n, v in accepted_figures(ex) if v == 600] == [("2025数字中国创新大赛长沙赛区", 600)]


def test_a_qualifier_followed_by_le_is_still_the_qualifier(tmp_path, kb):
    ex = ingest_text(tmp_path, "2016年，北京市软件和信息服务业增加值占全市地区生产总值的比重超过了10%，企业数量突破了5000家。", kb, "2017-07-01")
    quals = {o.fields["value"]: o.fields.get("qualifier") for o in ex.observations}
    assert quals[10] == "超过" and quals[5000] == "突破"


def test_items_closed_by_the_known_industry_they_belong_to_are_domains_and_so_is_the_industry(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都高新区将聚焦两大主导产业：集成电路、人工智能、5G应用等新一代信息技术，创新药、医疗器械等生物医药。",
                     kb, "2020-09-16")
    focus = {b for a, b in facts(ex, "FOCUSES_ON", accepted=False) if a == "成都高新区"}
    assert {"集成电路", "人工智能", "5G应用", "新一代信息技术"} <= focus
    assert "5G" not in focus


def test_a_description_before_a_company_suffix_is_no_firm_and_a_domain_holds_no_de(tmp_path, kb):
    ex = ingest_text(tmp_path, "我市龙头信创公司龙芯中科、统信软件等单位捐赠了教室。开幕式上，8个总部项目集中签约，涉及大数据、区块链、"
                     "数字文创等软件和信息技术服务业的细分领域。", kb, "2024-08-02")
    names = {p.record["name_zh"] for p in ex.entities.values()} | {m.text for m in ex.mentions}
    assert "龙头信创公司" not in names and not [n for n in names if "的细分" in n]
    assert {"龙芯中科", "统信软件"} <= {m.name for m in ex.mentions}
