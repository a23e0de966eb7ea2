"""Published IRIs never change: every node and relationship IRI of an earlier release still exists in
the curated graph, unless it is listed as withdrawn with a reason. A reworded relationship role keeps
its IRI through `iri_key` (the wording it was first minted from)."""
from __future__ import annotations

from pathlib import Path

import yaml

from .conftest import BASE

GOLDEN = Path(__file__).resolve().parent / "golden"


def published(release: str) -> set[str]:
    lines = (GOLDEN / f"published-iris-{release}.txt").read_text(encoding="utf-8").splitlines()
    return {BASE + ln for ln in lines if ln and not ln.startswith("#")}


def test_every_iri_of_release_0_1_0_still_resolves(curated_store):
    withdrawn = {BASE + w["iri"] for w in yaml.safe_load((GOLDEN / "withdrawn-iris.yaml").read_text())["withdrawn"]}
    now = set()
    for label in curated_store.model.labels:
        now |= {n["uri"] for n in curated_store.export_nodes(label)}
    for rtype in curated_store.model.rel_types:
        now |= {r["uri"] for r in curated_store.export_relationships(rtype)}
    old = published("0.1.0")
    assert len(old) > 1000
    missing = sorted(old - now - withdrawn)
    assert not missing, f"{len(missing)} published IRIs vanished, e.g. {missing[:5]}"
    assert not (withdrawn & now), "an IRI listed as withdrawn is back: take it off the list"
