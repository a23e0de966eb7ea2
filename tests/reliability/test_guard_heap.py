"""The Neo4j console's refusal of values built inside one expression (graph/guard_heap.py): a row per
shape, what ordinary Neo4j queries keep running, and the refusal over HTTP on a real Neo4j 5.26."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml

from parkgraph.errors import QueryError
from parkgraph.graph import guard
from parkgraph.graph.examples import EXAMPLES

from .conftest import LiveServer, app_for

HERE = Path(__file__).resolve().parent

# (query, params, the words the refusal must contain — None: it must run)
ROWS = [
    ("RETURN size([x IN range(1, toInteger('50000000')) | toString(x)])", None, "integer literals"),
    ("WITH range(1, toInteger('20000000')) AS l RETURN size(l + l + l + l)", None, "integer literals"),
    ("RETURN size(range(1, 1000 * 1000 * 1000))", None, "integer literals"),
    ("RETURN range(0, 2147483647)", None, "2,147,483,648 elements"),
    ("RETURN `range`(1, 5000000)", None, "5,000,000 elements"),
    ("RETURN range(1, $n)", {"n": 10**9}, "1,000,000,000 elements"),
    ("RETURN range(1, $n)", {"n": "10"}, "integer literals"),
    ("RETURN size([i IN range(1, 5000) | [j IN range(1, 5000) | toString(j)]])", None, "25,000,000 elements"),
    ("UNWIND range(1, 200) AS i RETURN i, [x IN range(1, 100000) | x * i]", None, "20,000,000 elements"),
    ("RETURN size(reduce(s = 'x', i IN range(1, 31) | s + s))", None, "2 times"),
    ("RETURN size(reduce(l = [1], i IN range(1, 30) | l + l))", None, "2 times"),
    ("RETURN size(reduce(s = '', j IN range(1, 3000000) | s + 'x'))", None, "3,000,000 elements"),
    ("RETURN size(reduce(s = '', j IN range(1, 100000) | s + 'x'))", None, "string or list"),
    ("WITH 'aaaaaaaaaa' AS a WITH replace(a, 'a', a) AS a RETURN size(a)", None, "string literal or a string parameter"),
    ("MATCH (s:Source) RETURN replace(s.title, ' ', s.title)", None, "string literal or a string parameter"),
    ("RETURN replace(replace(replace('a', '', '0123456789'), '', '0123456789'), '', '0123456789')", None,
     "1,331 times"),
    ("RETURN replace('abc', 'b', $r)", {"r": "x" * 5000}, "5,000 times"),
    # what keeps running
    ("RETURN range(1, 10) AS r", None, None),
    ("RETURN range(10, 1, -1) AS r", None, None),
    ("RETURN range(1, $n) AS r", {"n": 100}, None),
    ("WITH [3, 1, 2] AS l RETURN [i IN range(0, size(l) - 1) | l[i] * i] AS r", None, None),
    ("MATCH p = (:Park)--() RETURN [i IN range(0, length(p)) | i] AS r LIMIT 1", None, None),
    ("UNWIND range(1, 1000) AS i UNWIND range(1, 1000) AS j RETURN count(*) AS n", None, None),
    ("MATCH (e:Enterprise) RETURN reduce(total = 0, x IN collect(size(e.name_zh)) | total + x) AS n", None, None),
    ("RETURN reduce(s = '', x IN ['a', 'b', 'c'] | s + x) AS s", None, None),
    ("RETURN reduce(s = '', i IN range(1, 100) | s + toString(i)) AS s", None, None),
    ("MATCH (n) WHERE n.range = 1 RETURN n.range LIMIT 1", None, None),
    ("MATCH (e:Enterprise) RETURN replace(e.name_zh, '有限公司', '') AS short", None, None),
    ("RETURN replace(replace('a-b c', '-', '_'), ' ', '\\'') AS s", None, None),
    ("MATCH (e:Enterprise) RETURN replace(e.name_zh, $a, $b) AS s", {"a": "公司", "b": "集团"}, None),
]


@pytest.mark.parametrize("query, params, refused", ROWS, ids=[f"{i:02d}" for i in range(len(ROWS))])
def test_row(query, params, refused):
    if refused is None:
        guard.check_heap(query, params)
        return
    with pytest.raises(QueryError) as e:
        guard.check_heap(query, params)
    assert refused in e.value.message, e.value.message
    assert e.value.position is not None and "UNWIND" in e.value.hint


def test_ordinary_neo4j_queries_are_not_refused():
    """The dialect corpus (106 queries as Neo4j users write them) and every example of the console."""
    corpus = yaml.safe_load((HERE.parent / "dialect" / "corpus.yaml").read_text(encoding="utf-8"))
    items = corpus if isinstance(corpus, list) else corpus["queries"]
    queries = [q["q"] if isinstance(q, dict) else q for q in items] + [e.neo4j for e in EXAMPLES]
    assert len(queries) >= 100
    for q in queries:
        guard.check_heap(q)


def test_neo4j_answers_400_at_once_and_runs_what_is_allowed(neo4j_ready):
    store = neo4j_ready
    with LiveServer(app_for(store)) as srv:
        t0 = time.monotonic()
        status, _, body = srv.request("POST", "/api/query", json.dumps(
            {"query": "RETURN size([i IN range(1, 5000) | [j IN range(1, 5000) | toString(j)]]) AS n"}).encode(),
            {"Content-Type": "application/json"})
        assert status == 400 and time.monotonic() - t0 < 1.0
        assert "refuses this query on Neo4j" in json.loads(body)["message"]
        status, _, body = srv.request("POST", "/api/query", json.dumps(
            {"query": "WITH [3, 1, 2] AS l RETURN [i IN range(0, size(l) - 1) | l[i] * i] AS r"}).encode(),
            {"Content-Type": "application/json"})
        assert status == 200 and json.loads(body)["rows"] == [[[0, 1, 4]]]
