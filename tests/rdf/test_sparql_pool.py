"""The SPARQL worker pool on its own (an Oxigraph store made here, no graph database needed): the
spare worker's short limit, SIGKILL at the limit with a replacement, a memory-cap death reported
as such, and queries that do not wait for each other."""
from __future__ import annotations

import threading
import time

import pyoxigraph as ox
import pytest

from parkgraph.errors import QueryError, QueryTimeout
from parkgraph.rdf.sparql_pool import WorkerPool

SLOW = "SELECT (COUNT(*) AS ?c) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
BOMB = ('SELECT (STRLEN(?a27) AS ?n) WHERE { VALUES ?a0 { "xxxxxxxxxxxxxxxx" } '
        + " ".join(f"BIND(CONCAT(?a{i},?a{i}) AS ?a{i + 1})" for i in range(27)) + " }")


def req(q: str) -> dict:
    return {"query": q, "accept": "application/sparql-results+json", "max_rows": 100, "max_bytes": 1 << 20}


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    path = tmp_path_factory.mktemp("pool") / "store"
    st = ox.Store(str(path))
    st.extend([ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i))) for i in range(300)])
    st.flush()
    del st
    p = WorkerPool(path, size=1, memory_mb=768, cpu_seconds=120, spare_timeout=0.8)
    assert p.layers()  # one worker up
    time.sleep(2)  # and the spare
    yield p
    p.retire()


def test_the_spare_takes_a_query_only_while_the_regular_worker_is_busy_and_briefly(pool):
    out = {}
    t = threading.Thread(target=lambda: out.update(slow=_status(pool, SLOW, 4.0)))
    t.start()
    time.sleep(0.5)
    t0 = time.monotonic()
    header, _ = pool.run(req("ASK { ?s ?p ?o }"), 4.0, 1 << 20)
    assert header["ok"] and time.monotonic() - t0 < 0.5
    with pytest.raises(QueryTimeout) as e:  # a second long query gets the spare's 0.8 s, not 4 s
        pool.run(req(SLOW), 4.0, 1 << 20)
    assert "0.8 s" in e.value.message and "busy" in e.value.message
    t.join(10)
    assert out["slow"] == "timeout"
    header, body = pool.run(req("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), 30.0, 1 << 20)  # replacements answer
    assert header["ok"] and b'"300"' in body


def test_a_memory_bomb_kills_only_its_worker_and_says_why(pool):
    with pytest.raises(QueryError) as e:
        pool.run(req(BOMB), 30.0, 1 << 20)
    assert "768 MB memory limit" in e.value.message
    header, body = pool.run(req("ASK { ?s ?p ?o }"), 30.0, 1 << 20)
    assert header["ok"] and b"true" in body


def _status(pool, q, timeout):
    try:
        pool.run(req(q), timeout, 1 << 20)
        return "ok"
    except QueryTimeout:
        return "timeout"
