"""The one mapping path (loaders/plan.py) fed from memory and from streamed files, written through the
one bulk-load contract (graph/bulk.py), gives the same graph on each engine."""
from __future__ import annotations

from parkgraph.graph.bulk import load_source
from parkgraph.loaders import load_paths
from parkgraph.loaders.mapping import build_plan
from parkgraph.loaders.spool import CHUNK, Spool
from parkgraph.loaders.validate import validate_paths

from ..conftest import BASE


def test_an_in_memory_plan_and_a_streamed_load_write_the_same_graph(store, fixture_dir):
    plan = build_plan(validate_paths([fixture_dir], model=store.model), store.model, BASE)
    load_source(store, plan)  # the in-memory source, through the bulk-load contract
    from_memory = store.content_hash()
    counts = store.counts()
    assert sum(counts["nodes"].values()) == plan.node_count() > 0
    assert sum(counts["relationships"].values()) == plan.rel_count() > 0
    # the same files streamed, replacing the graph: exactly the same nodes, relationships and properties
    rep = load_paths([fixture_dir], store, BASE, replace=True, progress=False)
    assert rep.plan.summary() == plan.summary()
    assert store.content_hash() == from_memory and store.counts() == counts


def test_an_in_memory_spool_reads_back_in_order_in_chunks():
    sp = Spool(in_memory=True)
    assert sp.dir is None  # nothing on disk
    for i in range(CHUNK * 2 + 5):
        sp.add(("node", "Park"), {"i": i})
    sp.add(("node", "Region"), {"i": -1})
    chunks = list(sp.read(("node", "Park")))
    assert [len(c) for c in chunks] == [CHUNK, CHUNK, 5]
    assert [r["i"] for c in chunks for r in c] == list(range(CHUNK * 2 + 5))
    assert sp.count(("node", "Park")) == CHUNK * 2 + 5 and sp.count(("node", "Region")) == 1
    list(sp.read(("node", "Region"), drop=True))
    assert sp.keys() == [("node", "Park")]
    sp.close()
