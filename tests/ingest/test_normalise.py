"""The text the rules read (loaders/ingest/normalise.py): traditional characters as simplified, full-width
digits as ASCII, one character for one — every span and quote of the review file stays on the article
as written; and numbers with a thousands separator (2,003.50亿元) are one figure, not 003.50."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from parkgraph.loaders.ingest import ingest
from parkgraph.loaders.ingest.kb import KnowledgeBase
from parkgraph.loaders.ingest.normalise import FULLWIDTH_PUNCT, normalised

from .conftest import ARTICLE

CORPUS = Path(__file__).resolve().parent / "corpus"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    from parkgraph.data import DATA_DIR
    kb = KnowledgeBase()
    kb.add_data([DATA_DIR])
    return kb


def run(tmp_path, body: str, kb):
    p = tmp_path / "a.md"
    p.write_text(f"---\ntitle: t\ndate: 2024-03-16\n---\n\n{body}\n", encoding="utf-8")
    return ingest(p, kb=kb)


def figures(res) -> list[tuple]:
    return [(o.subject, o.fields.get("value"), o.fields.get("unit"), o.fields.get("qualifier"))
            for o in res.extraction.observations]


def test_traditional_article_is_read_and_quoted_as_written(tmp_path, kb):
    # the last sentence's figure is accepted (a firm named before it), so the review file quotes it; the
    # region figures are proposed below the threshold (stat-region, 0.45 since round blind-d)
    body = "2023年成都市網絡安全產業規模首次突破500億元，長沙1000多家先進計算骨干企業串珠成鏈。深信服科技股份有限公司2023年營收突破70億元。"
    res = run(tmp_path, body, kb)
    assert res.extraction.normalised == ["norm-traditional"]
    assert ("region/510100", 500, "亿元", "突破") in figures(res)    # 成都市, 億 read as 亿
    assert any(s == "region/430100" and v == 1000 for s, v, *_ in figures(res))   # 長沙 is 长沙市
    doc = res.doc
    assert doc.text == body                                           # the article as written
    for m in res.extraction.mentions:
        assert doc.text[m.start:m.end] == m.text                      # spans and texts on the original
    assert {m.name for m in res.extraction.mentions} >= {"成都市"}    # names to link, as read
    review = yaml.safe_load(res.review)
    quotes = {c["quote"] for recs in review.values() for r in recs or [] for c in r.get("cite") or []}
    assert quotes and all(q in body for q in quotes)                  # cites quote the traditional text
    for a, b, quoted in re.findall(r"# confidence \S+ · s\d+ \[(\d+),(\d+)\) (\S+) ·", res.review):
        assert quoted in doc.text[int(a):int(b)] or doc.text[int(a):int(b)] in quoted


def test_fullwidth_digits_are_read(tmp_path, kb):
    res = run(tmp_path, "2023年，长沙市网络安全企业超过３００家。", kb)
    assert res.extraction.normalised == ["norm-fullwidth-digit"]
    assert ("region/430100", 300, "家", "超过") in figures(res)
    assert "３００" in res.doc.text


def test_thousands_separator_is_one_figure_and_no_clause_break(tmp_path, kb):
    res = run(tmp_path, "2021年长沙市网络安全产业规模约为2,003.50亿元,同比增长15.8%。", kb)
    got = figures(res)
    assert ("region/430100", 2003.5, "亿元") in [g[:3] for g in got]
    assert not any(v == 3.5 or v == 2 for _, v, *_ in got)            # not 003.50, not 2
    assert ("region/430100", 15.8, "%", None) in got                   # the comma after 亿元 still ends the clause


def _traditional(text: str) -> bool:
    """Is this article written in traditional characters (the pages some corpus articles were paraphrased
    from are, and the paraphrase keeps them)? At least one Han character in twenty changes under t2s."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    out, _ = normalised(text)
    changed = sum(a != b for a, b in zip(text, out) if "\u4e00" <= a <= "\u9fff")
    return bool(han) and changed / len(han) >= 0.05


CORPUS_ARTICLES = sorted((CORPUS / "articles").glob("*.md"))


@pytest.mark.parametrize("path", [ARTICLE, *(p for p in CORPUS_ARTICLES if not _traditional(p.read_text(encoding="utf-8")))],
                         ids=lambda p: p.stem[:40])
def test_simplified_articles_are_read_unchanged(path):
    """OpenCC's t2s leaves simplified text as it is: on the seed and every corpus article the text the
    rules read is the text itself but for ASCII punctuation beside Chinese read full-width (so the
    corpus figures cannot move through the character conversion)."""
    text = path.read_text(encoding="utf-8")
    out, rows = normalised(text)
    assert set(rows) <= {"norm-ascii-punct"} and len(out) == len(text)
    assert all(b == FULLWIDTH_PUNCT.get(a) for a, b in zip(text, out) if a != b)


@pytest.mark.parametrize("body, read", [
    ("8月28日上午,国家网络安全产业园(海淀)主体大楼建设启动仪式在海淀区举行。",
     "8月28日上午，国家网络安全产业园（海淀）主体大楼建设启动仪式在海淀区举行。"),
    ("规模约为2,003.50亿元,同比增长15.8%。", "规模约为2,003.50亿元，同比增长15.8%。"),   # thousands stay
    ("14:32 发布", "14:32 发布"),                                                          # a time stays
    ("他表示:“园区将扩建”", "他表示：“园区将扩建”"),
    ("见附件(2019版) and (B)", "见附件（2019版） and (B)"),                               # a pair goes together
])
def test_ascii_punctuation_beside_chinese_is_read_full_width(body, read):
    out, rows = normalised(body)
    assert out == read and rows == (["norm-ascii-punct"] if read != body else [])


def test_an_event_typed_with_ascii_commas_keeps_its_place_and_participants(tmp_path, kb):
    """Reprint sites type ASCII commas and parentheses in Chinese text: the rows still end clauses and
    names at them, so the ceremony is found with where it was held and who attended the sentence after."""
    res = run(tmp_path, "2019年8月28日上午,国家网络安全产业园(海淀)主体大楼建设启动仪式在北京市海淀区举行。"
                        "工业和信息化部网络安全管理局副局长,北京市经济和信息化局局长参加启动仪式并讲话。", kb)
    assert "norm-ascii-punct" in res.extraction.normalised
    rels = {(r.type, r.to, r.rule) for r in res.extraction.relations}
    assert ("LOCATED_IN", "region/110108", "event-place") in rels
    assert {to for t, to, rule in rels if t == "PARTICIPANT"} == {
        "govbody/miit-wangluo-anquan-guanliju", "govbody/beijing-shi-jingxinju"}


def test_a_character_for_a_character():
    text = "臺灣的乾隆皇帝於是著書，國家網絡安全產業園區（北京）"
    out, rows = normalised(text)
    assert len(out) == len(text) and rows == ["norm-traditional"] and "国家网络安全产业园区" in out


def test_traditional_corpus_articles_are_read_as_simplified_of_the_same_length():
    found = [p for p in CORPUS_ARTICLES if _traditional(p.read_text(encoding="utf-8"))]
    # dev-C's two traditional articles at least (the held-out splits may hold more; they are not read)
    assert {"2018-09-25-scrb-chengdu-security-week-figures", "2023-02-28-shangrongsuo-cyber-data-security"} <= {p.stem for p in found}
    for p in found:
        text = p.read_text(encoding="utf-8")
        out, rows = normalised(text)
        assert "norm-traditional" in rows and len(out) == len(text) and out != text, p.stem


def test_variants_the_2013_standard_table_keeps_are_read_as_written():
    """昇 (明昇集团), 喆, 堃 are standard simplified characters again since the 2013 table; OpenCC's t2s maps
    them away (昇 → 升), which renamed a firm of a simplified article (round blind-j)."""
    assert normalised("明昇集团長沙城市公司与张喆、王堃签约")[0] == "明昇集团长沙城市公司与张喆、王堃签约"
