"""Round blind-yk (docs/ingest-rounds.md): causes read from dev-ZZI (round blind-yi's first sample, read when this
round opened, while dev-ZZK and dev-ZZL were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB,
dev-ZZD, dev-ZZF, dev-ZZH and dev-ZZJ stay unread). The sentences are written for these tests after the pattern of
what was read; each positive fails on the commit before its change (6bdf9de), each guard passes there:
- “一条主线、三个中心和五个链条”: the counts of a quoted formula are part of it, no figures (stat-quoted-formula);
- a plan's items under （一）…（四） below 一、总体目标 (which opens 到2018年，…) are its targets for 2018;
- 建成国内重要的大数据产业基地: a goal, no base of that name that would take the place's figures."""
from __future__ import annotations

from .conftest import ingest_text, proposed_figures


def test_counts_inside_a_quoted_formula_are_no_figures(tmp_path, kb):
    body = "长沙经开区对标长沙市“一条主线、三个中心和五个链条”的新一代半导体产业总体布局。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2020-05-12"))
    assert not [f for f in got if f[1] in (3, 5)], got
    # guard: counts listed outside quotes are figures still
    got = proposed_figures(ingest_text(tmp_path, "2019年，长沙经开区新引进企业3家、项目5个。", kb, "2020-05-12"))
    assert {("长沙经开区", 3), ("长沙经开区", 5)} <= {f[:2] for f in got}, got


PLAN = ("为了推动大数据产业发展，制定本工作方案。\n\n一、总体目标\n\n到2018年，数据共享与开放机制全面形成。\n\n"
        "（一）大数据共享开放格局基本形成。\n\n建成统一共享平台。\n\n（二）大数据产业实现跨越发展。\n\n"
        "重庆市引进和培育10家核心龙头企业，大数据相关产业产值达到600亿元。")


def test_items_under_a_target_heading_are_its_targets(tmp_path, kb):
    got = proposed_figures(ingest_text(tmp_path, PLAN, kb, "2018-06-19"), "status", "as_of")
    assert ("重庆市", 600, "target", "2018") in got, got
    # guard: under a heading that sets no target, the item's figure is what stands
    plain = PLAN.replace("一、总体目标", "一、总体情况").replace("到2018年，数据共享与开放机制全面形成", "数据共享与开放机制已经形成")
    got = proposed_figures(ingest_text(tmp_path, plain.replace("引进和培育", "已有").replace("达到", "为"), kb, "2018-06-19"),
                           "status")
    assert ("重庆市", 600, "actual") in got, got


def test_a_goal_base_is_no_place_of_its_own(tmp_path, kb):
    body = "到2018年，重庆市大数据相关产业产值达到600亿元，建成国内重要的大数据产业基地。"
    ex = ingest_text(tmp_path, body, kb, "2018-06-19")
    assert not [p for p in ex.entities.values() if p.record.get("name_zh") == "大数据产业基地"]
    assert ("重庆市", 600) in {f[:2] for f in proposed_figures(ex)}
