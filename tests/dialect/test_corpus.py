"""The corpus (corpus.yaml): ≥ 90 % of the queries give Neo4j's answer on the embedded engine, and
none gives a different answer silently."""
from __future__ import annotations

from pathlib import Path

import yaml

from .compare import compare

CORPUS = yaml.safe_load((Path(__file__).parent / "corpus.yaml").read_text(encoding="utf-8"))


def test_corpus_figures(engines):
    lb, n4 = engines
    outcomes = [compare(lb, n4, c["q"], unordered_lists=c.get("lists") == "unordered") for c in CORPUS]
    scored = [o for o in outcomes if o.verdict != "oracle-error"]
    by = {v: [o for o in scored if o.verdict == v] for v in ("same", "refused", "error", "different")}
    for o in outcomes:
        if o.verdict != "same":
            print(f"[{o.verdict}] {o.query}\n    {o.detail[:300]}" + (f"\n    ran as: {o.ran_as}" if o.ran_as else ""))
    n = len(scored)
    print(f"\ncorpus: {len(outcomes)} queries, {len(outcomes) - n} rejected by Neo4j itself (not scored); of {n}: "
          f"same {len(by['same'])} ({100 * len(by['same']) / n:.1f} %), refused {len(by['refused'])}, "
          f"error {len(by['error'])}, different {len(by['different'])}; "
          f"translated {sum(1 for o in by['same'] if o.ran_as)}")
    assert len(outcomes) >= 80
    assert not by["different"], "silently different answers: " + "; ".join(o.query for o in by["different"])
    assert len(by["same"]) / n >= 0.90
