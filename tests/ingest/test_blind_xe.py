"""Round blind-xe (docs/ingest-rounds.md): causes read from dev-ZZZA (labelled blind from 9440bf2, scored as it came
in round blind-xa, read after that round's freeze; dev-ZZZE and dev-ZZZF had been labelled blind from b824d54 before
any of it was read, so both score these rules as they came; dev-ZZ, dev-ZZB, dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ,
dev-ZZL, dev-ZZN, dev-ZZP, dev-ZZR, dev-ZZT, dev-ZZV, dev-ZZX, dev-ZZZ, dev-ZZZB, dev-ZZZC and dev-ZZZD stay unread).
The sentences are written for these tests after the pattern of what was read; each positive fails on the commit
before its change, each guard passes there:
- A、B等一大批知名企业已落户四川 / 引进了A、B等一批全球一流的…企业: a list of firms counted by 一大批, or whose kind says
  一流, is a list of firms;
- （记者孙海东）: a place name that ends a reporter's name is no place (海东市 took the article's figures);
- 将万宝新区作为全市…承载区，先后引进了A、B等企业: the zone is named without 将, and the firms are in it, not in the
  whole city the zone is made the carrier for;
- 记者在…媒体见面会上了解到: the briefing is an event, though no suffix row knows 见面会 and no year names it;
- 互联网岳麓峰会自2014年首次举办以来: a meeting held since its first edition is a series, an event, as …自2014年开始 was."""
from __future__ import annotations

from .conftest import events, facts, ingest_text, proposed_figures


def test_a_list_counted_by_yidapi_or_called_first_rate_is_of_firms(tmp_path, kb):
    body = "目前，英特尔、德州仪器、菲尼克斯、紫光等一大批知名企业已落户四川。"
    got = facts(ingest_text(tmp_path, body, kb, "2017-08-15"), "LOCATED_IN", accepted=False)
    assert {("英特尔", "四川省"), ("紫光", "四川省")} <= got, got
    body = "重庆已成功引进华硕、宏碁、英业达、广达等一批全球一流的集成电路企业。"
    got = facts(ingest_text(tmp_path, body, kb, "2016-06-03"), "LOCATED_IN", accepted=False)
    assert {("华硕", "重庆市"), ("广达", "重庆市")} <= got, got
    # guard: a list of fields counted by a numeral (等六个关键环节) is no list of firms
    body = "重庆围绕原材料、芯片设计、封装测试等六个关键环节的企业发展产业。"
    got = facts(ingest_text(tmp_path, body, kb, "2016-06-03"), "LOCATED_IN", accepted=False)
    assert not {a for a, _ in got} & {"原材料", "芯片设计", "封装测试"}, got
    # guard: people who did something (何锋、苏旻等巡视了入园区块链企业) are no list of firms
    ex = ingest_text(tmp_path, "娄底市区块链产业园揭牌。揭牌仪式后，何锋、苏旻等巡视了入园区块链企业并召开座谈。", kb, "2020-01-09")
    assert not [p for p in ex.entities.values() if p.label == "Enterprise" and p.record["name_zh"] in ("何锋", "苏旻")]


def test_a_place_that_ends_a_reporters_name_is_no_place(tmp_path, kb):
    body = "本报讯（记者孙海东）平均每公顷土地投入1180万美元，可产出1.98亿元人民币的工业产值。这便是北京经济开发区带来的奇迹。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2002-08-21"))
    assert got and not [f for f in got if f[0] == "海东市"], got
    # guard: where the reporter learnt something (记者从海东了解到) names the place
    body = "记者从海东了解到，海东市软件产业产值达到10亿元。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2019-08-21"))
    assert ("海东市", 10) in got, got


def test_firms_brought_to_a_zone_made_the_citys_carrier_are_in_the_zone(tmp_path, kb):
    body = ("2017年以来，娄底市将万宝新区作为全市区块链产业发展承载区，先后引进了湖南智慧政务、趣链科技、德方智链等10余家区块链企业。")
    got = facts(ingest_text(tmp_path, body, kb, "2020-01-09"), "LOCATED_IN", accepted=False)
    assert ("趣链科技", "万宝新区") in got and ("趣链科技", "娄底市") not in got, got


def test_a_briefing_the_reporter_heard_at_is_an_event(tmp_path, kb):
    body = "昨日，记者在成都市软件及服务外包产业媒体见面会上了解到，成都要再造一座软件园。"
    assert "成都市软件及服务外包产业媒体见面会" in events(ingest_text(tmp_path, body, kb, "2010-04-13"))
    # guard: what the reporter learnt from a body (记者从市经信局了解到) is no event
    body = "昨日，记者从成都市经济和信息化局了解到，成都要再造一座软件园。"
    assert not events(ingest_text(tmp_path, body, kb, "2010-04-13"))


def test_a_meeting_held_since_its_first_edition_is_an_event(tmp_path, kb):
    body = "其中，最大的推手，就是互联网岳麓峰会。互联网岳麓峰会自2014年首次举办以来，已连续举办了6届。"
    assert "互联网岳麓峰会" in events(ingest_text(tmp_path, body, kb, "2019-08-16"))
