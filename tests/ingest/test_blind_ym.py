"""Round blind-ym (docs/ingest-rounds.md): causes read from dev-ZZK (round blind-yk's first sample, read when this
round opened, while dev-ZZM and dev-ZZN were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB,
dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ and dev-ZZL stay unread). The sentences are written for these tests after the
pattern of what was read; each positive fails on the commit before its change (97383a0), each guard passes there:
- X获批国家…产业化基地: a base conferred on a place is held as a designation is;
- 国家新一代人工智能创新发展试验区: jieba's time word 新一代 ends no name;
- 《实施意见》提出了…20项重点任务 / 计划一共设定了…20项具体任务: a count of a policy's own parts is the policy's (stat-policy);
- 广东欧珀（OPPO）公司: a Latin brand in brackets is part of the name; 贸易龙头企业广西晨华集团: the kind of firm before the
  place its name begins with is not."""
from __future__ import annotations

from .conftest import facts, ingest_text, proposed_figures


def _names(ex, label: str) -> set[str]:
    return {p.record.get("name_zh") for p in ex.entities.values() if p.label == label}


def test_a_base_conferred_on_a_place_is_held(tmp_path, kb):
    body = "北京经济技术开发区于2020年获批国家人工智能高新技术产业化基地。"
    got = facts(ingest_text(tmp_path, body, kb, "2020-11-14"), "HOLDS", accepted=False)
    assert ("北京经济技术开发区", "国家人工智能高新技术产业化基地") in got, got
    # guard: a base a firm builds is no title it holds
    got = facts(ingest_text(tmp_path, "华为公司将投资10亿元，在成都建设华为软件研发基地。", kb, "2020-11-14"), "HOLDS",
                accepted=False)
    assert not got, got


def test_new_generation_is_part_of_a_designations_name(tmp_path, kb):
    ex = ingest_text(tmp_path, "2019年，四川获批国家新一代人工智能创新发展试验区。", kb, "2020-11-14")
    assert "国家新一代人工智能创新发展试验区" in _names(ex, "TalentProgram"), _names(ex, "TalentProgram")


def test_a_count_of_a_policys_parts_is_the_policys(tmp_path, kb):
    body = "近日，北京市发布《北京市区块链创新发展行动计划(2020-2022年)》。计划一共设定了4类重点任务、20项具体任务。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2020-07-02"), "status")
    assert ("北京市区块链创新发展行动计划（2020-2022年）", 20, "actual") in got, got
    # guard: what the plan says a place will build is the place's target, not a part of the plan
    body = "近日，北京市发布《北京市区块链创新发展行动计划(2020-2022年)》。《计划》提出，到2022年北京建成10个特色园区。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2020-07-02"))
    assert not [f for f in got if f[1] == 10 and f[0].startswith("北京市区块链")], got


def test_a_firms_name_keeps_its_bracketed_brand_and_drops_its_description(tmp_path, kb):
    body = "国内知名手机品牌厂商广东欧珀（OPPO）公司将投资不低于12亿元；国内贸易龙头企业广西晨华集团将投资20亿元。"
    ex = ingest_text(tmp_path, body, kb, "2014-02-27")
    firms = _names(ex, "Enterprise")
    assert {"广东欧珀（OPPO）公司", "广西晨华集团"} <= firms, firms
    assert ("广东欧珀（OPPO）公司", 12) in {f[:2] for f in proposed_figures(ex)}
