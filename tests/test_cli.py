"""The `parkgraph` command as a user runs it (a real subprocess)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from parkgraph.fixture import write_fixture
from parkgraph.loaders.mapping import build_plan
from parkgraph.loaders.validate import validate_paths
from parkgraph.ontology import load_model


def expected_nodes(d) -> int:
    """What the fixture should become, computed by the loader's own planner without any database."""
    return build_plan(validate_paths([d]), load_model(), "https://w3id.org/parkgraph/id/").node_count()


def run(*args, env=None, check=False) -> subprocess.CompletedProcess:
    e = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "parkgraph", *args], capture_output=True, text=True, env=e,
                          timeout=300, check=check)


def test_help_explains_every_subcommand():
    out = run("--help").stdout
    for cmd in ("serve", "load", "validate", "query", "export", "neo4j"):
        assert cmd in out
    for cmd in ("serve", "load", "validate", "query", "export", "neo4j"):
        assert run(cmd, "--help").returncode == 0


@pytest.mark.parametrize("backend", ["ladybug", "neo4j"])
def test_load_then_query_prints_a_table(tmp_path, backend, request):
    if backend == "neo4j":
        request.getfixturevalue("neo4j_ready")
    d = tmp_path / "fx"
    write_fixture(d)
    common = ["--backend", backend, "--db", str(tmp_path / "g.lbdb")]
    r = run("load", str(d), "--replace", *common)
    assert r.returncode == 0, r.stderr
    assert "wrote" in r.stdout
    r = run("query", "MATCH (n) RETURN count(n) AS nodes", *common)
    assert r.returncode == 0, r.stderr
    n = expected_nodes(d)
    assert n > 10
    assert "│ nodes │" in r.stdout and f"│ {n:<5} │" in r.stdout
    assert f"{backend})" in r.stdout


def test_unreachable_neo4j_is_one_line_naming_the_uri():
    r = run("query", "MATCH (n) RETURN count(n)", "--backend", "neo4j", "--neo4j-uri", "bolt://127.0.0.1:1")
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "bolt://127.0.0.1:1" in lines[0] and "parkgraph neo4j start" in lines[0]
    assert "Traceback" not in r.stderr


def test_validate_reports_file_line_field(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("enterprises:\n- id: x\n  name_zh: 某\n", encoding="utf-8")
    r = run("validate", str(f))
    assert r.returncode == 1
    assert f"{f}:2: [name_en] missing required field" in r.stdout


def test_write_query_is_refused_with_a_clear_message(tmp_path):
    d = tmp_path / "fx"
    write_fixture(d)
    db = str(tmp_path / "g.lbdb")
    run("load", str(d), "--db", db, check=True)
    r = run("query", "MATCH (n) DETACH DELETE n", "--db", db)
    assert r.returncode == 1 and "read-only" in r.stderr
    r = run("query", "MATCH (n) RETURN count(n) AS c", "--db", db, "--format", "json")
    import json
    assert json.loads(r.stdout)["rows"] == [[expected_nodes(d)]]
