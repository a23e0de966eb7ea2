"""bench/ingest_quotes.py, the second out-of-sample measure (research quotes): it runs `parkgraph ingest`'s
extractor on three entries in the research file's format, and its scoring is checked on hand-made
extractions (what counts as an item, what counts as found) — never on the bench's own figures."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench import ingest_quotes as iq  # noqa: E402
from bench.ingest_bench import make_kb  # noqa: E402
from parkgraph.loaders.ingest.model import DateMention, Extraction, Mention, ObsFact  # noqa: E402


def entry(ident: str, quote: str, **kw) -> dict:
    e = {"id": ident, "park": "other", "kind": "statistic", "subject": "长沙市", "predicate": "scale",
         "as_of": "2022", "source_url": f"https://example.org/{ident}", "source_date": "2023-01-05",
         "outlet": "test", "quote": quote, "source_in_dataset": False}
    e.update(kw)
    return e


@pytest.fixture(scope="module")
def kb():
    return make_kb("data")


def fake(kb, *, mentions=(), dates=(), stats=()):
    """An extraction as the extractor would give it: mentions (name, ref), dates (value), statistics
    (value, unit, status, conf)."""
    ms = [Mention(0, 2, n, "Region", 0, "dictionary", 0.9, n, keys=[r] if r else []) for n, r in mentions]
    ds = [DateMention(0, 4, v, v, v.split("/")[0], 0) for v in dates]
    os_ = [ObsFact("region/430100", {"value": v, "unit": u, "status": st}, 0, (0, 2), c, "stat-number")
           for v, u, st, c in stats]
    return lambda quote, date, ident: Extraction(kb, None, ms, ds, {}, [], os_)


def ev(kb, entries, extract):
    return iq.evaluate(entries, extract, kb)


def parts(res, part):
    return [(i.entry, i.found) for i in res.items if i.part == part]


def test_runs_the_real_extractor_on_three_entries(tmp_path, capsys):
    facts = tmp_path / "facts.yaml"
    facts.write_text(yaml.safe_dump({"facts": [
        entry("q1", "2022年长沙市网络安全产业规模达到120亿元", value=120, unit="亿元"),
        entry("q2", "長沙市網絡安全企業超過300家", value=300, unit="家", qualifier="超过", as_of="2022-12"),
        entry("q3", "the park signed up 10 new companies", kind="enterprise", subject="某公司", as_of="≈2019"),
        entry("q4", "不计入", counted=False, value=1, unit="家"),
    ]}, allow_unicode=True), encoding="utf-8")
    assert iq.main(["--facts", str(facts), "-v"]) == 0
    out = capsys.readouterr().out
    assert "3 counted entries, 3 distinct quotes" in out
    # items are fixed by the entries, whatever the extractor finds: two statistics, one date (q1's
    # 2022 is written; q2 has no date expression; q3's as_of is approximate), two mentions of 长沙市
    # (q2 in traditional characters), none for q3 (its subject is not written)
    assert "| statistics | 2 |" in out and "| dates | 1 |" in out and "| mentions | 2 |" in out
    assert "| statistics | 1/1 | " in out or "| statistics | 0/1 | " in out   # one simplified, one traditional


def test_statistics_by_scaled_quantity_threshold_and_status(kb):
    es = [entry("a", "湖南数字经济规模突破1.7万亿元", subject="湖南省", value=17000, unit="亿元", as_of="2023",
                source_date="2024-01-26"),
          entry("b", "到2025年算力突破500P", value=500, unit="P", as_of="2025", source_date="2024-03-18"),
          entry("c", "排名全国第三", value=3, unit="名（全国）")]
    res = ev(kb, es[:1], fake(kb, stats=[(1.7, "万亿元", "actual", 0.8), (15, "%", "actual", 0.8)]))
    assert parts(res, "statistics") == [("a", True)]
    assert res.items[0].status_ok is True                 # as_of 2023 before the page's date: actual
    assert (res.proposed, res.proposed_right) == (2, 1)   # 15% is no figure of the page
    res = ev(kb, es[1:2], fake(kb, stats=[(500, "P", "actual", 0.8)]))
    assert parts(res, "statistics") == [("b", True)] and res.items[0].status_ok is False   # a target said actual
    res = ev(kb, es[1:2], fake(kb, stats=[(500, "P", "target", 0.45)]))
    assert parts(res, "statistics") == [("b", False)] and res.proposed == 0   # below ACCEPT: not proposed
    res = ev(kb, es[2:], fake(kb, stats=[(3, "名", "actual", 0.8)]))
    assert parts(res, "statistics") == [("c", True)]      # the note in parentheses is not part of the unit


def test_dates_counted_where_written_and_matched_at_the_entry_precision(kb):
    half = entry("h", "今年上半年，成都市收入同比增长21%", as_of="2018-06", source_date="2018-09-18")
    assert parts(ev(kb, [half], fake(kb, dates=["2018-01-01/2018-06-30"])), "dates") == [("h", True)]
    assert parts(ev(kb, [half], fake(kb, dates=["2018"])), "dates") == [("h", False)]   # coarser: no
    other_year = entry("y", "2018年，合肥高新区提出建设", as_of="2019")    # the as_of is not written
    no_date = entry("n", "全省产业总产值超过36亿元", as_of="2023-09-14")
    unsure = entry("u", "2022年长沙市规模", as_of="≈2022")
    doc_number = entry("d", "《长沙市三年行动计划(2021—2023年)》(长政发〔2022〕2号)", as_of="2022")
    assert parts(ev(kb, [other_year, no_date, unsure, doc_number], fake(kb, dates=["2018"])), "dates") == []


def test_a_figure_read_but_attached_to_nothing_is_read_not_found(kb):
    class Doc:
        text = "注册企业75家"
    e = entry("r", Doc.text, value=75, unit="家")
    ex = Extraction(kb, Doc(), [], [], {}, [], [], unanchored=["s0 [4,7) 75家: no entity it describes"])
    res = ev(kb, [e], lambda quote, date, ident: ex)
    assert [(i.found, i.read) for i in res.items if i.part == "statistics"] == [(False, True)]
    assert iq.unanchored_quantities(Extraction(kb, type("D", (), {"text": "约为 2,003.50 亿元"})(), [], [], {}, [], [],
                                               unanchored=["s0 [3,14) 2,003.50 亿元: x"])) == [(200350000000, "元")]


def test_mentions_by_curated_name_alias_or_link_in_any_script(kb):
    trad = entry("t", "湖南麒麟信安科技股份有限公司在長沙上市", kind="enterprise",
                 subject="湖南麒麟信安科技股份有限公司（麒麟信安，688152）")
    # linked to the curated entity under another of its names: found
    res = ev(kb, [trad], fake(kb, mentions=[("麒麟信安", "enterprise/hunan-qilin")]))
    assert parts(res, "mentions") == [("t", True)]
    assert parts(ev(kb, [trad], fake(kb, mentions=[("长沙市", "region/430100")])), "mentions") == [("t", False)]
    # a statistic's industry subject is its region; written in traditional characters, found by a mention
    ind = entry("i", "2023年成都市網絡安全產業規模首次突破500億元", subject="成都市网络安全产业", value=500, unit="亿元")
    assert parts(ev(kb, [ind], fake(kb, mentions=[("成都市", "region/510100")])), "mentions") == [("i", True)]
    # people are left out; a subject not written in the quote is no item
    person = entry("p", "会议由专家委主任邬江兴主持", kind="person", subject="邬江兴（中国工程院院士）")
    away = entry("w", "注册企业75家", subject="国家网络安全人才与创新基地", value=75, unit="家")
    assert parts(ev(kb, [person, away], fake(kb)), "mentions") == []


def test_subject_names_split_lists_outside_parentheses():
    assert iq.subject_names("朗新科技集团（华中总部）; 绿盟科技") == [["朗新科技集团（华中总部）", "朗新科技集团", "华中总部"],
                                                              ["绿盟科技"]]
    assert iq.subject_names("中国（长沙）信息安全产业园") == [["中国（长沙）信息安全产业园", "中国信息安全产业园"]]
    assert iq.subject_names("国家网安基地 两校入住学生")[0][1] == "国家网安基地"
