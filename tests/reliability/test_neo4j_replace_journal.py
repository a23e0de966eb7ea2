"""Neo4j `load --replace` of a graph larger than one transaction may hold (issue #19).

A private Neo4j 5.26 (own home, free ports; the suite's server is never touched) whose
`db.memory.transaction.max` is lowered to TX_MEMORY, so a few thousand nodes and relationships are
already more than one transaction can switch: the previous design (one transaction deleting the old
graph and promoting the new one) fails there. The journaled, batched switch (graph/neo4j_replace.py)
must replace it, and a real `python -m parkgraph load --replace` killed as by kill -9 at points
before, inside and after the switch must leave the old graph or the new one (content hash), never a
mix, once anything opens the graph.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j.exceptions import Neo4jError

from parkgraph.graph.neo4j_server import NEO4J_VERSION, LocalNeo4j, Neo4jServerError
from parkgraph.graph.neo4j_store import Neo4jStore
from parkgraph.loaders import load_paths
from parkgraph.settings import Settings

from ..conftest import BASE
from .conftest import free_port
from .gen import write_dataset

ROOT = Path(__file__).resolve().parents[2]
TX_MEMORY = "2m"  # per-transaction memory of the private server
ENTERPRISES = 200  # with their quotes, parks and relationships: well over what 2 MiB can switch at once
BULK_ROWS = "100"  # rows per loader batch and per switch batch: many commits, so that kills land between them


@pytest.fixture(scope="module")
def private_neo4j(tmp_path_factory):
    home = tmp_path_factory.mktemp("neo4j-journal")
    cp_name = f"classpath-{NEO4J_VERSION}.txt"
    for other in filter(None, {os.environ.get("PARKGRAPH_NEO4J_HOME"), str(Settings.from_env().neo4j_home)}):
        if (Path(other) / cp_name).is_file():
            shutil.copy(Path(other) / cp_name, home / cp_name)
            break
    srv = LocalNeo4j(home, bolt_port=free_port(), http_port=free_port(), heap="512m", pagecache="64m",
                     tx_memory=TX_MEMORY)
    try:
        srv.start(wait=180)
    except Neo4jServerError as e:
        pytest.fail(f"could not start a private Neo4j for the replace tests: {e}", pytrace=False)
    yield srv
    srv.kill()
    srv.stop(wait=5)
    shutil.rmtree(home, ignore_errors=True)


def cli(srv: LocalNeo4j, *args: str, **extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARKGRAPH_TEST_")}
    env.update({"NEO4J_URI": srv.bolt_uri, "NEO4J_PASSWORD": "", "PARKGRAPH_BACKEND": "neo4j",
                "PARKGRAPH_BULK_ROWS": BULK_ROWS, "PARKGRAPH_BATCH_SIZE": BULK_ROWS, "PYTHONHASHSEED": "0", **extra})
    return subprocess.run([sys.executable, "-m", "parkgraph", *args, "--backend", "neo4j", "--neo4j-uri", srv.bolt_uri,
                           "--no-progress"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.slow  # ~20 kills, each a real `parkgraph load` and a reset: several minutes
def test_replace_larger_than_one_transaction_survives_kill_9_anywhere(private_neo4j, tmp_path, fixture_dir, monkeypatch):
    srv = private_neo4j
    monkeypatch.setenv("PARKGRAPH_BULK_ROWS", BULK_ROWS)  # this process's own replaces batch the same way
    new_data = write_dataset(tmp_path / "new", ENTERPRISES, parks=3)

    def hash_now() -> str:
        with Neo4jStore(srv.bolt_uri) as store:  # opening it finishes an interrupted switch
            assert not store.read("MATCH (j:PgReplaceJournal) RETURN count(j)").value(0)
            return store.content_hash()

    def reset_to_old() -> str:
        with Neo4jStore(srv.bolt_uri) as store:
            store.create_schema()
            load_paths([fixture_dir], store, BASE, replace=True, progress=False)
            return store.content_hash()

    old_hash = reset_to_old()
    log = tmp_path / "checkpoints.log"
    res = cli(srv, "load", str(new_data), "--replace", PARKGRAPH_TEST_CHECKPOINT_LOG=str(log))
    assert res.returncode == 0, res.stderr[-3000:]
    new_hash = hash_now()
    assert new_hash != old_hash
    with Neo4jStore(srv.bolt_uri) as store:
        counts = store.counts()
        assert counts["nodes"]["Enterprise"] == ENTERPRISES
        total = sum(counts["nodes"].values()) + sum(counts["relationships"].values())
        # the graph is more than one transaction of this server can change: the one-transaction switch
        # (delete the old graph, relabel the new one) could not have done it
        with pytest.raises(Neo4jError) as e:
            with store._driver.session(database=store.database) as s:
                with s.begin_transaction() as tx:
                    for label in store.model.labels:
                        tx.run(f"MATCH (n:{label}) SET n:PgProbe REMOVE n:{label}").consume()
                    for t in store.model.rel_types:
                        tx.run(f"MATCH (a)-[r:{t}]->(b) CREATE (a)-[:PgProbeRel]->(b) DELETE r").consume()
        assert "MemoryPoolOutOfMemoryError" in (e.value.code or ""), e.value
    assert hash_now() == new_hash  # rolled back: nothing changed

    names = [line.split("\t", 1)[1] for line in log.read_text().splitlines()]
    committed = names.index("neo4j replace: journal committed") + 1
    own = [i + 1 for i, n in enumerate(names) if "replace:" in n]
    loader = [i + 1 for i, n in enumerate(names) if "wrote a batch" in n]
    switch = [i + 1 for i, n in enumerate(names) if "switch:" in n]
    kinds = {n for n in names if "switch:" in n}
    # every point of the replace itself; the first and last loader batch; the switch's batches: the
    # first and last of each kind (old relationships, old nodes, promoted nodes, promoted relationships)
    points = set(own) | {loader[0], loader[-1]}
    for kind in kinds:
        at = [i for i in switch if names[i - 1] == kind]
        points |= {at[0], at[-1]}
    points = sorted(points)
    assert len(points) >= 10 and len(switch) > 12, (len(points), len(switch))

    outcomes = []
    for k in points:
        reset_to_old()
        res = cli(srv, "load", str(new_data), "--replace", PARKGRAPH_TEST_KILL_AT=str(k))
        assert res.returncode == 137, (k, names[k - 1], res.returncode, res.stderr[-2000:])
        got = hash_now()
        want = new_hash if k >= committed else old_hash
        assert got in (old_hash, new_hash), f"killed at {k} ({names[k - 1]}): a mix of the old and new graphs"
        assert got == want, f"killed at {k} ({names[k - 1]}): expected the {'new' if want == new_hash else 'old'} graph"
        outcomes.append("new" if got == new_hash else "old")
        print(f"killed at {k} ({names[k - 1]}): {outcomes[-1]}", flush=True)
    print(f"\n{total} nodes and relationships, {len(names)} points, {len(switch)} switch batches; killed at",
          [(k, names[k - 1], o) for k, o in zip(points, outcomes)])
    assert "old" in outcomes and "new" in outcomes

    # nothing is left behind: no staging nodes, no journal, no staging indexes once a replace completes
    reset_to_old()
    with Neo4jStore(srv.bolt_uri) as store:
        left = store.read("MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'PgStage_' OR l STARTS WITH 'PgReplace') "
                          "RETURN count(n)").value(0)
        assert left == 0
        assert store.content_hash() == old_hash
