"""The SPARQL endpoint against hostile requests (hostile_sparql.yaml): SPARQL Update in every form
the protocol allows, federated SERVICE calls (the server would fetch any URL and quote the answer in
its error), and runaway queries. Nothing changes, nothing is fetched, every refusal is clear JSON or
text with the right status, and the server keeps answering while a runaway query runs."""
from __future__ import annotations

import json
import threading
import time
from urllib.parse import quote

from .conftest import CORPUS_TIMEOUT, LiveServer, app_for, load_corpus

CORPUS = load_corpus("hostile_sparql.yaml")
DEFAULT = {"update": "refuse", "service": "refuse", "runaway": "bounded", "memory": "memory"}
STATUSES = {"refuse": {403}, "reject": {400, 403}, "memory": {400, 504}, "timeout": {504}, "bounded": {200, 504}, "harmless": {200, 400}}
SLACK = 3.0
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def send(client, via: str, text: str):
    # what a generic SPARQL client sends: results for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE
    accept = {"Accept": "application/sparql-results+json, text/turtle;q=0.9"}
    if via == "query":
        return client.get("/sparql?query=" + quote(text), headers=accept)
    if via == "update":
        return client.get("/sparql?update=" + quote(text), headers=accept)
    if via == "form-update":
        return client.post("/sparql", data={"update": text}, headers=accept)
    if via == "form-query":
        return client.post("/sparql", data={"query": text}, headers=accept)
    if via == "body-update":
        return client.post("/sparql", data=text.encode(), content_type="application/sparql-update", headers=accept)
    if via == "body-query":
        return client.post("/sparql", data=text.encode(), content_type="application/sparql-query", headers=accept)
    raise AssertionError(via)


def triple_count(client) -> int:
    r = client.get("/sparql?query=" + quote(COUNT), headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.get_data(as_text=True)[:300]
    return int(r.json["results"]["bindings"][0]["n"]["value"])


def test_sparql_corpus_covers_update_federation_and_runaways():
    cats = {e["cat"] for e in CORPUS}
    assert cats == set(DEFAULT)
    assert len([e for e in CORPUS if e["cat"] == "update"]) >= 25
    assert {e["via"] for e in CORPUS} == {"query", "update", "form-update", "form-query", "body-update", "body-query"}


def test_hostile_sparql_changes_nothing_fetches_nothing_and_answers_clearly(hostile_store, canary):
    store = hostile_store
    client = app_for(store).test_client()
    before = store.content_hash()
    n_before = triple_count(client)  # also warms the worker, so its start-up is not counted below
    problems = []
    for e in CORPUS:
        want = e.get("expect") or DEFAULT[e["cat"]]
        t0 = time.monotonic()
        r = send(client, e["via"], canary.fill(e["q"]))
        elapsed = time.monotonic() - t0
        body = r.get_data(as_text=True)
        where = f"[{e['cat']}/{e['via']}] {e['q']!r}"
        if r.status_code not in STATUSES[want]:
            problems.append(f"{where}: {r.status_code} where {want} was expected: {body[:200]}")
        if canary.token in body:
            problems.append(f"{where}: the canary is in the answer")
        if "Traceback" in body or r.status_code >= 500 and r.status_code != 504:
            problems.append(f"{where}: {r.status_code} {body[:200]}")
        if "Content-Security-Policy" not in r.headers:
            problems.append(f"{where}: no Content-Security-Policy")
        if elapsed > CORPUS_TIMEOUT + SLACK:
            problems.append(f"{where}: took {elapsed:.1f} s with a {CORPUS_TIMEOUT:g} s limit")
        if r.status_code in (400, 403, 504):
            d = r.json
            if not (d and d["status"] == r.status_code and d["message"]):
                problems.append(f"{where}: the error is not clear JSON: {body[:200]}")
            elif r.status_code == 504 and f"{CORPUS_TIMEOUT:g} s" not in d["message"]:
                problems.append(f"{where}: the timeout message does not name the limit: {d['message']}")
    assert not problems, "\n".join(problems)
    assert canary.hits == [], f"the SPARQL endpoint fetched a URL for a visitor: {canary.hits}"
    assert triple_count(client) == n_before  # the endpoint still answers, over the same data
    assert store.content_hash() == before


def test_update_and_service_are_refused_with_a_human_message(hostile_store, canary):
    client = app_for(hostile_store).test_client()
    r = send(client, "body-update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert r.status_code == 403 and "read-only" in r.json["message"]
    r = send(client, "query", canary.fill("SELECT * WHERE { SERVICE <{http}> { ?s ?p ?o } }"))
    assert r.status_code == 403 and "SERVICE" in r.json["message"]
    r = client.get("/sparql?update=" + quote("CLEAR ALL"), headers={"Accept": "text/html"})
    assert r.status_code == 403 and "<script" not in r.get_data(as_text=True).lower()


def test_server_keeps_answering_during_a_runaway_sparql_query(hostile_store):
    app = app_for(hostile_store, query_timeout=4.0)  # blocked, /api/info would wait >= 3.5 s
    runaway = "SELECT (COUNT(*) AS ?c) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with LiveServer(app) as srv:
        status, _, _ = srv.request("GET", "/sparql?query=" + quote(COUNT), headers={"Accept": "application/sparql-results+json"})
        assert status == 200  # snapshot built and worker warm
        result = {}

        def run():
            t0 = time.monotonic()
            result["answer"] = srv.request("GET", "/sparql?query=" + quote(runaway),
                                           headers={"Accept": "application/sparql-results+json"})
            result["elapsed"] = time.monotonic() - t0

        t = threading.Thread(target=run)
        t.start()
        time.sleep(0.5)
        latencies = []
        while t.is_alive() and len(latencies) < 20:
            t0 = time.monotonic()
            status, _, body = srv.request("GET", "/api/info")
            latencies.append(time.monotonic() - t0)
            assert status == 200 and json.loads(body)["engine"] == hostile_store.engine
            time.sleep(0.1)
        t.join(15)
        assert latencies and max(latencies) < 2.0, latencies
        status, headers, body = result["answer"]
        assert status == 504 and "4 s" in json.loads(body)["message"], body[:300]
        assert result["elapsed"] < 4.0 + SLACK
        # the stopped worker is replaced: the next query is answered
        status, _, body = srv.request("GET", "/sparql?query=" + quote(COUNT), headers={"Accept": "application/sparql-results+json"})
        assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0


def test_a_worker_cannot_reach_the_network_even_past_the_guard(canary, tmp_path):
    """Defence in depth: the worker's own sandbox (the same confine_worker call it makes at start)
    stops Oxigraph's SERVICE client, were a query ever to get past the parse check."""
    import subprocess
    import sys
    import pyoxigraph
    st = pyoxigraph.Store(str(tmp_path / "store"))
    st.add(pyoxigraph.Quad(pyoxigraph.NamedNode("urn:a"), pyoxigraph.NamedNode("urn:b"), pyoxigraph.Literal("c")))
    st.flush()
    del st
    script = (
        "import sys, pyoxigraph\n"
        "from parkgraph.rdf.sparql_worker import confine_worker\n"
        "layers = confine_worker(sys.argv[1], 1024, 60)\n"
        "assert layers['landlock_net'].startswith('enforced') or layers['netns'] == 'enforced', layers\n"
        "st = pyoxigraph.Store.read_only(sys.argv[1])\n"
        "try:\n"
        "    print(list(st.query('SELECT * WHERE { SERVICE <' + sys.argv[2] + '> { ?s ?p ?o } }')))\n"
        "except OSError as e:\n"
        "    print('refused by the OS:', type(e).__name__)\n"
        "try:\n"
        "    open(sys.argv[3]).read(); print('READ THE CANARY')\n"
        "except OSError:\n"
        "    print('canary file unreadable')\n")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "store"), canary.url, str(canary.path)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "refused by the OS" in out.stdout and "canary file unreadable" in out.stdout, out.stdout
    canary.assert_absent(out.stdout, out.stderr)
    assert canary.hits == []


def test_a_short_query_answers_fast_while_two_slow_ones_run(hostile_store):
    """Two long queries hold both regular workers; a trivial ASK goes to the spare and answers in
    under 200 ms (issue #15: one lock used to make it wait for both)."""
    app = app_for(hostile_store, query_timeout=6.0, sparql_workers=2)
    slow = "SELECT (COUNT(*) AS ?c) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    accept = {"Accept": "application/sparql-results+json"}
    with LiveServer(app) as srv:
        assert srv.request("GET", "/sparql?query=" + quote(COUNT), headers=accept)[0] == 200  # snapshot built
        app.extensions["parkgraph_sparql"].sandbox_layers()  # every worker started (waits for one to be ready)
        time.sleep(3)  # …and the others
        results: list = []
        threads = [threading.Thread(target=lambda: results.append(
            srv.request("GET", "/sparql?query=" + quote(slow), headers=accept)[0])) for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(0.8)
        latencies = []
        for _ in range(5):
            t0 = time.monotonic()
            status, _, body = srv.request("GET", "/sparql?query=" + quote("ASK { ?s ?p ?o }"), headers=accept)
            latencies.append(time.monotonic() - t0)
            assert status == 200 and json.loads(body)["boolean"] is True
        assert all(t.is_alive() for t in threads), "the slow queries ended before the fast ones were measured"
        for t in threads:
            t.join(20)
        assert results == [504, 504]
        assert sorted(latencies)[len(latencies) // 2] < 0.2 and max(latencies) < 0.5, latencies


def test_memory_bombs_stop_with_a_clear_error_and_the_server_keeps_answering(hostile_store):
    bombs = [e for e in CORPUS if e["cat"] == "memory"]
    app = app_for(hostile_store, query_timeout=20.0, sparql_memory_mb=768)
    accept = {"Accept": "application/sparql-results+json"}
    with LiveServer(app) as srv:
        assert srv.request("GET", "/sparql?query=" + quote(COUNT), headers=accept)[0] == 200
        for e in bombs:
            done = {}
            t = threading.Thread(target=lambda: done.update(r=srv.request("GET", "/sparql?query=" + quote(e["q"]), headers=accept)))
            t0 = time.monotonic()
            t.start()
            while t.is_alive():  # the rest of the server answers while the bomb goes off
                t1 = time.monotonic()
                status, _, _ = srv.request("GET", "/api/info")
                assert status == 200 and time.monotonic() - t1 < 1.0
                time.sleep(0.2)
            status, _, body = done["r"]
            assert status == 400 and "768 MB memory limit" in json.loads(body)["message"], body[:300]
            assert time.monotonic() - t0 < 20
            status, _, body = srv.request("GET", "/sparql?query=" + quote(COUNT), headers=accept)
            assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 0
