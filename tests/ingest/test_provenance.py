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
# were frozen): recorded, not read and not fixed there. Widened to the whole corpus on 2026-12-06 (round blind-zw),
# 23 more articles of the later splits failed it. The status rows of round blind-zy (将 as a forecast, a plan's
# target paragraph and section, 其中 after a target, 建成后/可达, 不少于, 希望), written from the read ones, fixed 22
# of the 24, the held-out 2021-09-17-rednet-gxq-groundbreaking among them. Two remain, strict (ids only: dev-S and the held-out splits are not
# read), so a change that fixes them is seen and a new failure is not hidden. Round blind-ya's new samples added one
# (dev-ZZA, unread: a text value the gold makes a target), recorded by id when the samples came in, not read.
# Round blind-ye's added one more (dev-ZZE, unread then), recorded the same way. Round blind-yi's added four (three of
# dev-ZZI, one of dev-ZZJ; unread), recorded the same way. Round blind-yk read dev-ZZI: the status of a plan's items
# under 一、总体目标 (its （一）…（四） headings) fixed one of its three; the sample it added (dev-ZZK, unread) brought one
# more, recorded the same way, and so did round blind-ym's (dev-ZZM, unread), round blind-yu's (dev-ZZV, unread) and
# round blind-yw's (dev-ZZW); round blind-yy read dev-ZZW, and a plan's heading 二、达到“6千亿规模” fixed its one. Round
# blind-yy's samples added one (dev-ZZY, unread), recorded by id when they came in. Round blind-xa's four samples added
# two (one of dev-ZZZB, one of dev-ZZZC; unread), recorded the same way.
KNOWN_CORPUS_FAILURES = {"2020-04-17-scmedia-sichuan-5g-special-action-30000-stations",
                         "2022-06-10-scdaily-deyang-data-element-park",
                         "2020-07-31-bjlocal-yizhuang-new-town-ten-clusters",
                         "2024-12-26-cqrb-chongqing-hitech-zone-national-ranking",
                         "2022-07-21-cri-chongqing-mantianxing-software-parks",
                         "2019-08-23-cqcb-liangjiang-semiconductor-park-groundbreaking",
                         "2020-03-23-cdsb-chengdu-electronics-2019-ecosystem",
                         "2013-08-23-cww-chongqing-big-data-action-plan-targets",
                         "2020-01-reportway-zgc-subparks-2020-plans",
                         "2011-03-11-miit-chongqing-electronics-industry-highland",
                         "2025-02-17-csdata-changsha-data-bureau-2025-key-tasks",
                         "2020-03-05-thecover-chengdu-electronics-zone-q1-groundbreaking",
                         "2017-01-02-rednet-hunan-electronics-manufacturing-13th-plan"}


@pytest.mark.parametrize("ident", [pytest.param(i, marks=pytest.mark.xfail(
    strict=True, reason="a future figure proposed as actual; recorded when the test was widened (see comment)"))
    if i in KNOWN_CORPUS_FAILURES else i for i in ALL])
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
