"""Failures read from the dev splits' misses in round `domains` (docs/ingest-rounds.md), each a general wording: the
other items of a list that holds a known industry, the fields of two more national vocabularies, a firm's own
fields, bodies that issue a policy together, a policy text's figures, and the release of a report. Each test
fails on the commit before its rows, except the guards (said so)."""
from .conftest import entity_name, ingest_text
from .test_lists import facts, names


def test_the_other_items_of_a_list_of_known_industries_are_domains(tmp_path, kb):
    ex = ingest_text(tmp_path, "中关村大数据产业园挂牌成立。园区将推动大数据产业及与其相关联的云计算、物联网、移动互联网等"
                               "高精尖产业快速发展。", kb, "2016-05-18")
    assert {"云计算", "物联网", "移动互联网"} <= names(ex, "Domain")


def test_a_list_that_ends_in_no_industry_word_gives_no_domains(tmp_path, kb):
    # a guard for domain-coordinated
    ex = ingest_text(tmp_path, "成都市重点发展物联网。该公司将建设光网覆盖、无线覆盖、物联网等基础设施。"
                               "要推动互联网、大数据、人工智能和实体经济深度融合。", kb, "2018-09-01")
    assert not {"无线覆盖", "光网覆盖", "互联网", "实体经济深度融合"} & names(ex, "Domain")


def test_fields_of_the_high_tech_and_digital_economy_lists_are_domains(tmp_path, kb):
    ex = ingest_text(tmp_path, "通州园聚焦区块链，布局生物与新医药，推动园区产业升级。", kb, "2025-01-10")
    # domain-focus-region stands below the threshold since round blind-zq (15 of 32 as the samples came)
    assert {("通州园", "区块链"), ("通州园", "生物与新医药")} <= facts(ex, "FOCUSES_ON", accepted=False)


def test_a_firm_that_opens_the_clause_focuses_on_the_fields_listed(tmp_path, kb):
    ex = ingest_text(tmp_path, "成都市与华为公司签署合作协议。华为在通信网络、智能终端和云服务等领域具备全球竞争力。",
                     kb, "2019-08-08")
    # domain-focus-organisation, right 0 of 7 on the latest blind samples: proposed below the threshold
    assert {("华为", "通信网络"), ("华为", "智能终端")} <= facts(ex, "FOCUSES_ON", accepted=False)
    assert not {f for f in facts(ex, "FOCUSES_ON", accepted=False) if f[0] == "成都市"}


def test_an_institution_that_opens_the_clause_gets_no_fields(tmp_path, kb):
    # an institution's were right 0 of 4 on dev (西工大 for its 北京研究院): no one's, as before
    ex = ingest_text(tmp_path, "西工大将结合北京市的定位，重点面向三航、网络安全、无人系统等领域。", kb, "2023-01-11")
    assert not facts(ex, "FOCUSES_ON")


def test_each_body_listed_before_the_issuer_issues_the_policy(tmp_path, kb):
    ex = ingest_text(tmp_path, "中央网信办、教育部、工业和信息化部、公安部联合印发《国家网络安全宣传周活动方案》。",
                     kb, "2016-05-19")
    # any confidence: the body right before 联合印发 is policy-issuer's, below the threshold since round blind-zk (3 of 7)
    assert {to for _, to in facts(ex, "ISSUED_BY", accepted=False)} == {"中央网信办", "教育部", "工业和信息化部", "公安部"}


def test_a_policy_texts_figures_are_its_regions(tmp_path, kb):
    body = "湖南省加快信息化发展。\n\n到2020年，全省数字经济规模达到12000亿元，年均增长15%。\n\n一、加快建设网络基础设施。光纤宽带用户达到1500万户。"
    plan = ingest_text(tmp_path, body, kb, "2021-08-01", title="湖南省“十四五”信息化发展规划")
    news = ingest_text(tmp_path, body, kb, "2021-08-01", title="湖南信息化发展迅速")
    # proposed to the province (accepted or, since the calibration of round blind-zy put stat-plan-region at 0.45,
    # written commented out for the reviewer), never to no one
    assert ("湖南省", 15000000) in {(entity_name(plan, o.subject), o.fields.get("value")) for o in plan.observations}
    # in the news the province takes it only for want of a subject, at that row's confidence
    assert {o.rule for o in news.observations if o.fields.get("value") == 15000000} <= {"stat-region-context"}
    assert {o.rule for o in plan.observations if o.fields.get("value") == 15000000} == {"stat-plan-region"}


def events_of(ex, kind: str) -> set[str]:
    return {p.record["name_zh"] for p in ex.entities.values() if p.label == "Event" and p.record.get("kind") == kind}


def test_the_release_of_a_report_is_an_event_by_its_publisher_about_the_report_of_its_place(tmp_path, kb):
    ex = ingest_text(tmp_path, "9月16日，中国信息通信研究院在论坛上发布《中国网络安全产业白皮书（2020年）》。"
                               "湖南湘江新区举办活动。现场还发布了《湖南湘江新区网络安全产业发展情况》。", kb, "2020-09-16")
    assert {"《中国网络安全产业白皮书（2020年）》发布", "《湖南湘江新区网络安全产业发展情况》发布"} <= events_of(ex, "announcement")
    assert ("《中国网络安全产业白皮书（2020年）》发布", "中国信息通信研究院") in facts(ex, "PARTICIPANT")
    # since round blind-zg the release concerns the report, and the report its place (the gold's convention)
    assert {("《湖南湘江新区网络安全产业发展情况》发布", "湖南湘江新区网络安全产业发展情况"),
            ("湖南湘江新区网络安全产业发展情况", "湖南湘江新区")} <= facts(ex, "CONCERNS", accepted=False)


def test_a_book_named_in_a_sentence_is_no_release(tmp_path, kb):
    # a guard for event-report-released
    ex = ingest_text(tmp_path, "他向大家推荐了《网络安全法读本》，并发布《长沙网络安全故事集》。", kb, "2020-09-16")
    assert not events_of(ex, "announcement")
