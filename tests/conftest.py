"""Shared fixtures. Store tests run on BOTH backends: the embedded LadybugDB and a real Neo4j 5.26
(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE; `scripts/test.sh` starts one). A missing
Neo4j fails the tests that need it, with the command that fixes it; nothing is skipped."""
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


def neo4j_settings(**over) -> Settings:
    return Settings.from_env({"backend": "neo4j", **over})


@pytest.fixture(scope="session")
def neo4j_ready():
    from parkgraph.errors import BackendUnavailable
    try:
        store = open_store(neo4j_settings())
    except BackendUnavailable as e:
        pytest.fail(f"Neo4j is required for these tests: {e.message}. Run `parkgraph neo4j start` "
                    f"or `bash scripts/test.sh`, or set NEO4J_URI.", pytrace=False)
    store.create_schema()
    yield store
    store.close()


def make_store(backend: str, tmp_path: Path, request):
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
