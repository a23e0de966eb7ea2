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
