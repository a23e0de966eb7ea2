"""The gold set still lines up with the cleaned text, and the extractor meets its targets against it
(bench/ingest_bench.py's scorer, not its timing): precision >= 0.9 and recall >= 0.8 for entities and
for statistics in each linking mode, and the same for dates and relations."""
from __future__ import annotations

import importlib.util

import pytest

from parkgraph.loaders.ingest.document import read_document

from .conftest import ARTICLE, GOLD_DIR, ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("ingest_bench", ROOT / "bench" / "ingest_bench.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_spans_hold_their_text(gold):
    doc = read_document(ARTICLE)
    for kind in ("entities", "dates", "statistics"):
        for g in gold[kind]:
            a, b = g["span"]
            assert doc.text[a:b] == g["text"], (kind, g)
            s = doc.sentences[g["sentence"]]
            assert s.start <= a < b <= s.end, (kind, g)
    for g in gold["relations"]:
        assert 0 <= g["sentence"] < len(doc.sentences)
    assert (GOLD_DIR / "seed-article.yaml").exists()


@pytest.mark.parametrize("mode", ["data", "leave-out", "none"])
def test_precision_and_recall_targets(mode):
    """The seed is in sample: what the rules read of it, at any confidence, meets the targets; what the review file
    accepts is precise. Which proposals are accepted is the calibration's (stat-topic reads the seed's talent and 成渝
    figures and is below the threshold since round blind-zi, right 0 of 7 on the blind samples as they came)."""
    accepted, _secs = _bench().run(mode)
    for kind in ("entities", "statistics", "dates", "relations"):
        assert accepted[kind].precision >= 0.9, f"{mode} {kind}: accepted P={accepted[kind].precision:.3f}"
    scores, _secs = _bench().run(mode, accept=0.0)   # every proposal, as --by-rule counts them
    for kind in ("entities", "statistics", "dates", "relations"):
        s = scores[kind]
        assert s.precision >= 0.9 and s.recall >= 0.8, (
            f"{mode} {kind}: P={s.precision:.3f} R={s.recall:.3f}; missed {s.missed}; wrong {s.wrong}")


def test_scorer_counts_misses_and_false_positives(gold):
    """The scorer is not vacuous: dropping a relation and adding a wrong one shows in the figures. Every proposal
    counts here (the seed's relations are all read, but not all accepted: that is the calibration's)."""
    from parkgraph.loaders.ingest import ingest
    from parkgraph.loaders.ingest.extract import RelFact
    from parkgraph.loaders.ingest.kb import KnowledgeBase
    from parkgraph.loaders.ingest.score import score
    res = ingest(ARTICLE, kb=KnowledgeBase(), accept=0.0)
    ex = res.extraction
    before = score(ex, gold)["statistics"].correct
    first = ex.relations.pop(0)
    ex.relations.append(RelFact(first.to, "RELATED_TO", first.frm, first.sent, first.span, 0.9, "test"))
    ex.observations[0].fields["value"] = 999
    s = score(ex, gold)
    assert s["relations"].correct == len(gold["relations"]) - 1 and len(s["relations"].wrong) == 1
    assert s["statistics"].correct == before - 1 and before >= 5
