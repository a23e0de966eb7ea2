"""Round blind-xa (docs/ingest-rounds.md): causes read from dev-ZZY (round blind-yy's first sample, read after that
round's freeze; dev-ZZZA and dev-ZZZB had been labelled blind from 9440bf2 before any of it was read, so both score
these rules as they came; dev-ZZ, dev-ZZB, dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ, dev-ZZL, dev-ZZN, dev-ZZP, dev-ZZR,
dev-ZZT, dev-ZZV, dev-ZZX and dev-ZZZ stay unread). The sentences are written for these tests after the pattern of
what was read; each positive fails on the commit before its change, each guard passes there:
- A会见了B一行: a meeting, with the bodies of the host's titles and the organisation whose officer leads the party
  taking part, placed by 在X (the read gold makes four of the five such 会见 in the read pool events);
- 园区已吸引包括A、B…等企业入驻 in an article about a local area named like a park (成都天府软件园), which is no Park:
  the firms are in that area;
- 市委市政府 / 省委省政府: two issuers, the Party committee and the government of the article's city or province."""
from __future__ import annotations

from .conftest import events, facts, ingest_text


def test_a_reception_of_a_visiting_party_is_a_meeting(tmp_path, kb):
    body = ("湖南省加快发展工业互联网。6月22日晚上，湖南省委副书记、省长许达哲在长沙会见了湖南测试科技有限公司董事长王测试一行。"
            "双方就合作进行了交流。")
    ex = ingest_text(tmp_path, body, kb, "2019-06-24")
    meeting = "许达哲会见湖南测试科技有限公司董事长王测试一行"
    assert meeting in events(ex), events(ex)
    got = facts(ex, "PARTICIPANT", accepted=False)
    assert (meeting, "湖南测试科技有限公司") in got and (meeting, "中共湖南省委") in got, got
    assert (meeting, "长沙市") in facts(ex, "LOCATED_IN", accepted=False)
    # guard: 会见了前来参会的嘉宾, no visiting party, is part of the meeting attended, not a meeting of its own
    body = "市委副书记、市长唐测试出席开幕式暨峰会，并会见了前来参会的嘉宾。"
    assert not [e for e in events(ingest_text(tmp_path, body, kb, "2021-06-08")) if "会见" in e]


def test_firms_drawn_to_a_park_area_are_in_it(tmp_path, kb):
    body = ("成都天府软件园位于成都高新区。自建成以来，园区已吸引包括思科、IBM、马士基、育碧等众多国内外知名企业入驻。")
    got = facts(ingest_text(tmp_path, body, kb, "2010-09-01"), "LOCATED_IN", accepted=False)
    assert {("思科", "成都天府软件园"), ("育碧", "成都天府软件园")} <= got, got
    # guard: a region named before the list gathers them (listed-in-region), not the park area
    body = ("成都天府软件园位于成都高新区。成都市已吸引包括思科、IBM、马士基、育碧等众多国内外知名企业入驻。")
    got = facts(ingest_text(tmp_path, body, kb, "2010-09-01"), "LOCATED_IN", accepted=False)
    assert ("思科", "成都天府软件园") not in got, got


def test_the_party_committee_and_government_are_two_issuers(tmp_path, kb):
    body = "北京市推进高技术产业发展。4月，《市委市政府关于增强自主创新能力建设创新型城市的意见》出台。"
    got = facts(ingest_text(tmp_path, body, kb, "2006-12-26"), "ISSUED_BY", accepted=False)
    policy = "市委市政府关于增强自主创新能力建设创新型城市的意见"
    assert {(policy, "中共北京市委"), (policy, "北京市人民政府")} <= got, got
    body = "湖南省加快发展数字经济。近日，省委省政府印发了《湖南省数字经济发展规划》。"
    got = facts(ingest_text(tmp_path, body, kb, "2020-12-26"), "ISSUED_BY", accepted=False)
    assert {("湖南省数字经济发展规划", "中共湖南省委"), ("湖南省数字经济发展规划", "湖南省人民政府")} <= got, got
    # guard: 省政府 alone issues it alone
    body = "湖南省加快发展数字经济。近日，省政府印发了《湖南省数字经济发展规划》。"
    got = facts(ingest_text(tmp_path, body, kb, "2020-12-26"), "ISSUED_BY", accepted=False)
    assert ("湖南省数字经济发展规划", "中共湖南省委") not in got, got
