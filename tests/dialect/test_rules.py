"""One test per row of graph/dialect/rules.RULES: its example runs on Neo4j 5.26 (the oracle) and,
translated, on LadybugDB with the same rows; a refusing row names the equivalent instead."""
from __future__ import annotations

import pytest

from parkgraph.graph.dialect import RULES, translate
from parkgraph.ontology import load_model

from .compare import compare

MODEL = load_model()


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_on_both_engines(rule, engines):
    lb, n4 = engines
    t = translate(rule.example, MODEL)
    out = compare(lb, n4, rule.example)
    if rule.refuses:
        assert t.refused, f"{rule.name}: expected a refusal, ran as {t.text}"
        assert out.verdict == "refused", out
        assert t.refused["equivalent"] and "write instead" in out.detail
    else:
        assert t.refused is None, t.refused
        assert rule.name in t.rules or rule.name == "column names", (rule.name, t.rules, t.text)
        assert out.verdict == "same", out
