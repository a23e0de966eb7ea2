"""Neo4j going away: killed (SIGKILL) in the middle of a load, and stopped while the UI is in use.

These tests start their OWN Neo4j 5.26 (graph/neo4j_server.LocalNeo4j) on free ports with a private
home folder, never the shared test server, and stop it at the end.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parkgraph.fixture import write_fixture
from parkgraph.graph.neo4j_server import NEO4J_VERSION, LocalNeo4j, Neo4jServerError
from parkgraph.graph.neo4j_store import Neo4jStore
from parkgraph.loaders import load_paths
from parkgraph.settings import Settings

from ..conftest import BASE
from .conftest import LiveServer, app_for, free_port
from .gen import write_dataset

ROOT = Path(__file__).resolve().parents[2]
ENTERPRISES = 3000
QUERY_TIMEOUT = 10.0


@pytest.fixture(scope="module")
def private_neo4j(tmp_path_factory):
    home = tmp_path_factory.mktemp("neo4j-private")
    # reuse a resolved classpath if one is at hand (saves a Maven run); the jars stay in ~/.m2
    cp_name = f"classpath-{NEO4J_VERSION}.txt"
    for other in filter(None, {os.environ.get("PARKGRAPH_NEO4J_HOME"), str(Settings.from_env().neo4j_home)}):
        if (Path(other) / cp_name).is_file():
            shutil.copy(Path(other) / cp_name, home / cp_name)
            break
    srv = LocalNeo4j(home, bolt_port=free_port(), http_port=free_port(), heap="512m", pagecache="64m")
    try:
        srv.start(wait=180)
    except Neo4jServerError as e:
        pytest.fail(f"could not start a private Neo4j for the fault tests: {e}", pytrace=False)
    yield srv
    srv.kill()  # a throwaway server: no need to wait for a clean shutdown
    srv.stop(wait=5)
    shutil.rmtree(home, ignore_errors=True)


def open_store(srv: LocalNeo4j) -> Neo4jStore:
    s = Neo4jStore(srv.bolt_uri, query_timeout=QUERY_TIMEOUT)
    s.create_schema()
    return s


def cli_load(srv: LocalNeo4j, path: Path, *extra: str, batch_size: int = 1000) -> subprocess.Popen:
    env = {**os.environ, "NEO4J_URI": srv.bolt_uri, "PARKGRAPH_BACKEND": "neo4j", "NEO4J_PASSWORD": "",
           "PARKGRAPH_BATCH_SIZE": str(batch_size), "PARKGRAPH_BULK_ROWS": str(batch_size)}
    return subprocess.Popen([sys.executable, "-m", "parkgraph", "load", str(path), "--backend", "neo4j",
                             "--neo4j-uri", srv.bolt_uri, "--no-progress", *extra],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def count(store: Neo4jStore, label: str = "") -> int:
    return int(store.read(f"MATCH (n{':' + label if label else ''}) RETURN count(n)").value(0))


def test_neo4j_killed_mid_load_then_reloaded_equals_a_clean_load(private_neo4j, tmp_path):
    srv = private_neo4j
    data = write_dataset(tmp_path / "big", ENTERPRISES)

    # 1. a clean load into the fresh database: the reference
    with open_store(srv) as store:
        load_paths([data], store, BASE, progress=False)
        clean_hash, clean_counts = store.content_hash(), store.counts()
        total = count(store) + sum(clean_counts["relationships"].values())
        assert clean_counts["nodes"]["Enterprise"] == ENTERPRISES
        store.clear()
        assert count(store) == 0

        # 2. the same load, with Neo4j killed (SIGKILL) while it writes (small batches: many commits to land between)
        proc = cli_load(srv, data, batch_size=250)
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None and count(store) == 0:
            time.sleep(0.05)
        assert proc.poll() is None, "the load finished before Neo4j could be killed: make the dataset larger"
        srv.kill()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0, "the load claims success although Neo4j died under it"
    assert "Traceback" not in err, err[-2000:]
    assert "Neo4j" in err and srv.bolt_uri in err, err[-2000:]  # one line naming the server it lost

    # 3. restart (Neo4j recovers from its transaction log), check it was a partial write, load again
    srv.start(wait=180)
    with open_store(srv) as store:
        partial = count(store) + sum(store.counts()["relationships"].values())
        assert 0 < partial < total, f"expected a partial graph after the kill, found {partial} of {total} nodes and relationships"
        proc = cli_load(srv, data)
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert store.counts() == clean_counts
        assert store.content_hash() == clean_hash


PATHS = [("GET", "/api/info"), ("GET", "/api/search?q=tongzhou"), ("GET", "/"),
         ("GET", "/id/subpark/tongzhou"), ("GET", "/api/neighbourhood?uri=" + BASE + "subpark/tongzhou"),
         ("GET", "/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D"),
         ("POST", "/api/query")]


def ask(srv: LiveServer, method: str, path: str):
    body = json.dumps({"query": "MATCH (n:SubPark) RETURN count(n) AS c"}).encode() if method == "POST" else None
    # a SPARQL query answers results, never an HTML page (text/html alone is a 406 there, as the protocol says)
    headers = {"Content-Type": "application/json"} if body else {
        "Accept": "application/json" if path.startswith(("/api", "/sparql?")) else "text/html"}
    t0 = time.monotonic()
    status, h, data = srv.request(method, path, body, headers, timeout=60)
    return status, h, data.decode("utf-8", "replace"), time.monotonic() - t0


def test_ui_answers_503_while_neo4j_is_stopped_and_recovers_by_itself(private_neo4j, tmp_path):
    srv = private_neo4j
    store = open_store(srv)
    store.clear()
    write_fixture(tmp_path / "fixture")
    load_paths([tmp_path / "fixture"], store, BASE, progress=False)
    app = app_for(store, neo4j_uri=srv.bolt_uri, query_timeout=QUERY_TIMEOUT)
    with LiveServer(app) as web:
        for method, path in PATHS:
            status, _, body, _ = ask(web, method, path)
            assert status == 200, (path, body[:300])

        srv.stop(wait=60)
        for method, path in PATHS:
            status, headers, body, elapsed = ask(web, method, path)
            if path == "/":
                # the explorer's shell needs no query (the engine's name is cached): it loads, and
                # each of its API calls below answers 503 with the reason
                assert status == 200 and "content-security-policy" in headers
                continue
            assert status == 503, (path, status, body[:300])
            assert elapsed < QUERY_TIMEOUT, f"{path} took {elapsed:.1f} s to say Neo4j is down"
            assert "Traceback" not in body and "neo4j.exceptions" not in body
            assert "cannot reach Neo4j" in body and srv.bolt_uri in body, body[:300]
            assert "content-security-policy" in headers
            if path.startswith("/api"):
                d = json.loads(body)
                assert d["status"] == 503 and d["error"] == "database unavailable" and d["hint"]

        srv.start(wait=180)
        # the same app object, no restart: it recovers on its own once Neo4j answers again
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline:
            status, _, _, _ = ask(web, "GET", "/api/info")
            if status == 200:
                break
            time.sleep(0.5)
        assert status == 200, "the UI did not recover after Neo4j came back"
        for method, path in PATHS:
            status, _, body, _ = ask(web, method, path)
            assert status == 200, (path, body[:300])
        status, _, body, _ = ask(web, "POST", "/api/query")
        assert json.loads(body)["rows"] == [[2]]
    store.close()
