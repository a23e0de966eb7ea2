"""Shared fixtures. Store tests run on BOTH backends: the embedded LadybugDB and a real Neo4j 5.26.

Tests never write to a database they did not create:
- The Neo4j they use is named by PARKGRAPH_TEST_NEO4J_URI alone (`scripts/test.sh` starts a private
  server on free ports and sets it); NEO4J_URI and the default address are never used. For the whole
  session NEO4J_URI is pointed at that server (or at a closed port when none is set), so a CLI
  subprocess or a `Settings.from_env()` inside a test cannot reach a user's server either.
- Before the first test touches that server, `neo4j_ready` checks that it is empty or carries the
  suite's ownership mark (an index named `parkgraph_test_suite_owner`: schema, not data, so it counts
  as no node and survives every clear); a server holding anything else is refused, unchanged, with
  the reason.
- The `neo4j` and `browser` markers are applied from the fixtures and parameters a test uses, so
  `pytest -m "not neo4j"` cannot reach Neo4j; and when no selected test carries the marker,
  `neo4j_ready` refuses to connect at all.
A missing Neo4j fails the tests that need it, with the command that fixes it; nothing is skipped."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from parkgraph.fixture import write_fixture
from parkgraph.graph import open_store
from parkgraph.loaders import load_paths
from parkgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
BASE = "https://w3id.org/parkgraph/id/"
BACKENDS = ["ladybug", "neo4j"]

# The only Neo4j the suite may write to, and the label of the node that says the suite owns it.
TEST_NEO4J_URI = os.environ.get("PARKGRAPH_TEST_NEO4J_URI", "")
TEST_NEO4J_USER = os.environ.get("PARKGRAPH_TEST_NEO4J_USER", "neo4j")
TEST_NEO4J_PASSWORD = os.environ.get("PARKGRAPH_TEST_NEO4J_PASSWORD", "")
OWNER_INDEX = "parkgraph_test_suite_owner"
CLOSED = "bolt://127.0.0.1:1"  # nothing listens on port 1: a connection fails at once

# Every code path inside the test process and its subprocesses reads NEO4J_* through Settings: point
# them at the test server (or nowhere) before any test runs.
os.environ["NEO4J_URI"] = TEST_NEO4J_URI or CLOSED
os.environ["NEO4J_USER"] = TEST_NEO4J_USER
os.environ["NEO4J_PASSWORD"] = TEST_NEO4J_PASSWORD
os.environ.pop("NEO4J_DATABASE", None)

_selected_neo4j_tests = 0


def _uses_neo4j(item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    if names & {"neo4j_ready", "private_neo4j"}:  # the suite's server, or one a test starts for itself
        return True
    callspec = getattr(item, "callspec", None)
    return bool(callspec and any(v == "neo4j" for v in callspec.params.values()))


def pytest_collection_modifyitems(config, items):
    """Markers follow from what a test uses, not from a decorator someone may forget."""
    browser_dir = ROOT / "tests" / "browser"
    for item in items:
        if Path(str(item.fspath)).name == "test_bench.py":  # each bench script at a tiny size: minutes
            item.add_marker(pytest.mark.slow)
        if _uses_neo4j(item):
            item.add_marker(pytest.mark.neo4j)
        if browser_dir in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def pytest_collection_finish(session):
    global _selected_neo4j_tests
    _selected_neo4j_tests = sum(1 for item in session.items if item.get_closest_marker("neo4j"))


def neo4j_settings(**over) -> Settings:
    return Settings.from_env({"backend": "neo4j", "neo4j_uri": TEST_NEO4J_URI or CLOSED, "neo4j_user": TEST_NEO4J_USER,
                              "neo4j_password": TEST_NEO4J_PASSWORD, "neo4j_database": "neo4j", **over})


def claim_test_server(store) -> None:
    """Refuse a server that holds data the suite did not make; mark it as the suite's otherwise."""
    owned = store.read("SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n", {"name": OWNER_INDEX}).rows[0][0]
    if not owned:
        others = store.read("MATCH (n) RETURN count(n) AS n").rows[0][0]
        if others:
            pytest.exit(f"refusing to use the Neo4j at {TEST_NEO4J_URI}: it holds {others} nodes that this test "
                        f"suite did not create (no `{OWNER_INDEX}` index). Point PARKGRAPH_TEST_NEO4J_URI at an "
                        f"empty server of your own (`bash scripts/test.sh` starts one); nothing was changed.",
                        returncode=3)
        store.write(f"CREATE INDEX {OWNER_INDEX} IF NOT EXISTS FOR (n:ParkGraphTestSuite) ON (n.owner)")


@pytest.fixture(scope="session")
def neo4j_ready():
    from parkgraph.errors import BackendUnavailable
    if not _selected_neo4j_tests:
        pytest.fail("a test that is not marked `neo4j` asked for Neo4j: it must use the `neo4j_ready` fixture "
                    "(or a `neo4j` parameter) so that `-m 'not neo4j'` deselects it", pytrace=False)
    if not TEST_NEO4J_URI:
        pytest.fail("Neo4j is required for these tests: set PARKGRAPH_TEST_NEO4J_URI to a server the tests may "
                    "clear (never a server holding data of your own); `bash scripts/test.sh` starts one. "
                    "`pytest -m 'not neo4j'` runs the rest.", pytrace=False)
    try:
        store = open_store(neo4j_settings())
    except BackendUnavailable as e:
        pytest.fail(f"Neo4j is required for these tests: {e.message}. Run `bash scripts/test.sh` (it starts one) "
                    f"or start one with `parkgraph neo4j start --home DIR --bolt-port PORT` and set "
                    f"PARKGRAPH_TEST_NEO4J_URI.", pytrace=False)
    claim_test_server(store)
    store.create_schema()
    yield store
    store.close()


def make_store(backend: str, tmp_path: Path, request):
    if backend == "neo4j" and isinstance(request.node, pytest.Function) and not request.node.get_closest_marker("neo4j"):
        pytest.fail(f"{request.node.nodeid} uses Neo4j without the `neo4j` marker: request the `neo4j_ready` "
                    f"fixture (or a `neo4j` parameter) so that the marker follows", pytrace=False)
    if backend == "neo4j":
        request.getfixturevalue("neo4j_ready")
        store = open_store(neo4j_settings())
        store.create_schema()
        store.clear()
    else:
        store = open_store(Settings.from_env({"backend": "ladybug", "db_path": str(tmp_path / "graph.lbdb")}))
        store.create_schema()
    return store


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """An empty store with the schema, on each backend."""
    s = make_store(request.param, tmp_path, request)
    yield s
    s.close()


@pytest.fixture
def fixture_dir(tmp_path) -> Path:
    d = tmp_path / "fixture"
    write_fixture(d)
    return d


@pytest.fixture(params=BACKENDS)
def fixture_store(request, tmp_path):
    """The fixture graph (parkgraph.fixture) loaded on each backend."""
    s = make_store(request.param, tmp_path, request)
    d = tmp_path / "fixture"
    write_fixture(d)
    load_paths([d], s, BASE, progress=False)
    yield s
    s.close()


@pytest.fixture(scope="module", params=BACKENDS)
def curated_store(request, tmp_path_factory):
    """The curated dataset in data/ loaded on each backend (module scope: loaded once per module)."""
    tmp = tmp_path_factory.mktemp("curated")
    s = make_store(request.param, tmp, request)
    load_paths([DATA], s, BASE, progress=False)
    yield s
    s.close()
