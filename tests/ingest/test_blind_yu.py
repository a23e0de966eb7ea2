"""Round blind-yu (docs/ingest-rounds.md): causes read from dev-ZZS (round blind-ys's first sample, read when this
round opened, while dev-ZZU and dev-ZZV were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB,
dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ, dev-ZZL, dev-ZZN, dev-ZZP, dev-ZZR and dev-ZZT stay unread). The sentences are
written for these tests after the pattern of what was read; each positive fails on the commit before its change
(23fb59d), each guard passes there:
- 北京地区数字经济规模接近1.5万亿元: jieba cuts 北京地区 as one word, and the place inside it is still 北京;
- 在近日举行的“…论坛”上: the meeting's name has no quote in it, and a name with 暨 runs to its closing quote;
- 在…论坛上，A的副巡视员B表示: A took part in the forum (the read gold gives a speaker's body as a participant in all
  nine sentences of this shape)."""
from __future__ import annotations

from .conftest import events, facts, ingest_text, proposed_figures


def test_a_place_followed_by_diqu_is_the_place(tmp_path, kb):
    body = "朱春霞指出，数字经济获得了巨大的发展空间。北京地区数字经济规模接近1.5万亿元，占总比重超过29%。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2018-07-11"))
    assert ("北京市", 1.5) in got and ("北京市", 29) in got, got
    # guard: a place glued into a longer word is still no place (中国特色)
    body = "长沙走出了一条中国特色的发展道路，企业达50家。"
    got = proposed_figures(ingest_text(tmp_path, body, kb, "2018-07-11"))
    assert not [f for f in got if f[0] == "中国"], got


def test_a_quoted_meeting_name_runs_to_its_closing_quote(tmp_path, kb):
    body = "记者在日前举行的“人工智能企业对接会暨海淀北部空间资源发布会”上获悉，园区将新增企业30家。"
    assert events(ingest_text(tmp_path, body, kb, "2016-12-27")) == ["人工智能企业对接会暨海淀北部空间资源发布会"]
    body = "在近日召开的“第五届中国软件企业发展论坛”上，专家介绍了行业发展情况。"
    assert events(ingest_text(tmp_path, body, kb, "2018-07-11")) == ["第五届中国软件企业发展论坛"]


def test_a_speaker_after_the_meeting_takes_part(tmp_path, kb):
    body = "在近日举行的“第五届中国软件企业发展论坛”上，北京市通信管理局副巡视员王某表示，软件业发展迅速。"
    got = facts(ingest_text(tmp_path, body, kb, "2018-07-11"), "PARTICIPANT", accepted=False)
    assert ("第五届中国软件企业发展论坛", "北京市通信管理局") in got, got
    # guard: a body named after the verb is what was said, not who spoke
    body = "在近日举行的第五届中国软件企业发展论坛上，专家表示，北京市通信管理局将加强监管。"
    got = facts(ingest_text(tmp_path, body, kb, "2018-07-11"), "PARTICIPANT", accepted=False)
    assert not got, got
