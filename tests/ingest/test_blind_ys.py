"""Round blind-ys (docs/ingest-rounds.md): causes read from dev-ZZQ (round blind-yq's first sample, read when this
round opened, while dev-ZZS and dev-ZZT were being labelled, so both score these rules as they came; dev-ZZ, dev-ZZB,
dev-ZZD, dev-ZZF, dev-ZZH, dev-ZZJ, dev-ZZL, dev-ZZN, dev-ZZP and dev-ZZR stay unread). The sentences are written for
these tests after the pattern of what was read; each positive fails on the commit before its change (3547582), each
guard passes there:
- 全省 / 省委 never mean a municipality: in an article on 长沙 whose man had been to 北京, 全省 is not 北京市;
- 海淀区举办这个论坛: a meeting named before, not a meeting called 这个论坛."""
from __future__ import annotations

from .conftest import events, ingest_text


def test_the_whole_province_is_never_a_municipality(tmp_path, kb):
    body = ("不久前，麓谷居民袁先生到北京出差后回到长沙。在全省移动互联网企业聚集高地——高新区信息产业园内，"
            "又将有一栋北斗大厦崛起。")
    ex = ingest_text(tmp_path, body, kb, "2016-12-22")
    said = [m.keys for m in ex.mentions if m.text == "全省"]
    assert ["region/110000"] not in said, said   # (which province is not said: 长沙 and 北京 are named once each)
    # guard: 全市 in the same article may still be 北京's whole when it is the city the article is about
    body = "北京市经济和信息化局介绍，全市软件和信息服务业营收增长15%。"
    said = [m.keys for m in ingest_text(tmp_path, body, kb, "2020-01-01").mentions if m.text == "全市"]
    assert said == [["region/110000"]], said


def test_this_forum_is_no_meetings_name(tmp_path, kb):
    body = ("18日，AI WORLD 2019世界人工智能峰会将作为2019中关村论坛平行论坛举行。"
            "海淀区举办这个论坛，主要考虑的是构建人工智能创新生态。")
    got = events(ingest_text(tmp_path, body, kb, "2019-10-17"))
    assert "这个论坛" not in got, got
    assert "2019中关村论坛" in got, got
    # guard: 此次产业峰会 still refers back to the summit named before (its organisers are the summit's)
    body = ("7月10日，智能传感器产业峰会在北碚举行。中国传感器与物联网产业联盟、北碚区人民政府联合主办了此次产业峰会。")
    assert "智能传感器产业峰会" in events(ingest_text(tmp_path, body, kb, "2020-07-11"))
