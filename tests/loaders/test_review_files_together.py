"""Several review files loaded in one command (issue #12, workflow): the same entity named in two of
them becomes ONE node (no "duplicate id" error, no two 通州园 nodes); two definitions that differ are
an error naming both places; a Source id the graph holds for another article is an error naming
both articles, never an overwrite — in `validate` and in `load`. Real LadybugDB, no mocks.
Each test fails on main of 2026-12-01 (duplicate id error / silent overwrite)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from parkgraph.errors import ValidationFailed
from parkgraph.graph import open_store
from parkgraph.loaders import load_paths
from parkgraph.settings import Settings

BASE = "https://w3id.org/parkgraph/id/"


def _settings(db: Path) -> Settings:
    return Settings.from_env({"backend": "ladybug", "db_path": str(db)})


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "parkgraph", *args], capture_output=True, text=True, timeout=180)


def _review(tmp: Path, name: str, sid: str, url: str, title: str, quote: str, *, tz_name: str = "通州园",
            extra: str = "") -> Path:
    """A review file as `parkgraph ingest` writes it: its Source, the park and 通州园 (new entities
    with pinyin ids, so two articles give the same ids), and a relation."""
    p = tmp / name
    p.write_text(f"""sources:
- id: {sid}
  title: {title}
  url: {url}
  published: '2024-05-01'
parks:
- id: beijing
  name_zh: 国家网络安全产业园区（北京）
  name_en: National Cybersecurity Industrial Park (Beijing)
  level: national
  cite:
  - source: {sid}
    quote: {quote}
subparks:
- id: tongzhou
  name_zh: {tz_name}
  name_en: Tongzhou Sub-park
  cite:
  - source: {sid}
    quote: {quote}
relations:
- from: subpark/tongzhou
  type: PART_OF
  to: park/beijing
  cite:
  - source: {sid}
    quote: {quote}
{extra}""", encoding="utf-8")
    return p


@pytest.fixture()
def two(tmp_path):
    a = _review(tmp_path, "a.review.yaml", "jb-2024-05-01-tzjs", "https://a.example/1", "通州园建设加快",
                "国家网络安全产业园区（北京）包括通州园。")
    b = _review(tmp_path, "b.review.yaml", "yb-2024-06-01-tzlt", "https://b.example/2", "通州园举办论坛",
                "通州园是国家网络安全产业园区（北京）的分园。")
    return a, b


def _rows(db: Path, q: str) -> list:
    with open_store(_settings(db), read_only=True) as store:
        return [tuple(r) for r in store.read(q).rows]


def test_two_review_files_load_together_as_one_node(two, tmp_path):
    db = tmp_path / "g.lbdb"
    ok = _cli("validate", *map(str, two), "--no-graph")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    with open_store(_settings(db)) as store:
        load_paths(list(two), store, BASE, progress=False)
    assert _rows(db, "MATCH (n:SubPark) RETURN n.uri, n.name_zh") == [(BASE + "subpark/tongzhou", "通州园")]
    assert _rows(db, "MATCH (n:Park) RETURN count(n)") == [(1,)]
    # each article's quote stays attached to the one node
    assert _rows(db, "MATCH (n:SubPark)-[:DERIVED_FROM]->(q:Quote)-[:QUOTED_FROM]->(s:Source) "
                     "RETURN s.url ORDER BY s.url") == [("https://a.example/1",), ("https://b.example/2",)]
    assert _rows(db, "MATCH (:SubPark)-[r:PART_OF]->(:Park) RETURN count(r)") == [(1,)]


def test_same_id_defined_differently_is_an_error_naming_both(tmp_path):
    a = _review(tmp_path, "a.review.yaml", "jb-2024-05-01-tzjs", "https://a.example/1", "通州园建设加快",
                "国家网络安全产业园区（北京）包括通州园。")
    b = _review(tmp_path, "b.review.yaml", "yb-2024-06-01-tzlt", "https://b.example/2", "通州园举办论坛",
                "通州园是国家网络安全产业园区（北京）的分园。", tz_name="通州园区")
    r = _cli("validate", str(a), str(b), "--no-graph")
    assert r.returncode == 1
    assert "b.review.yaml" in r.stdout and "a.review.yaml" in r.stdout and "通州园区" in r.stdout
    with open_store(_settings(tmp_path / "g.lbdb")) as store, pytest.raises(ValidationFailed):
        load_paths([a, b], store, BASE, progress=False)


def test_a_source_id_given_to_two_articles_in_two_files_is_an_error_naming_both(tmp_path):
    a = _review(tmp_path, "a.review.yaml", "rb-2019-12-31", "https://a.example/1", "园区企业超过四十家",
                "国家网络安全产业园区（北京）包括通州园。")
    b = _review(tmp_path, "b.review.yaml", "rb-2019-12-31", "https://b.example/2", "园区举办论坛",
                "通州园是国家网络安全产业园区（北京）的分园。")
    r = _cli("validate", str(a), str(b), "--no-graph")
    assert r.returncode == 1
    for s in ("https://a.example/1", "https://b.example/2", "园区企业超过四十家", "园区举办论坛"):
        assert s in r.stdout, r.stdout


def test_loading_a_source_id_the_graph_holds_for_another_article_is_an_error_not_an_overwrite(two, tmp_path):
    db = tmp_path / "g.lbdb"
    with open_store(_settings(db)) as store:
        load_paths([two[0]], store, BASE, progress=False)
    clash = _review(tmp_path, "c.review.yaml", "jb-2024-05-01-tzjs", "https://c.example/3", "另一篇文章",
                    "通州园是国家网络安全产业园区（北京）的分园。")
    with open_store(_settings(db)) as store:
        with pytest.raises(ValidationFailed) as e:
            load_paths([clash], store, BASE, progress=False)
    msg = str([(p.message, p.hint) for p in e.value.problems])
    assert "https://a.example/1" in msg and "https://c.example/3" in msg and "另一篇文章" in msg
    # validate asks the graph the same way
    v = _cli("validate", str(clash), "--backend", "ladybug", "--db", str(db))
    assert v.returncode == 1 and "https://a.example/1" in v.stdout, v.stdout + v.stderr
    assert _rows(db, "MATCH (s:Source) RETURN s.url, s.title") == [("https://a.example/1", "通州园建设加快")]
    # the same article again (same URL, a corrected title) loads: that is not a clash
    again = _review(tmp_path, "d.review.yaml", "jb-2024-05-01-tzjs", "https://a.example/1", "通州园建设加快推进",
                    "国家网络安全产业园区（北京）包括通州园。")
    with open_store(_settings(db)) as store:
        load_paths([again], store, BASE, progress=False)
    assert _rows(db, "MATCH (s:Source) RETURN count(s)") == [(1,)]


def test_on_each_backend_two_files_make_one_node_and_a_clash_writes_nothing(store, two, tmp_path):
    """The loader path asks each backend's `GraphStore.node` for the Source (its result differs in shape
    between engines): on LadybugDB and on Neo4j, the merged files give one 通州园 and a clashing Source
    is refused with nothing written."""
    load_paths(list(two), store, BASE, progress=False)
    assert [tuple(r) for r in store.read("MATCH (n:SubPark) RETURN n.uri").rows] == [(BASE + "subpark/tongzhou",)]
    clash = _review(tmp_path, "c.review.yaml", "jb-2024-05-01-tzjs", "https://c.example/3", "另一篇文章",
                    "通州园是国家网络安全产业园区（北京）的分园。")
    with pytest.raises(ValidationFailed) as e:
        load_paths([clash], store, BASE, progress=False)
    assert "https://a.example/1" in str([p.hint for p in e.value.problems])
    rows = store.read("MATCH (s:Source) RETURN s.url ORDER BY s.url").rows
    assert [tuple(r) for r in rows] == [("https://a.example/1",), ("https://b.example/2",)]
