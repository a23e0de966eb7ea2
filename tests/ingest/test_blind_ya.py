"""Round blind-ya (docs/ingest-rounds.md): causes read from dev-ZY (round blind-zy's first sample, read when this round
opened, while dev-ZZA and dev-ZZB were being labelled, so both scored these rules as they came; dev-ZZ and dev-ZZB
stay unread). The sentences are written for these tests after the pattern of what was read; each positive fails on the
commit before its change, each guard passes there:
- 积极向物联网、云计算…等领域拓展: the list's first item starts after 向 (domain-coordinated);
- 5G用户将达到2.4亿: a bare 亿 counts the users the clause names, no money (stat-number);
- 前11月软件与信息服务业营收增长16.1% after a sentence naming a contest: an industry's takings, not the contest's;
- a meeting's figure with a date of its own keeps it, even when that date is the article's (as-of-event);
- 今年上半年，该区电子信息产业已实现产值177.8亿元: the district named before (stat-region-demonstrative)."""
from __future__ import annotations

from .conftest import ingest_text, proposed_figures


def _domains(ex) -> set[str]:
    return {p.record.get("name_zh") for p in ex.entities.values() if p.label == "Domain"}


def test_a_domain_list_after_xiang_starts_after_it(tmp_path, kb):
    ex = ingest_text(tmp_path, "园区以集成电路设计为核心，积极向物联网、云计算、信息安全等关联领域拓展。", kb, "2015-05-23")
    assert "物联网" in _domains(ex)
    assert not [d for d in _domains(ex) if "向" in d]
    # guard: 方向 is no lead word
    ex = ingest_text(tmp_path, "长沙聚焦人工智能、云计算、大数据等领域。", kb, "2015-05-23")
    assert {"人工智能", "云计算", "大数据"} <= _domains(ex)


def test_a_bare_yi_of_users_is_no_money(tmp_path, kb):
    ex = ingest_text(tmp_path, "白皮书预计，到2021年底，中国5G用户将达到2.4亿，中国5G基站部署量将超过165万个。", kb, "2019-11-23")
    figs = proposed_figures(ex, "unit")
    assert not [f for f in figs if f[1] == 2.4], figs
    assert ("中国", 1650000, "个") in figs
    # guard: with no such noun a bare 亿 is money, as before
    ex = ingest_text(tmp_path, "2022年，长沙市软件业务收入达到600多亿。", kb, "2023-01-10")
    assert ("长沙市", 600, "亿元") in proposed_figures(ex, "unit")


def test_an_industrys_takings_are_not_the_contests(tmp_path, kb):
    body = "四川举办了首届数字四川创新大赛。前11月软件与信息服务业营收增长16.1%。"
    ex = ingest_text(tmp_path, body, kb, "2020-12-31")
    owners = [f[0] for f in proposed_figures(ex) if f[1] == 16.1]
    assert owners and not [o for o in owners if "大赛" in o], owners
    # guard: what was done at the contest stays the contest's
    ex = ingest_text(tmp_path, "四川举办了首届数字四川创新大赛。全国近600人报名参赛。", kb, "2020-12-31")
    assert [f[0] for f in proposed_figures(ex) if f[1] == 600] == ["首届数字四川创新大赛"]


def test_a_meetings_figure_with_its_own_date_keeps_it(tmp_path, kb):
    body = "2023长沙网络安全大会于9月11日在长沙开幕。9月20日，本届大会共签约项目30个。"
    ex = ingest_text(tmp_path, body, kb, "2023-09-20")
    assert [f[2] for f in proposed_figures(ex, "as_of") if f[1] == 30] == ["2023-09-20"]
    # guard: with none, the day it was held
    ex = ingest_text(tmp_path, "2023长沙网络安全大会于9月11日在长沙开幕。本届大会共签约项目30个。", kb, "2023-09-20")
    assert [f[2] for f in proposed_figures(ex, "as_of") if f[1] == 30] == ["2023-09-11"]


def test_gaiqu_is_the_district_named_before(tmp_path, kb):
    body = ("7月29日，19个电子信息项目在南岸区集中签约。\n\n当日，市经信委向南岸区授予了两块牌子。\n\n"
            "今年上半年，该区电子信息产业已实现产值177.8亿元，手机产量达3838.5万台。")
    ex = ingest_text(tmp_path, body, kb, "2014-07-30")
    owners = {f[0] for f in proposed_figures(ex) if f[1] in (177.8, 38385000)}
    assert owners == {"南岸区"}, owners
    assert [o.rule for o in ex.observations if o.fields.get("value") == 177.8] == ["stat-region-demonstrative"]
    # 该市 is the city named before, not the district named after it
    ex = ingest_text(tmp_path, "重庆市召开会议，南岸区作了发言。今年上半年，该市电子信息产业已实现产值177.8亿元。", kb, "2014-07-30")
    assert [f[0] for f in proposed_figures(ex) if f[1] == 177.8] == ["重庆市"]
    # guard: 该市场 is that market, no city
    ex = ingest_text(tmp_path, "重庆市南岸区举行签约。该市场规模已达到177.8亿元。", kb, "2014-07-30")
    assert "stat-region-demonstrative" not in {o.rule for o in ex.observations}
