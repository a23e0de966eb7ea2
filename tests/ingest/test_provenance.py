"""Every proposed fact carries its source id and its sentence, and every quoted span is in the text
(issue #12, "Done when"); where the gold says forecast or target, the proposal never says actual
(a test over the whole corpus: it asserts, it never prints a test article's output)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from parkgraph.loaders.ingest import ingest
from parkgraph.loaders.ingest.kb import KnowledgeBase, norm
from parkgraph.loaders.ingest.score import load_gold

from .conftest import ARTICLE, accept_everything

CORPUS = Path(__file__).resolve().parent / "corpus"
SPLIT = yaml.safe_load((CORPUS / "split.yaml").read_text(encoding="utf-8"))
# the whole corpus, every split (until 2026-12-06 only dev and test, the 19 articles of the first rounds)
ALL = [i for ids in SPLIT.values() for i in ids or []]


def _kb() -> KnowledgeBase:
    from parkgraph.data import DATA_DIR
    kb = KnowledgeBase()
    kb.add_data([DATA_DIR])
    return kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return _kb()


@pytest.mark.parametrize("ident", ["seed", *SPLIT["dev"]])
def test_every_fact_cites_its_source_and_a_sentence_of_the_text(ident, kb):
    path = ARTICLE if ident == "seed" else CORPUS / "articles" / f"{ident}.md"
    res = ingest(path, kb=kb)
    doc, sid = res.doc, res.source["id"]
    sentences = {s.text for s in doc.sentences}
    review = yaml.safe_load(accept_everything(res.review))   # every proposal, the ones below the threshold too
    facts = 0
    for coll, recs in review.items():
        if coll == "sources":
            continue
        for rec in recs or []:
            assert rec.get("cite"), (coll, rec)
            for c in rec["cite"]:
                assert c["source"] == sid
                assert c["quote"] in sentences and c["quote"] in doc.text, (coll, c["quote"])
            facts += coll in ("relations", "observations")
    # the spans in the comments ([start,end) + the text they quote) hold that text
    for a, b, quoted in re.findall(r"# confidence \S+ · s\d+ \[(\d+),(\d+)\) (\S+) ·", res.review):
        assert doc.text[int(a):int(b)].split()[0] == quoted.split()[0] or quoted in doc.text[int(a):int(b)] \
            or doc.text[int(a):int(b)].replace(" ", "") == quoted.replace(" ", "")
    for r in res.extraction.relations + res.extraction.observations:
        s = doc.sentences[r.sent]
        assert s.start <= r.span[0] < r.span[1] <= s.end, r
    assert ident != "seed" or facts >= 45


# 2021-12-30-haidian-press-conference failed here when this test was first run (2026-12-01, then a
# test-split article, so it was recorded as a strict xfail, not fixed). Its split was retired into dev
# on 2026-12-02 and the cause fixed there: sentences joined by ； share their lead's 预计 (status-* rows).
# Failing on one article of the new test split when it was first run (2026-12-02, after the round's rules
# were frozen): recorded here, not read and not fixed; strict, so a dev-tuned change that fixes it is seen.
KNOWN_TEST_FAILURES = {"2021-09-17-rednet-gxq-groundbreaking"}
# Widened to the whole corpus on 2026-12-06 (round blind-zw): these articles of the later splits fail it. Recorded,
# strict, not yet fixed (ids only: the held-out ones and dev-S are not read). With the one above, 24 of 433 articles
# and 46 figures: in the read ones, a plan's target figures proposed as actual (湖南省“互联网+”三年行动计划, 7), an
# event's coming figures, 不少于… in a signing.
KNOWN_CORPUS_FAILURES = {
    "2021-12-23-ce-jingkaiqu-annual-report", "2025-01-13-bjwb-tongzhou-19-projects-signing",
    "2021-07-09-qianlong-bda-14th-fyp-targets", "2024-09-02-xinhua-security-week-2024-press-conference",
    "2022-02-28-bishan-science-city-zhongxin-21-projects", "2014-12-31-zzw-zhuzhou-dahan-hp-software-park",
    "2023-06-27-bjyouth-yizhuang-park-open-day", "2022-07-21-cri-chongqing-mantianxing-software-parks",
    "2023-03-21-bjrb-tongzhou-subcenter-480-projects", "2010-03-10-bjgov-software-info-services-guidance",
    "2018-04-17-cdwb-sichuan-big-data-bluebook-pidu-cloud",
    "2018-07-31-xinhua-chengdu-gxq-28-electronics-projects-groundbreaking",
    "2015-10-11-hngov-hunan-internet-plus-three-year-plan", "2019-03-12-uthinktank-hunan-big-data-three-year-plan",
    "2023-02-05-yzoff-bda-2023-key-tasks-25", "2024-07-18-hbyanyusl-chongqing-industrial-software-plan-2027",
    "2018-06-07-cese2-cec-changsha-strategic-cooperation", "2020-07-16-rednet-hunan-electronics-31-key-projects-h1",
    "2015-iccsz-changsha-unicom-cloud-data-centre-signing", "2013-06-cqkw-beibu-new-area-high-tech-service-base-5-projects",
    "2021-01-25-newssc-sichuan-digital-economy-pilot-zone-press-conference",
    "2020-03-23-cdsb-chengdu-electronics-2019-ecosystem", "2020-06-24-cqrb-chongqing-digital-economy-pilot-zone"}


@pytest.mark.parametrize("ident", [pytest.param(i, marks=pytest.mark.xfail(
    strict=True, reason="a future figure proposed as actual; recorded when the test was widened (see comment)"))
    if i in KNOWN_TEST_FAILURES | KNOWN_CORPUS_FAILURES else i for i in ALL])
def test_forecasts_and_targets_are_never_proposed_as_actual(ident, kb):
    gold = load_gold(CORPUS / "gold" / f"{ident}.yaml")
    future = [g for g in gold["statistics"] if g.get("status") in ("forecast", "target")]
    if not future:
        return
    res = ingest(CORPUS / "articles" / f"{ident}.md", kb=kb)
    for g in future:
        for o in res.extraction.observations:
            f = o.fields
            same_value = ("value" in g and f.get("value") is not None and float(f["value"]) == float(g["value"])
                          and f.get("unit") == g.get("unit")) or \
                         ("value_text" in g and f.get("value_text") and norm(f["value_text"]) == norm(g["value_text"]))
            if same_value and o.sent == g["sentence"]:
                assert f["status"] != "actual", f"{ident}: {g['text']} is {g['status']} in the gold"
