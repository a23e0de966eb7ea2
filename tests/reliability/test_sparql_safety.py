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
DEFAULT = {"update": "refuse", "service": "refuse", "runaway": "bounded"}
STATUSES = {"refuse": {403}, "reject": {400, 403}, "timeout": {504}, "bounded": {200, 504}, "harmless": {200, 400}}
SLACK = 3.0
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def send(client, via: str, text: str):
    accept = {"Accept": "application/sparql-results+json"}
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
