"""Round blind-zw (docs/ingest-rounds.md): causes read from dev-ZV (round blind-zu's check), read while the round's two
new samples were being labelled, so dev-ZW and dev-ZX scored these rules as they came. The sentences are written for
these tests after the pattern of what was read; each positive fails on the commit before its change, each guard
passes there:
- 四川获批国家数字经济创新发展试验区: a region before the verb holds the designation (honour-region);
- the bench says, of the right statistics, how many carry the gold's as-of and status (score's as-of and status rows).
The as-of rows this round added (as-of-sentence-date without a comma, as-of-change) are tested in test_status_dates.py."""
from __future__ import annotations

from parkgraph.loaders.ingest.score import score

from .conftest import ingest_text, proposed_relations


def test_a_region_holds_the_designation_it_won(tmp_path, kb):
    ex = ingest_text(tmp_path, "2020年10月，四川获批国家数字经济创新发展试验区。", kb, "2021-01-25")
    assert ("四川省", "HOLDS", "国家数字经济创新发展试验区") in proposed_relations(ex), proposed_relations(ex)
    # guard: a region after 为 (what the designation serves) holds nothing
    ex = ingest_text(tmp_path, "为四川服务的企业获批国家数字经济创新发展试验区。", kb, "2021-01-25")
    assert not any(r[1] == "HOLDS" and r[0] == "四川省" for r in proposed_relations(ex)), proposed_relations(ex)


def test_the_bench_scores_as_of_and_status_of_right_figures(tmp_path, kb):
    ex = ingest_text(tmp_path, "2022年长沙市软件产业产值达到100亿元，企业数量达到300家。", kb, "2023-03-21")
    stat = {"subject": "长沙市", "status": "actual", "sentence": 0}
    gold = {"source": {"published": "2023-03-21"}, "entities": [{"label": "Region", "name": "长沙市"}], "dates": [],
            "relations": [], "events": [],
            "statistics": [{**stat, "value": 100, "unit": "亿元", "as_of": "2022", "text": "100亿元"},
                           {**stat, "value": 300, "unit": "家", "as_of": "2021", "status": "target", "text": "300家"}]}
    sc = score(ex, gold)
    assert (sc["statistics"].correct, sc["as-of"].gold, sc["as-of"].correct, sc["status"].correct) == (2, 2, 1, 1)
