"""Round blind-yq (docs/ingest-rounds.md): causes read from dev-ZZO (round blind-yo's first sample, read when this
round opened, while dev-ZZQ and dev-ZZR were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB,
dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ, dev-ZZL, dev-ZZN and dev-ZZP stay unread). The sentences are written for these
tests after the pattern of what was read; each positive fails on the commit before its change (5b76f3b), each guard
passes there:
- A基地等47个重点项目落地建设: projects are no entity, so their count is the place's the text is about;
- …在20日举行的北京市2020年经济和信息化工作会上透露: a 工作会 named after 举行的 is a meeting;
- …获工信部授牌。…省长X，…副主任Y一同见证: the witnesses' bodies take part in what was done last;
- 在2018世界…大会闭幕式上: 在 before a year is no part of the meeting's name, and …，表示到2022年北京市…规模将突破
  1000亿元 is the place's target, not the meeting's: a reporting verb and a year before the place leave it opening the
  clause."""
from __future__ import annotations

from .conftest import events, facts, ingest_text, proposed_figures


def test_a_count_of_listed_projects_is_the_places(tmp_path, kb):
    body = "去年，北京推动重点项目加快落地。像奔驰新能源汽车生产基地等47个重点项目落地建设，小米移动互联网产业园等52个项目竣工。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2020-01-20"))
    assert ("北京市", 47) in got and ("北京市", 52) in got, got
    # guard: a count of listed firms is still no one's when no place is named
    body = "会上，华为、腾讯等16家企业签约。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2020-01-20"))
    assert not [f for f in got if f[1] == 16], got


def test_a_work_meeting_named_after_held_is_a_meeting(tmp_path, kb):
    body = "以上情况是北京市经济和信息化局局长王刚在20日举行的北京市2020年经济和信息化工作会上透露的。"
    ex = ingest_text(tmp_path, body, kb, "2020-01-20")
    assert "北京市2020年经济和信息化工作会" in events(ex), events(ex)
    assert ("北京市2020年经济和信息化工作会", "北京市经济和信息化局") in facts(ex, "PARTICIPANT", accepted=False)
    # guard: a 工作会议 keeps its 议
    body = "王刚在20日举行的北京市2020年经济和信息化工作会议上透露，今年将加快5G商用。"
    assert "北京市2020年经济和信息化工作会议" in events(ingest_text(tmp_path, body, kb, "2020-01-20"))


def test_witnesses_take_part_in_what_was_done_last(tmp_path, kb):
    body = ("11月28日，中国（长沙）网络安全·智能制造大会开幕峰会上传出喜讯！湖南湘江新区智能系统测试区获工信部授牌。"
            "中央网信办副主任刘烈宏，中国工程院副院长钟志华一同见证。")
    ex = ingest_text(tmp_path, body, kb, "2018-11-29")
    got = {b for a, b in facts(ex, "PARTICIPANT", accepted=False) if "授牌" in a or "揭牌" in a}
    assert {"中央网信办", "中国工程院"} <= got, facts(ex, "PARTICIPANT", accepted=False)
    # guard: a sentence that witnessed nothing (见证了新经济的奇迹) makes no one take part
    body = "11月28日，湖南湘江新区智能系统测试区获工信部授牌。中国工程院副院长钟志华说，长沙见证了新经济的奇迹。"
    got = facts(ingest_text(tmp_path, body, kb, "2018-11-29"), "PARTICIPANT", accepted=False)
    assert not [x for x in got if x[1] == "中国工程院"], got


def test_a_meeting_named_after_zai_and_a_place_after_a_year(tmp_path, kb):
    body = ("在2018世界智能网联汽车大会闭幕式上，北京市经济和信息化委员会发布了《北京市智能网联汽车产业白皮书(2018年)》，"
            "表示到2022年北京市智能网联汽车及关联产业规模将突破1000亿元。")
    ex = ingest_text(tmp_path, body, kb, "2019-01-15")
    assert "2018世界智能网联汽车大会" in events(ex), events(ex)
    assert ("北京市", 1000) in proposed_figures(ex), proposed_figures(ex)
    # guard: 在线 inside a name stays
    body = "中国在线教育产业大会16日在北京开幕。"
    assert "中国在线教育产业大会" in events(ingest_text(tmp_path, body, kb, "2018-09-17"))
