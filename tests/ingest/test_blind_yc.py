"""Round blind-yc (docs/ingest-rounds.md): causes read from dev-ZZA (round blind-ya's first sample, read when this
round opened, while dev-ZZC and dev-ZZD were being labelled, so both scored these rules as they came; dev-ZZ and
dev-ZZB stay unread). The sentences are written for these tests after the pattern of what was read; each positive
fails on the commit before its change, each guard passes there:
- 武汉东湖高新集团股份有限公司: 高新 (an adverb to jieba) is part of a firm's or a park's name;
- （下简称：东湖高新集团）, （简称智博会）, （ISC 2017）: a declared short form is the named one wherever it comes again;
- 公安部网络安全保卫局, 国家密码管理局商用密码管理办公室: a central body's office is part of it;
- 长沙软件园: a city's name is a place to the word cut, though a park's bracketed name holds it too;
- 1-6月的收入: as of the period, which the review file writes as as_of and as_of_end;
- 到2022年底 …目标: as of the day it aims at, as precise as the text gives it;
- 新华社成都9月11日电: the dateline's city owns no figure;
- 将成为…的新亮点: a forecast; only 将 + a verb + 的 before a noun is a modifier."""
from __future__ import annotations

import yaml

from .conftest import events, facts, ingest_text, proposed_figures, run_cli


def _names(ex, label: str) -> set[str]:
    return {p.record.get("name_zh") for p in ex.entities.values() if p.label == label}


def test_gaoxin_is_part_of_a_name(tmp_path, kb):
    body = ("8月23日，总投资18亿元的东湖高新两江半导体产业园项目在两江新区开工。"
            "2018年，武汉东湖高新集团股份有限公司与两江新区达成投资协议。")
    ex = ingest_text(tmp_path, body, kb, "2019-08-23")
    assert "武汉东湖高新集团股份有限公司" in _names(ex, "Enterprise"), _names(ex, "Enterprise")
    assert not [n for n in _names(ex, "Enterprise") if n.startswith("集团")]
    assert ("东湖高新两江半导体产业园", 18) in [f[:2] for f in proposed_figures(ex)], proposed_figures(ex)


def test_a_declared_short_form_is_the_named_firm(tmp_path, kb):
    body = ("武汉东湖高新集团股份有限公司（下简称：东湖高新集团）与两江新区达成投资协议。"
            "东湖高新集团已与北京国芯微电科技、深圳发掘科技等企业达成入驻意向。")
    ex = ingest_text(tmp_path, body, kb, "2019-08-23")
    assert "东湖高新集团" not in _names(ex, "Enterprise"), _names(ex, "Enterprise")
    full = [p for p in ex.entities.values() if p.record.get("name_zh") == "武汉东湖高新集团股份有限公司"]
    assert full and {m.text for m in full[0].mentions} >= {"武汉东湖高新集团股份有限公司", "东湖高新集团"}
    # guard: a bracket that declares nothing (a stock code) names no one
    ex = ingest_text(tmp_path, "长沙孵化出湘邮科技（600476）等上市公司。", kb, "2020-03-31")
    assert "600476" not in str(_names(ex, "Enterprise"))


def test_a_declared_short_form_is_the_named_meeting(tmp_path, kb):
    body = ("联想集团董事长参加2019中国国际智能产业博览会（简称智博会）时这样说道。"
            "26日，以“智能化：为经济赋能，为生活添彩”为主题的智博会在重庆开幕，近60个国家和地区的代表参会。")
    ex = ingest_text(tmp_path, body, kb, "2019-08-29")
    assert [f[0] for f in proposed_figures(ex) if f[1] == 60] == ["2019中国国际智能产业博览会"], proposed_figures(ex)
    assert events(ex) == ["2019中国国际智能产业博览会"]


def test_a_latin_abbreviation_is_the_named_meeting(tmp_path, kb):
    body = ("360集团董事长12日在第五届中国互联网安全大会（ISC 2017）上表示，人是安全的尺度。\n\n"
            "ISC 2017于9月11日至13日在北京召开，由中国互联网协会、中国网络空间安全协会和360互联网安全中心共同主办。")
    ex = ingest_text(tmp_path, body, kb, "2017-09-12")
    got = facts(ex, "PARTICIPANT", accepted=False)
    assert ("第五届中国互联网安全大会", "中国互联网协会") in got, got
    assert ("第五届中国互联网安全大会", "北京市") in facts(ex, "LOCATED_IN", accepted=False)


def test_a_central_bodys_office_is_part_of_it(tmp_path, kb):
    body = "大会由公安部网络安全保卫局、国家密码管理局商用密码管理办公室联合指导。"
    ex = ingest_text(tmp_path, body, kb, "2017-09-12")
    assert "公安部网络安全保卫局" in _names(ex, "GovernmentBody"), _names(ex, "GovernmentBody")
    got = facts(ex, "PART_OF", accepted=False)
    assert ("公安部网络安全保卫局", "公安部") in got and ("国家密码管理局商用密码管理办公室", "国家密码管理局") in got, got
    # guard: a body named alone is no office of itself
    ex = ingest_text(tmp_path, "国家密码管理局发布了新规。", kb, "2017-09-12")
    assert not facts(ex, "PART_OF", accepted=False)


def test_a_citys_park_named_with_the_city(tmp_path, kb):
    # the bundled data names 国家网络安全产业园区（长沙）, whose bracket once made 长沙 a park's word to the word cut
    ex = ingest_text(tmp_path, "此后，长沙软件园不但升级为麓谷新区，还孵化出一批上市公司。", kb, "2020-03-31")
    assert "长沙软件园" in _names(ex, "Region"), _names(ex, "Region")


def test_a_period_figure_is_as_of_the_period(tmp_path, kb):
    body = "1-6月，长沙市软件业务收入达到500亿元。到2022年底，长沙市软件业务收入力争达到1500亿元。"
    ex = ingest_text(tmp_path, body, kb, "2021-07-22")
    got = {f[1]: f[2] for f in proposed_figures(ex, "as_of")}
    assert got[500] == "2021-01/2021-06" and got[1500] == "2022-12-31", got
    # the review file writes the period as the data files write a range, and it validates
    art = tmp_path / "p.md"
    art.write_text(f"---\ntitle: t\ndate: 2021-07-22\n---\n\n{body}\n", encoding="utf-8")
    out = tmp_path / "p.yaml"
    assert run_cli("ingest", str(art), "--out", str(out), "--no-data").returncode == 0
    obs = [o for o in yaml.safe_load(out.read_text(encoding="utf-8"))["observations"] if o["value"] == 500]
    assert [(str(o["as_of"]), str(o["as_of_end"])) for o in obs] == [("2021-01", "2021-06")], obs
    r = run_cli("validate", str(out))
    assert r.returncode == 0, r.stdout + r.stderr


def test_a_datelines_city_owns_no_figure(tmp_path, kb):
    body = ("新华社成都9月11日电 《四川省加快推进新型基础设施建设行动方案(2020—2022年)》日前发布。"
            "到2022年底，数字经济规模达到2万亿元。")
    ex = ingest_text(tmp_path, body, kb, "2020-09-11")
    owners = [f[0] for f in proposed_figures(ex) if f[1] == 2]
    assert owners and "成都市" not in owners, owners
    # guard: a city named in the text owns its figures as before
    ex = ingest_text(tmp_path, "成都市提出，到2022年底，数字经济规模达到2万亿元。", kb, "2020-09-11")
    assert [f[0] for f in proposed_figures(ex) if f[1] == 2] == ["成都市"]


def test_jiang_chengwei_is_a_forecast_not_a_modifier(tmp_path, kb):
    # 将…的 as a modifier (将集中开工的项目) says nothing of the time; 将成为…的新亮点 does (a read article's text value,
    # found once 长沙 was a place to the word cut, had been proposed as actual)
    ex = ingest_text(tmp_path, "华谊电影小镇二期项目，将成为新区文化产业的新亮点。", kb, "2020-09-23")
    assert [o.fields["status"] for o in ex.observations if o.fields.get("value_text")] == ["forecast"]
    # guard: the modifier stays no forecast
    ex = ingest_text(tmp_path, "湖南省举行集中开工活动，本次全省将集中开工的重大项目共382个。", kb, "2020-09-23")
    assert [f[2] for f in proposed_figures(ex, "status") if f[1] == 382] == ["actual"]
