"""Loading into a non-empty embedded graph is linear (issue 19, item 5): it was quadratic (10k
enterprises 36 s, 30k 334 s) because every new relationship was MERGEd into a table that already held
some. Times are CPU seconds of this process (LadybugDB's threads included), which a busy machine
disturbs less than wall time. `bench/ladybug_embedded.py --load-only` gives the 100k figures."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from parkgraph.data import DATA_DIR
from parkgraph.graph.ladybug_store import LadybugStore
from parkgraph.loaders import load_paths
from parkgraph.loaders.synthetic import generate

from ..conftest import BASE

SMALL, LARGE = 2000, 8000


def cpu_load(db: Path, data: Path, *, non_empty: bool) -> float:
    with LadybugStore(db) as store:
        store.create_schema()
        if non_empty:  # what `parkgraph serve` leaves: the bundled data
            load_paths([DATA_DIR], store, BASE, progress=False)
        t = time.process_time()
        load_paths([data], store, BASE, progress=False)
        return time.process_time() - t


def relationships(db: Path) -> dict[str, tuple]:
    with LadybugStore(db, read_only=True) as store:
        return {r["uri"]: (r["start"], r["end"], sorted(r["properties"].items()))
                for t in store.model.rel_types for r in store.iter_relationships(t)}


@pytest.mark.slow
def test_loading_into_a_non_empty_embedded_graph_is_linear(tmp_path):
    small, large = tmp_path / "small", tmp_path / "large"
    generate(small, SMALL, 1, "csv")
    generate(large, LARGE, 1, "csv")
    empty_small = cpu_load(tmp_path / "d.lbdb", small, non_empty=False)
    empty_large = cpu_load(tmp_path / "a.lbdb", large, non_empty=False)
    full_small = cpu_load(tmp_path / "b.lbdb", small, non_empty=True)
    full_large = cpu_load(tmp_path / "c.lbdb", large, non_empty=True)
    print(f"\nCPU s: empty {SMALL}: {empty_small:.1f}, {LARGE}: {empty_large:.1f}; "
          f"non-empty {SMALL}: {full_small:.1f}, {LARGE}: {full_large:.1f}")
    # every relationship of the synthetic data is there, as loaded into an empty database (a few of
    # them are also in the bundled data, with the same uri)
    alone, merged = relationships(tmp_path / "a.lbdb"), relationships(tmp_path / "c.lbdb")
    assert len(alone) > 4 * LARGE
    assert {u: merged.get(u) for u in alone} == alone
    # What each further enterprise costs, into a non-empty graph and into an empty one: at most 2.5x.
    # (The totals differ by a constant at these sizes — one COPY per relationship group costs about
    # 0.1 s more when its table already holds rows, some 5 s over the bundled data's 50 groups — which
    # vanishes at scale: 1.30x at 100k enterprises, bench/RESULTS.md.) Why 2.5 and not 2: a difference
    # of two totals carries the noise of both; with the loader unchanged, CI measured 2.06x once
    # (2026-12-02: 10.1 → 19.4 s against 2.6 → 7.1 s), while the quadratic loader this test guards
    # against cost about 15 ms per further enterprise between 10k and 30k (36 s → 334 s), some 20x the
    # 0.75 ms an empty graph costs here.
    per_row_full = (full_large - full_small) / (LARGE - SMALL)
    per_row_empty = (empty_large - empty_small) / (LARGE - SMALL)
    assert per_row_full <= 2.5 * per_row_empty, (f"non-empty {full_small:.1f} → {full_large:.1f} s, empty "
                                                f"{empty_small:.1f} → {empty_large:.1f} s (CPU)")
    # 4x the data: linear is 4x the time, quadratic 16x; allow for noise and fixed costs
    assert full_large <= 6 * full_small, f"{LARGE}: {full_large:.1f} s, {SMALL}: {full_small:.1f} s (CPU)"
