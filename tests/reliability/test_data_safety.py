"""Data safety (issue 19, item 3): `serve` never replaces a graph that holds data; `--replace` deletes
only the ontology's labels and types and is atomic (kill -9 anywhere leaves the old graph or the new
one); a writer is refused while a server has the embedded database open. Both engines, real databases."""
from __future__ import annotations

from pathlib import Path

import pytest

from parkgraph.fixture import write_fixture
from parkgraph.graph import open_store
from parkgraph.loaders import load_paths
from parkgraph.settings import Settings
from parkgraph.web import bootstrap

from ..conftest import BACKENDS, BASE, make_store

USER_DATA = """\
sources:
- id: user-src
  title: 用户自己的来源
  url: https://example.org/user-article
  published: '2024-01-01'
  kind: article
enterprises:
- id: user-firm
  name_zh: 用户自己的企业有限公司
  name_en: The user's own firm
  cite: [{source: user-src, quote: 用户自己的企业有限公司入驻园区。}]
"""


def settings_for(backend: str, tmp_path: Path) -> Settings:
    over = {"backend": backend, "neo4j_home": str(tmp_path / "neo4j-home" / "neo4j")}
    if backend == "ladybug":
        over["db_path"] = str(tmp_path / "graph.lbdb")
    return Settings.from_env(over)


@pytest.fixture(params=BACKENDS)
def empty_graph(request, tmp_path):
    """Settings for an empty graph of each backend (Neo4j: the test server, its ontology labels cleared)."""
    if request.param == "neo4j":
        make_store("neo4j", tmp_path, request).close()
    return settings_for(request.param, tmp_path)


def test_serve_keeps_a_user_loaded_entity_when_the_bundle_changes(empty_graph, tmp_path, monkeypatch, capsys):
    s = empty_graph
    bundle = tmp_path / "bundle"
    write_fixture(bundle)
    monkeypatch.setattr(bootstrap, "DATA_DIR", bundle)

    # first start: an empty graph gets the bundle
    bootstrap.prepare_store(s).close()
    with open_store(s) as store:
        assert store.node(BASE + "subpark/tongzhou") is not None
        # the user loads their own data into the served graph
        user = tmp_path / "user.yaml"
        user.write_text(USER_DATA, encoding="utf-8")
        load_paths([user], store, BASE, progress=False)
        before = store.content_hash()
    capsys.readouterr()

    # the bundle changes (a new release): serve starts again
    fx = bundle / "fixture.yaml"
    fx.write_text(fx.read_text(encoding="utf-8").replace("通州园", "通州新园"), encoding="utf-8")
    served = bootstrap.prepare_store(s)
    try:
        assert served.node(BASE + "enterprise/user-firm") is not None, "serve deleted the user's entity"
        assert served.node(BASE + "subpark/tongzhou")["properties"]["name_zh"] == "通州园", "serve reloaded the bundle"
        assert served.content_hash() == before, "serve changed a graph that holds data"
    finally:
        served.close()
    err = capsys.readouterr().err
    assert "a newer bundled dataset" in err, err
    assert bootstrap.load_command(s) in err and str(bundle) in err, err

    # the command it prints loads the bundle, merging: the user's entity stays, the renamed one is new
    from parkgraph import cli
    assert cli.main(bootstrap.load_command(s).split()[1:]) == 0
    with open_store(s, read_only=True) as store:
        assert store.node(BASE + "enterprise/user-firm") is not None
        assert store.node(BASE + "subpark/tongzhou")["properties"]["name_zh"] == "通州新园"


def test_serve_loads_the_bundle_into_an_empty_graph_only_once(empty_graph, tmp_path, monkeypatch, capsys):
    s = empty_graph
    bundle = tmp_path / "bundle"
    write_fixture(bundle)
    monkeypatch.setattr(bootstrap, "DATA_DIR", bundle)
    bootstrap.prepare_store(s).close()
    assert "loading the bundled dataset" in capsys.readouterr().err
    with bootstrap.prepare_store(s) as store:
        assert store.counts()["nodes"]["SubPark"] == 2
    err = capsys.readouterr().err
    assert "loading the bundled dataset" not in err and "newer bundled" not in err, err


# ---------------------------------------------------------------------------------------------- Neo4j: only the ontology
FOREIGN = "CREATE (a:OtherApp {key: $k, name: 'keep me'})-[:OTHER_LINK]->(b:OtherApp:Person {key: $k + '-2'})"


def foreign_count(store, key: str) -> tuple[int, int]:
    rec = store.read("MATCH (a:OtherApp) WHERE a.key STARTS WITH $k OPTIONAL MATCH (a)-[r:OTHER_LINK]->() "
                     "RETURN count(DISTINCT a), count(r)", {"k": key}).rows[0]
    return int(rec[0]), int(rec[1])


def test_neo4j_replace_and_clear_leave_other_applications_nodes(tmp_path, neo4j_ready, request, fixture_dir):
    import secrets
    store = make_store("neo4j", tmp_path, request)
    key = "pg-test-" + secrets.token_hex(4)
    try:
        store.write(FOREIGN, {"k": key})
        load_paths([fixture_dir], store, BASE, progress=False)
        assert foreign_count(store, key) == (2, 1)

        res = run_cli("neo4j", tmp_path, "load", str(fixture_dir), "--replace")
        assert res.returncode == 0, res.stderr
        assert foreign_count(store, key) == (2, 1), "load --replace deleted another application's nodes"
        assert store.counts()["nodes"]["SubPark"] == 2

        store.clear()
        assert foreign_count(store, key) == (2, 1), "clear() deleted another application's nodes"
        assert sum(store.counts()["nodes"].values()) == 0
    finally:
        store.write("MATCH (a:OtherApp) WHERE a.key STARTS WITH $k DETACH DELETE a", {"k": key})
        store.close()


# ---------------------------------------------------------------------------------------------- atomic --replace
ROOT = Path(__file__).resolve().parents[2]


def cli_env(backend: str, tmp_path: Path, **extra: str) -> dict:
    import os
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARKGRAPH_TEST_KILL")}
    env.update({"PARKGRAPH_BACKEND": backend, "PARKGRAPH_DB": str(tmp_path / "graph.lbdb"),
                # small batches: many commits, so that kills land between them
                "PARKGRAPH_BULK_ROWS": "40", "PARKGRAPH_BATCH_SIZE": "40",
                # Neo4j's loader deals rows to its workers by hash(): the same batches on every run
                "PYTHONHASHSEED": "0", **extra})
    return env


def run_cli(backend: str, tmp_path: Path, *args: str, **env):
    import subprocess
    import sys
    return subprocess.run([sys.executable, "-m", "parkgraph", *args, "--no-progress", "--backend", backend],
                          cwd=ROOT, env=cli_env(backend, tmp_path, **env), capture_output=True, text=True, timeout=600)


def open_graph(backend: str, tmp_path: Path, request, read_only: bool = False):
    if backend == "neo4j":
        request.getfixturevalue("neo4j_ready")
        from ..conftest import neo4j_settings
        return open_store(neo4j_settings())
    return open_store(Settings.from_env({"backend": "ladybug", "db_path": str(tmp_path / "graph.lbdb")}),
                      read_only=read_only)


# the commit from which the new graph is the one that counts (Neo4j: the journal; the batches after
# it are rolled forward by whichever process opens the graph next, see graph/neo4j_replace.py)
SWITCHED = {"ladybug": "ladybug replace: swapped", "neo4j": "neo4j replace: journal committed"}


@pytest.mark.parametrize("backend", BACKENDS)
def test_kill_9_anywhere_in_load_replace_leaves_the_old_graph_or_the_new_one(backend, tmp_path, request, fixture_dir):
    from .gen import write_dataset
    new_data = write_dataset(tmp_path / "new", 120, parks=3)
    make_store(backend, tmp_path, request).close()

    def reset_to_old() -> str:
        with open_graph(backend, tmp_path, request) as store:
            load_paths([fixture_dir], store, BASE, replace=True, progress=False)
            return store.content_hash()
    old_hash = reset_to_old()

    # one full run lists the kill points and gives the new graph
    log = tmp_path / "checkpoints.log"
    res = run_cli(backend, tmp_path, "load", str(new_data), "--replace", PARKGRAPH_TEST_CHECKPOINT_LOG=str(log))
    assert res.returncode == 0, res.stderr
    with open_graph(backend, tmp_path, request, read_only=True) as store:
        new_hash = store.content_hash()
        assert store.counts()["nodes"]["Enterprise"] == 120
    assert new_hash != old_hash
    names = [line.split("\t", 1)[1] for line in log.read_text().splitlines()]
    switch = names.index(SWITCHED[backend]) + 1  # points from here on come after the switch

    # every point of the replace itself (around the switch above all), then batches spread over the load
    own = [i + 1 for i, n in enumerate(names) if "replace:" in n]
    rest = [i + 1 for i, n in enumerate(names) if "replace:" not in n]
    points = sorted(set(own) | set(rest[:: max(1, len(rest) // max(1, 10 - len(own)))][: max(0, 10 - len(own))]))
    # Neo4j: the switch's own batches (old graph deleted, staged nodes promoted), first, middle, last
    batches = [i + 1 for i, n in enumerate(names) if "switch:" in n]
    points = sorted(set(points) | set(batches[:1] + batches[len(batches) // 2:len(batches) // 2 + 1] + batches[-1:]))
    assert len(points) >= 10, names

    outcomes = []
    for k in points:
        reset_to_old()
        res = run_cli(backend, tmp_path, "load", str(new_data), "--replace", PARKGRAPH_TEST_KILL_AT=str(k))
        assert res.returncode == 137, (k, names[k - 1], res.returncode, res.stderr[-2000:])
        with open_graph(backend, tmp_path, request, read_only=True) as store:
            got = store.content_hash()
        want = new_hash if k >= switch else old_hash
        assert got in (old_hash, new_hash), f"killed at {k} ({names[k - 1]}): a mix of the old and new graphs"
        assert got == want, f"killed at {k} ({names[k - 1]}): expected the {'new' if want == new_hash else 'old'} graph"
        outcomes.append("new" if got == new_hash else "old")
    print(f"\n{backend}: {len(names)} points; killed at", [(k, names[k - 1], o) for k, o in zip(points, outcomes)])
    assert "old" in outcomes and "new" in outcomes, outcomes

    # the next load cleans what the interrupted ones left (staging nodes, a half-built database)
    reset_to_old()
    if backend == "neo4j":
        with open_graph(backend, tmp_path, request) as store:
            left = store.read("MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'PgStage_') RETURN count(n)").value(0)
            assert left == 0
    else:
        assert not list(tmp_path.glob("graph.lbdb.replace-*"))


# ---------------------------------------------------------------------------------------------- a writer vs a server
def test_a_writer_is_refused_while_serve_has_the_embedded_database_open(tmp_path, fixture_dir):
    import json
    import subprocess
    import sys
    import time
    import urllib.request

    from parkgraph.graph.lock import DatabaseInUse

    from .conftest import free_port
    db = tmp_path / "graph.lbdb"
    s = Settings.from_env({"backend": "ladybug", "db_path": str(db)})
    with open_store(s) as store:
        store.create_schema()
        load_paths([fixture_dir], store, BASE, progress=False)
        before = store.content_hash()
    port = free_port()
    serve = subprocess.Popen([sys.executable, "-m", "parkgraph", "serve", "--backend", "ladybug", "--db", str(db),
                              "--port", str(port), "--no-bundled"], cwd=ROOT, env=cli_env("ladybug", tmp_path),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/info", timeout=2) as r:
                    info = json.load(r)
                break
            except OSError:
                assert serve.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.3)

        more = tmp_path / "more.yaml"
        more.write_text(USER_DATA, encoding="utf-8")
        for cmd in (["load", str(more)], ["load", str(fixture_dir), "--replace"]):
            res = run_cli("ladybug", tmp_path, *cmd, "--db", str(db))
            assert res.returncode == 1, (cmd, res.stdout, res.stderr)
            assert f"is open in process {serve.pid}" in res.stderr and "parkgraph serve" in res.stderr, res.stderr
            assert f"kill {serve.pid}" in res.stderr and "Traceback" not in res.stderr, res.stderr
        # in-process writers (ingest --apply opens the store the same way) get the same error
        with pytest.raises(DatabaseInUse, match=f"process {serve.pid}"):
            open_store(s)
        # the server still answers from an intact database
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/info", timeout=5) as r:
            assert json.load(r) == info
    finally:
        serve.terminate()
        serve.wait(30)
    with open_store(s) as store:
        assert store.content_hash() == before
    # once the server has stopped, the load goes through
    res = run_cli("ladybug", tmp_path, "load", str(more), "--db", str(db))
    assert res.returncode == 0, res.stderr
    with open_store(s, read_only=True) as store:
        assert store.node(BASE + "enterprise/user-firm") is not None
