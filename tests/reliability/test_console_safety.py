"""The read-only console against a corpus of hostile queries (hostile_cypher.yaml), on both engines.

Every query goes through `store.read(query, console=True)` on the fixture graph. None may change the
graph (content hash and schema before and after, and after every category), none may read the canary
file or fetch the canary URL, every refusal is a ParkGraphError with a human message, and expensive
queries stop at the time limit. A sample goes through the HTTP API, and a slow query must not stop the
server from answering other requests.
"""
from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass
from itertools import groupby

import pytest

from parkgraph.errors import ParkGraphError, QueryError, QueryTimeout, WriteRefused

from .conftest import CORPUS_TIMEOUT, LiveServer, app_for, load_corpus

CORPUS = load_corpus("hostile_cypher.yaml")
HOSTILE = [e for e in CORPUS if e["cat"] != "control"]
EXPECT = {"write": "refuse", "schema": "refuse", "file": "refuse", "admin": "refuse", "procedure": "refuse",
          "transactions": "refuse", "multi": "refuse", "obfuscation": "refuse", "ladybug": "refuse",
          "expensive": "bounded", "memory": "too-large", "control": "allowed"}
ALLOWED_ERRORS = {"refuse": (WriteRefused,), "reject": (WriteRefused, QueryError),
                  "bounded": (QueryTimeout, QueryError), "too-large": (QueryError,), "allowed": ()}
STATUS = {WriteRefused: 403, QueryError: 400, QueryTimeout: 504}
SLACK = 3.0  # seconds past the limit an engine may take to notice it and stop


def expectation(entry: dict) -> str:
    return entry.get("expect") or EXPECT[entry["cat"]]


@dataclass
class Outcome:
    error: BaseException | None
    rows: list | None
    elapsed: float


def run(store, query: str) -> Outcome:
    t0 = time.monotonic()
    try:
        res = store.read(query, console=True)
        return Outcome(None, res.rows, time.monotonic() - t0)
    except BaseException as e:  # judged below: anything but the expected ParkGraphErrors is a failure
        return Outcome(e, None, time.monotonic() - t0)


def judge(entry: dict, out: Outcome, canary) -> str | None:
    """None if the outcome is what the entry's category allows, else what went wrong."""
    want = expectation(entry)
    text = json.dumps(out.rows, ensure_ascii=False, default=str) if out.rows is not None else \
        f"{getattr(out.error, 'message', '')} {getattr(out.error, 'hint', '')} {out.error!r}"
    if canary.token in text:
        return "the canary file's contents are in the answer"
    if out.elapsed > CORPUS_TIMEOUT + SLACK:
        return f"took {out.elapsed:.1f} s with a {CORPUS_TIMEOUT:g} s limit"
    if out.error is None:
        return None if want in ("bounded", "allowed") else "ran instead of being refused"
    e = out.error
    if not isinstance(e, ParkGraphError):
        return f"raw {type(e).__module__}.{type(e).__name__}: {e!r}"[:300]
    if not isinstance(e, ALLOWED_ERRORS[want]):
        return f"{type(e).__name__} ({e.status}) where {want} was expected: {e.message[:200]}"
    if not e.message or "Traceback" in e.message or len(e.message) > 2000:
        return f"{type(e).__name__} without a human message: {e.message[:200]!r}"
    if isinstance(e, QueryTimeout) and f"{CORPUS_TIMEOUT:g} s" not in e.message:
        return f"timeout message does not name the limit: {e.message}"
    return None


def schema_fingerprint(store) -> list:
    """What content_hash does not cover: tables, comments, sequences, macros (LadybugDB); constraints
    and indexes (Neo4j)."""
    if store.engine == "ladybug":
        out = store.read("CALL show_tables() RETURN name, type, comment ORDER BY name").rows
        for fn in ("show_sequences", "show_macros", "show_projected_graphs", "show_attached_databases"):
            out += [fn, store.read(f"CALL {fn}() RETURN *").rows]
        return out
    return (store.read("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name").rows
            + store.read("SHOW INDEXES YIELD name RETURN name ORDER BY name").rows
            + store.read("CALL db.labels() YIELD label RETURN label ORDER BY label").rows)


def test_corpus_is_large_and_covers_every_category():
    assert len(HOSTILE) >= 200
    counts = Counter(e["cat"] for e in CORPUS)
    assert set(counts) == set(EXPECT), set(counts) ^ set(EXPECT)
    assert all(isinstance(e["q"], str) and e["q"].strip() for e in CORPUS)
    dupes = [q for q, n in Counter(e["q"] for e in CORPUS).items() if n > 1]
    assert not dupes, dupes
    for e in CORPUS:
        assert expectation(e) in ALLOWED_ERRORS, e


def test_hostile_corpus_changes_nothing_reads_nothing_and_refuses_clearly(hostile_store, canary):
    store = hostile_store
    original, schema = store.content_hash(), schema_fingerprint(store)
    problems, known = [], []
    ran = 0
    for cat, entries in groupby(CORPUS, key=lambda e: e["cat"]):
        for e in entries:
            if e.get("engine", store.engine) != store.engine:
                continue
            out = run(store, canary.fill(e["q"]))
            ran += 1
            why = judge(e, out, canary)
            if why and (e.get("known") or {}).get(store.engine):
                known.append((e["q"], why))
            elif why:
                problems.append(f"[{cat}] {e['q']!r}: {why}")
        # spot check after every category, so a failure names the category that did it
        assert store.content_hash() == original, f"a query in category ‘{cat}’ changed the graph"
    assert not problems, f"{len(problems)} of {ran} queries misbehaved on {store.engine}:\n" + "\n".join(problems)
    assert store.content_hash() == original
    assert schema_fingerprint(store) == schema
    assert canary.hits == [], f"something fetched the canary URL: {canary.hits}"
    assert store.read("MATCH (n:SubPark) RETURN count(n)", console=True).rows == [[2]]  # still answers
    for q, why in known:  # documented defects elsewhere: reported, not hidden
        print(f"known issue on {store.engine}: {q!r}: {why}")


@pytest.mark.parametrize("cat", ["write", "file", "admin", "ladybug", "obfuscation"])
def test_every_refusal_in_a_category_leaves_the_graph_as_it_was(hostile_store, canary, cat):
    """Per-category spot check with its own hash, independent of the whole-corpus run."""
    before = hostile_store.content_hash()
    for e in [e for e in HOSTILE if e["cat"] == cat][::4]:
        with pytest.raises(ParkGraphError):
            hostile_store.read(canary.fill(e["q"]), console=True)
    assert hostile_store.content_hash() == before


def _http_sample() -> list[dict]:
    sample = []
    for cat, entries in groupby(CORPUS, key=lambda e: e["cat"]):
        entries = list(entries)
        sample += entries[:: max(1, len(entries) // 4)][:4]
    sample += [e for e in CORPUS if "\r" in e["q"]]
    return sample


HTTP_SAMPLE = _http_sample()


def test_http_api_answers_hostile_queries_with_clear_json(hostile_store, canary):
    store = hostile_store
    app = app_for(store)
    client = app.test_client()
    before = store.content_hash()
    problems = []
    for e in HTTP_SAMPLE:
        if e.get("engine", store.engine) != store.engine or (e.get("known") or {}).get(store.engine):
            continue
        r = client.post("/api/query", json={"query": canary.fill(e["q"])})
        body = r.get_data(as_text=True)
        want = expectation(e)
        ok_status = {STATUS[c] for c in ALLOWED_ERRORS[want]} | ({200} if want in ("bounded", "allowed") else set())
        if r.status_code not in ok_status:
            problems.append(f"{e['q']!r}: {r.status_code} {body[:200]}")
            continue
        assert r.is_json, body[:200]
        assert "Content-Security-Policy" in r.headers
        assert "Traceback" not in body and canary.token not in body
        if r.status_code != 200:
            d = r.json
            assert d["status"] == r.status_code and d["message"] and d["error"], d
    assert not problems, "\n".join(problems)
    assert store.content_hash() == before
    assert canary.hits == []


# minutes, were they not stopped: 10^10 rows on LadybugDB; on Neo4j (whose console refuses ranges over
# 10^6 elements, graph/guard_heap.py) the fixture's 17 nodes to the 7th power, 4·10^8 rows (the 6th
# power took 10 s)
SLOW = {"ladybug": "UNWIND range(1, 10000000) AS x UNWIND range(1, 1000) AS y WITH x, y WHERE (x * y) % 7 = 3 "
                   "RETURN count(*)",
        "neo4j": "MATCH (a), (b), (c), (d), (e), (f), (g) WHERE (size(a.uri) * size(b.uri) + size(g.uri)) % 7 = 3 "
                 "RETURN count(*)"}


def test_server_keeps_answering_while_a_slow_query_runs(hostile_store):
    store = hostile_store
    limit = 4.0  # a server blocked by the slow query would take >= 3.5 s to answer anything else
    store.query_timeout = limit
    try:
        with LiveServer(app_for(store)) as srv:
            srv.request("GET", "/api/info")  # warm up
            result = {}

            def slow():
                t0 = time.monotonic()
                result["answer"] = srv.request("POST", "/api/query", json.dumps({"query": SLOW[store.engine]}).encode(),
                                               {"Content-Type": "application/json"})
                result["elapsed"] = time.monotonic() - t0

            t = threading.Thread(target=slow)
            t.start()
            time.sleep(0.5)
            latencies = []
            while t.is_alive() and len(latencies) < 20:
                t0 = time.monotonic()
                status, headers, body = srv.request("GET", "/api/info")
                latencies.append(time.monotonic() - t0)
                assert status == 200 and json.loads(body)["engine"] == store.engine
                status, _, body = srv.request("POST", "/api/query", b'{"query": "RETURN 1 AS one"}',
                                              {"Content-Type": "application/json"})
                assert status == 200 and json.loads(body)["rows"] == [[1]]
                time.sleep(0.1)
            t.join(limit + SLACK + 5)
            assert latencies, "the slow query finished before anything else was asked"
            assert max(latencies) < 2.0, f"/api/info took {max(latencies):.2f} s while a slow query ran"
            status, headers, body = result["answer"]
            d = json.loads(body)
            assert status == 504 and d["error"] == "timeout" and f"{limit:g} s" in d["message"], d
            assert result["elapsed"] < limit + SLACK
            assert "content-security-policy" in headers
    finally:
        store.query_timeout = CORPUS_TIMEOUT


# ---------------------------------------------------------------------- the guard on its own
def test_the_consoles_own_examples_pass_the_guard():
    from parkgraph.graph.examples import examples_for
    from parkgraph.graph.guard import check_read_only
    for engine in ("ladybug", "neo4j"):
        for ex in examples_for(engine, "https://w3id.org/parkgraph/id/"):
            check_read_only(ex["query"])


@pytest.mark.parametrize("query, refused", [
    ("MATCH (n) RETURN n //x\rCREATE (m)", True),          # Neo4j ends a // comment at a bare CR
    ("RETURN 1 //x\u2028CREATE (m)", True),
    ("RETURN '\\'' AS q CREATE (m)", True),                 # an escaped quote does not end the string
    ("RETURN 'a\uff07' AS x CREATE (m) RETURN '\uff07'", True),  # full-width quotes are not quotes
    ("CALL `apoc`.`create`.node([], {})", True),
    ("CALL threads = 1", True),
    ("EXPLAIN SHOW USERS", True),
    ("RETURN range(1, 2000 * 2000 * 2000)", True),
    ("RETURN range(1, 20000)", False),
    ("RETURN range(1, $n)", False),                         # no parameters given: nothing to check
    ("MATCH (start)-->(x) RETURN start", False),
    ("RETURN 'CREATE' AS c // DELETE", False),
    ("MATCH (n) WHERE n.set = 1 RETURN n.delete", False),
    ("CALL db.labels() YIELD label RETURN label", False),
    ("CALL show_tables() RETURN name", False),
    ("CALL { MATCH (n) RETURN n } RETURN count(*)", False),
])
def test_guard_edge_cases(query, refused):
    from parkgraph.graph.guard import check_read_only
    if refused:
        with pytest.raises((WriteRefused, QueryError)):
            check_read_only(query)
    else:
        check_read_only(query)


@pytest.mark.parametrize("query, params", [
    ("RETURN range(1, $n)", {"n": 10**9}),
    ("RETURN size(range($a, $b))", {"a": -10**9, "b": 0}),
    ("RETURN repeat('x', $k * 1000)", {"k": 10**6}),
])
def test_sizes_given_by_parameters_are_capped_on_both_engines(fixture_store, query, params):
    from parkgraph.errors import QueryError
    with pytest.raises(QueryError) as e:
        fixture_store.read(query, params, console=True)
    assert "refused" in e.value.message
