"""Failures read from the dev splits' misses in round `lists` (docs/ingest-rounds.md), each a general wording: domains
joined by 和 without 等, clusters a place 形成/构建起, firms a district 招引, a firm named again without its trade
word, a body's officer, honours listed before 等资质, Beijing's 城市副中心, and a standing said of a subject
that is no entity. Each test fails on the commit before its rows."""
from .conftest import accepted_figures, ingest_text


def facts(ex, rtype: str, accepted: bool = True) -> set[tuple[str, str]]:
    """Accepted relations of a type by name; accepted=False: every one proposed (a row below the threshold)."""
    return {(ex.entities[r.frm].record["name_zh"], ex.entities[r.to].record["name_zh"])
            for r in ex.relations if r.type == rtype and (r.conf >= 0.5 or not accepted)}


def names(ex, label: str) -> set[str]:
    return {p.record["name_zh"] for p in ex.entities.values() if p.label == label and p.mentions}


def test_two_domains_joined_by_and_are_the_zone_parks_that_park_word_means(tmp_path, kb):
    ex = ingest_text(tmp_path, "中关村通州园是北京的重要园区。如今，园区围绕先进制造产业，聚焦智能建造和医药健康领域，搭起强支撑。",
                     kb, "2024-06-20")
    assert {("中关村通州园", "智能建造"), ("中关村通州园", "医药健康")} <= facts(ex, "FOCUSES_ON")
    assert not {f for f in facts(ex, "FOCUSES_ON") if f[0] == "北京市"}


def test_clusters_a_district_forms_or_builds_are_its_domains(tmp_path, kb):
    ex = ingest_text(tmp_path, "未来，通州区将构建起总部经济、财富管理、文化旅游、智能制造等七大千亿级产业集群。"
                               "天心区形成了移动互联网、信息安全等产业集群。", kb, "2019-01-05")
    assert {("通州区", "总部经济"), ("通州区", "智能制造"), ("天心区", "移动互联网"), ("天心区", "信息安全")} \
        <= facts(ex, "FOCUSES_ON", accepted=False)   # domain-focus-region: below the threshold since round blind-t
    assert "智能制造等" not in names(ex, "Domain")


def test_firms_a_district_attracted_are_in_that_district(tmp_path, kb):
    ex = ingest_text(tmp_path, "截至目前，天心区已新招引信息服务业注册企业865家，百度、酷哇、九次方等一批重点骨干企业脱颖而出。",
                     kb, "2020-11-11")
    assert {("酷哇", "天心区"), ("九次方", "天心区")} <= facts(ex, "LOCATED_IN", accepted=False)   # listed-in-region


def test_a_firm_named_again_without_its_trade_word_is_one_firm(tmp_path, kb):
    ex = ingest_text(tmp_path, "来自用友网络、绿盟科技等单位的专家作了演讲。天心区已新招引企业865家，用友、酷哇等企业脱颖而出。",
                     kb, "2020-11-11")
    assert "用友" not in names(ex, "Enterprise") and "用友网络" in names(ex, "Enterprise")
    assert ("用友网络", "天心区") in facts(ex, "LOCATED_IN", accepted=False)


def test_an_officer_of_a_body_does_not_make_the_body_a_firm(tmp_path, kb):
    ex = ingest_text(tmp_path, "湖南省发改委工业处处长欧阳晓风，长沙市发改委党委书记、主任付旭明等陪同调研。", kb, "2017-06-01")
    assert "长沙市发改委" in names(ex, "GovernmentBody") and "长沙市发改委" not in names(ex, "Enterprise")


def test_honours_listed_before_a_word_for_them_are_each_an_honour(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙软件园有限公司已获评国家科技企业孵化器、国家众创空间、省特色产业园等资质。", kb, "2017-06-01")
    got = {p.record["name_zh"] for p in ex.entities.values() if p.label == "TalentProgram"}
    assert {"国家科技企业孵化器", "国家众创空间", "省特色产业园"} <= got


def test_beijings_sub_centre_is_a_named_area_but_not_inside_a_meeting_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "昨天，城市副中心召开产业高质量发展大会。2023年北京城市副中心投资及重大工程专题发布会在通州举行。",
                     kb, "2025-01-13")
    assert "北京城市副中心" in names(ex, "Region")
    assert "2023年北京城市副中心投资及重大工程专题发布会" in names(ex, "Event")


def test_a_standing_said_of_a_subject_that_is_no_entity_is_no_ones(tmp_path, kb):
    ex = ingest_text(tmp_path, "北京城市副中心是京津冀区域新的增长极，而高质量的产业是城市副中心的重要支点。"
                               "通州园总收入突破1000亿元，成为城市副中心创新发展的核心引擎。", kb, "2024-06-20")
    said = {(ex.entities[o.subject].record["name_zh"], o.fields.get("value_text")) for o in ex.observations
            if o.fields.get("metric") == "distinction"}   # proposed at any confidence
    assert ("北京城市副中心", "京津冀区域新的增长极") in said
    assert ("通州园", "城市副中心创新发展的核心引擎") in said
    assert not [v for _, v in said if v == "城市副中心的重要支点"]


def test_officials_who_came_to_the_meeting_bring_their_bodies_into_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "2022世界计算大会在长沙开幕。国防科技大学校长黎湘，中国联通集团总经理陈忠岳，华为公司轮值董事长徐直军，"
                               "湖南省人民政府秘书长邓群策到会或通过视频方式参会。", kb, "2022-11-08")
    got = {to for ev, to in facts(ex, "PARTICIPANT") if ev == "2022世界计算大会"}
    assert {"国防科技大学", "中国联通集团", "华为", "湖南省人民政府"} <= got


def test_came_to_the_meeting_means_the_meeting_not_a_contest_named_since(tmp_path, kb):
    ex = ingest_text(tmp_path, "2021成都网络安全大会在成都开幕。大会的内容包括第四届“巅峰极客”网络安全技能挑战赛、首届网络安全极客少年挑战赛等"
                               "2个专业赛事。国家创新与发展战略研究会副会长郝叶力、中国信息安全研究院副院长左晓栋应邀到会，并作了主旨演讲。",
                     kb, "2021-09-28")
    got = facts(ex, "PARTICIPANT")
    assert {("2021成都网络安全大会", "国家创新与发展战略研究会"), ("2021成都网络安全大会", "中国信息安全研究院")} <= got
    assert not {f for f in got if f[0].endswith("挑战赛")}


def test_a_quoted_short_name_closed_by_a_bracket_is_no_event(tmp_path, kb):
    ex = ingest_text(tmp_path, "“第八届互联网安全大会”（简称“ISC 2020”）日前以云端峰会的形式举行，重庆市委网信办主任文天平在会上致辞。",
                     kb, "2020-08-14")
    assert names(ex, "Event") == {"第八届互联网安全大会"}
    assert ("第八届互联网安全大会", "中共重庆市委网络安全和信息化委员会办公室") in facts(ex, "PARTICIPANT")


def test_a_district_is_part_of_the_city_the_article_names_elsewhere(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙软件产业发展迅速。全市以长沙高新区为核心区，以芙蓉区、天心区为拓展区。", kb, "2021-04-13")
    assert {("芙蓉区", "长沙市"), ("天心区", "长沙市")} <= facts(ex, "PART_OF", accepted=False)
    ex = ingest_text(tmp_path, "全市以芙蓉区、天心区为拓展区。", kb, "2021-04-13")
    assert not facts(ex, "PART_OF", accepted=False)   # the city is nowhere named: no guess


def test_a_place_before_a_function_word_and_a_district_is_still_a_place(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙的天心区为拓展区。", kb, "2021-04-13")
    assert {"长沙市", "天心区"} <= names(ex, "Region")



def test_a_sentence_that_opens_on_the_park_word_gives_its_clusters_to_the_park_the_article_is_about(tmp_path, kb):
    ex = ingest_text(tmp_path, "长沙软件园有限公司成立于2005年。园区通过聚集资源，形成了军民融合、移动互联网等产业集群。", kb, "2017-06-01")
    assert {("长沙软件园有限公司", "军民融合"), ("长沙软件园有限公司", "移动互联网")} <= facts(ex, "FOCUSES_ON")


def test_a_ceremony_held_under_a_quoted_name_owns_the_figures_of_its_sentence(tmp_path, kb):
    ex = ingest_text(tmp_path, "6月9日，第二十届科博会举行了“科技合作项目签约仪式”，一系列项目签约，共达成合作18个，总金额192.92亿元。",
                     kb, "2017-06-13")
    # stat-event: right 7 of 23 on the latest blind samples, so proposed below the threshold (test_calibration.py)
    assert {("科技合作项目签约仪式", 18, "stat-event"), ("科技合作项目签约仪式", 192.92, "stat-event")} <= {
        (ex.entities[o.subject].record["name_zh"], o.fields.get("value"), o.rule) for o in ex.observations}


def test_activities_listed_with_deng_are_no_one_event(tmp_path, kb):
    ex = ingest_text(tmp_path, "宣传周期间还举办了个人信息保护日等系列主题日活动。", kb, "2024-09-02")
    assert not [n for n in names(ex, "Event") if "等" in n]


def test_a_place_that_opens_a_quoted_honour_owns_none_of_the_figures(tmp_path, kb):
    ex = ingest_text(tmp_path, "海淀区高新技术企业众多。全区有北京市“专精特新”中小企业2125家，全市占比35%。", kb, "2023-05-29")
    assert ("海淀区", 2125) in accepted_figures(ex) and ("北京市", 2125) not in accepted_figures(ex)
