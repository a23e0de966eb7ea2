"""What `parkgraph ingest` proposes must be loadable: the review file's own instruction is
`parkgraph load FILE`, and load refuses what the ontology does not allow. At 85f8b6a the review
files of the 71 dev articles held 121 such problems: figures of an event (72, e.g. 近600人报名参赛:
an Observation could not describe an Event), units and qualifiers read from real text that the
ontology did not list (支, 户, 台, 位, 千元, 突破, 左右), event kinds the rules emit (launch, survey,
interview) and a RELATED_TO without the role validate asks for. Dev articles and the seed only: the
held-out splits' output is never read (tests/ingest/corpus/split.yaml)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from parkgraph.data import DATA_DIR
from parkgraph.graph import open_store
from parkgraph.loaders import load_paths
from parkgraph.loaders.ingest import ingest
from parkgraph.loaders.load import check

from .conftest import ARTICLE, accept_everything, lb_settings

CORPUS = Path(__file__).parent / "corpus"
BASE = "https://w3id.org/parkgraph/id/"


def _dev_articles() -> list[Path]:
    """dev and every blind dev sample (dev_c, dev_d, …); never the held-out test splits."""
    split = yaml.safe_load((CORPUS / "split.yaml").read_text(encoding="utf-8"))
    ids = dict.fromkeys(i for k, v in split.items() if k == "dev" or re.fullmatch(r"dev_[c-z][a-z]{0,3}", k) for i in v or [])
    return [CORPUS / "articles" / f"{i}.md" for i in ids]


def test_every_review_file_of_the_dev_corpus_and_the_seed_validates(tmp_path):
    problems: list[str] = []
    articles = [ARTICLE, *_dev_articles()]
    assert len(articles) > 70
    for article in articles:
        out = tmp_path / (article.stem + ".review.yaml")
        out.write_text(ingest(article, store=None, data_dirs=[DATA_DIR]).review, encoding="utf-8")
        problems += [str(p) for p in check([out], None, BASE).problems]
    assert problems == [], f"{len(problems)} problems, first: " + "\n".join(problems[:15])


def test_accepting_every_proposal_below_the_threshold_still_gives_a_file_that_loads(tmp_path):
    # round blind-t: with the rows calibrated on the blind samples more proposals fall below the threshold, and 323
    # of them named an entity no accepted fact named, which the file did not write: uncommented, they dangled
    problems: list[str] = []
    for article in [ARTICLE, *_dev_articles()]:
        out = tmp_path / (article.stem + ".all.yaml")
        out.write_text(accept_everything(ingest(article, store=None, data_dirs=[DATA_DIR]).review), encoding="utf-8")
        problems += [str(p) for p in check([out], None, BASE).problems]
    assert problems == [], f"{len(problems)} problems, first: " + "\n".join(problems[:15])


ARTICLE_TEXT = """---
title: 第六届“湖湘杯”网络安全技能大赛决赛在长沙举行
date: 2020-11-15
outlet: 测试日报
url: https://example.org/huxiangbei-final
---
11月14日，第六届“湖湘杯”网络安全技能大赛决赛在长沙举行。本届大赛全国近600人报名参赛，共有40支队伍进入决赛。
"""


def test_an_events_figures_load_and_are_shown_on_the_event(tmp_path):
    """How many entered a contest is the contest's figure (corpus rule A1): it loads as proposed,
    on an embedded graph made for the test, and the event's observations list it."""
    art = tmp_path / "huxiangbei.md"
    art.write_text(ARTICLE_TEXT, encoding="utf-8")
    review = tmp_path / "huxiangbei.review.yaml"
    review.write_text(ingest(art, store=None, data_dirs=[DATA_DIR]).review, encoding="utf-8")
    recs = yaml.safe_load(review.read_text(encoding="utf-8"))
    figures = {(o["value"], o["unit"]): o["subject"] for o in recs.get("observations") or []}
    assert figures.get((600.0, "人"), "").startswith("event/"), figures
    assert figures.get((40.0, "支"), "").startswith("event/"), figures
    with open_store(lb_settings(tmp_path / "g.lbdb")) as store:
        load_paths([review], store, BASE, progress=False)   # raises on any problem
        event = BASE + figures[(600.0, "人")]
        shown = {(o["properties"]["value"], o["properties"]["unit"]) for o in store.observations_of(event)}
        assert {(600.0, "人"), (40.0, "支")} <= shown


@pytest.mark.parametrize("text,value,unit", [
    ("单笔奖励最高5千元。", 5000.0, "元"),
    ("全年营业收入达3千万元。", 3000.0, "万元"),
    ("产业规模达1.2万亿美元。", 1.2e12, "美元"),
])
def test_money_in_a_unit_the_ontology_lacks_is_scaled(tmp_path, text, value, unit):
    """千元 and 万亿美元 are no units of the ontology: 5千元 is 5000 元, never 5 in a unit load refuses."""
    art = tmp_path / "a.md"
    art.write_text(f"---\ntitle: 通州园企业获奖励\ndate: 2024-01-02\nurl: https://example.org/a\n---\n"
                   f"中关村通州园{text}\n", encoding="utf-8")
    recs = yaml.safe_load(ingest(art, store=None, data_dirs=[DATA_DIR]).review) or {}
    assert [(o["value"], o["unit"]) for o in recs.get("observations") or []] == [(value, unit)]
