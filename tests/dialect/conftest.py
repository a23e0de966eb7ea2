"""Both engines loaded with the bundled data/, side by side: LadybugDB in a temporary folder and the
suite's Neo4j 5.26 (PARKGRAPH_TEST_NEO4J_URI), whose rows are the oracle."""
from __future__ import annotations

import pytest

from parkgraph.loaders import load_paths
from tests.conftest import BASE, DATA, make_store


@pytest.fixture(scope="module")
def engines(request, tmp_path_factory, neo4j_ready):
    tmp = tmp_path_factory.mktemp("dialect")
    lb = make_store("ladybug", tmp, request)
    load_paths([DATA], lb, BASE, progress=False)
    n4 = make_store("neo4j", tmp, request)
    load_paths([DATA], n4, BASE, progress=False)
    yield lb, n4
    lb.close()
    n4.close()
