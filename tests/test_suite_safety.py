"""The test suite never writes to a database it did not create.

A user's Neo4j is simulated by the suite's own test server after its ownership mark is taken away and
a node of the user's is added: to the suite it is then a server holding foreign data. Two pytest runs
in subprocesses are pointed at it — one naming it as the test server, one with `-m "not neo4j"` and
NEO4J_URI (the variable a user has set for their own work) aimed at it — and the server's whole content
(every node and relationship, whatever its label) must be the same afterwards.
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from .conftest import OWNER_INDEX, ROOT, TEST_NEO4J_URI

FOREIGN = "UserOwnThing"


def whole_database_hash(store) -> tuple[int, str]:
    """Every node and relationship of the database, not only the ontology's: what a user would lose."""
    nodes = store.read("MATCH (n) RETURN labels(n) AS l, properties(n) AS p").rows
    rels = store.read("MATCH (a)-[r]->(b) RETURN type(r) AS t, properties(r) AS p, properties(a) AS a, properties(b) AS b").rows
    h = hashlib.sha256()
    for row in sorted(json.dumps(r, sort_keys=True, ensure_ascii=False, default=str) for r in nodes + rels):
        h.update(row.encode())
    return len(nodes), h.hexdigest()


def pytest_run(args: list[str], env_over: dict[str, str | None]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()}
    for k, v in env_over.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = v
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)


def test_a_server_holding_foreign_data_is_left_unchanged(neo4j_ready):
    store = neo4j_ready
    store.write(f"DROP INDEX {OWNER_INDEX} IF EXISTS")
    store.write(f"CREATE (:{FOREIGN} {{name: 'a node of the user', n: 50}})")
    try:
        before = whole_database_hash(store)
        assert before[0] >= 1

        # 1. named as the test server: the suite refuses it before any test runs
        res = pytest_run(["tests/graph/test_store.py", "-x"], {"PARKGRAPH_TEST_NEO4J_URI": TEST_NEO4J_URI})
        assert res.returncode != 0, res.stdout[-2000:]
        assert "refusing to use the Neo4j" in res.stdout + res.stderr, (res.stdout[-2000:], res.stderr[-2000:])
        assert whole_database_hash(store) == before

        # 2. a user's NEO4J_URI, and the fast subset that must not reach Neo4j at all
        res = pytest_run(["-m", "not neo4j and not browser and not slow", "tests/graph", "tests/test_seed_article.py"],
                         {"PARKGRAPH_TEST_NEO4J_URI": None, "NEO4J_URI": TEST_NEO4J_URI})
        assert res.returncode == 0, res.stdout[-3000:]
        assert " passed" in res.stdout
        assert whole_database_hash(store) == before
    finally:
        store.write(f"MATCH (n:{FOREIGN}) DELETE n")
        # the suite's own data is there again: put its mark back directly (claim_test_server would
        # rightly refuse a server holding unmarked data)
        store.write(f"CREATE INDEX {OWNER_INDEX} IF NOT EXISTS FOR (n:ParkGraphTestSuite) ON (n.owner)")


def test_markers_follow_the_fixtures_a_test_uses():
    """`-m "not neo4j"` deselects every test that would open the suite's Neo4j, including those that
    reach it through a parameter or a module fixture rather than a decorator."""
    res = pytest_run(["--collect-only", "-m", "neo4j", "tests/graph", "tests/test_seed_article.py",
                      "tests/test_synthetic.py", "tests/test_cli.py"], {})
    assert res.returncode == 0, res.stdout[-2000:]
    chosen = [line.strip() for line in res.stdout.splitlines() if "::" in line]
    assert any("test_backends_agree.py" in c for c in chosen)
    assert any("test_curated_graph_is_identical_on_both_engines" in c for c in chosen)
    assert any("[neo4j]" in c for c in chosen)
    assert not any("[ladybug]" in c and "test_store.py" in c for c in chosen)
    res = pytest_run(["--collect-only", "-m", "not neo4j", "tests/graph", "tests/test_seed_article.py"], {})
    rest = [line.strip() for line in res.stdout.splitlines() if "::" in line]
    assert rest and not any("[neo4j]" in c or "test_backends_agree.py" in c for c in rest)


@pytest.mark.parametrize("uri", ["", "bolt://127.0.0.1:1"])
def test_without_a_test_server_neo4j_tests_fail_and_say_how(uri):
    res = pytest_run(["tests/graph/test_store.py", "-k", "neo4j", "-x"],
                     {"PARKGRAPH_TEST_NEO4J_URI": uri or None, "NEO4J_URI": TEST_NEO4J_URI or "bolt://127.0.0.1:7687"})
    assert res.returncode != 0
    out = res.stdout + res.stderr
    assert "PARKGRAPH_TEST_NEO4J_URI" in out
