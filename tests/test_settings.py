"""Every setting is documented in the README (Datasette's habit), settings read the environment, values
are typed by the one table, and a bad value is a clear error naming the variable (never a traceback)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from parkgraph.cli import main
from parkgraph.errors import ConfigError
from parkgraph.settings import SETTINGS, Settings, setting

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PY_DIRS = ("graph", "loaders", "web", "rdf", "parkgraph")


def test_every_setting_is_documented_in_the_readme():
    missing = [s.env for s in SETTINGS if f"`{s.env}`" not in README]
    assert missing == []


def test_every_variable_in_the_readme_tables_is_in_the_settings_table():
    section = README[README.index("## Settings"):README.index("## Safety")]
    documented = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", section, flags=re.M))
    assert documented == {s.env for s in SETTINGS}


def test_no_knob_is_read_from_the_environment_outside_the_table():
    """PARKGRAPH_*/NEO4J_* variables go through parkgraph/settings.py (typed, documented, checked);
    PARKGRAPH_TEST_* are the test harness's hooks (fault injection, the suite's Neo4j), not settings."""
    pattern = re.compile(r"os\.(?:environ(?:\.get)?|getenv)\s*[\[(]\s*[\"']((?:PARKGRAPH_(?!TEST_)|NEO4J_)[A-Z0-9_]+)")
    found = []
    for d in PY_DIRS:
        for f in (ROOT / d).rglob("*.py"):
            if f.name == "settings.py":
                continue
            found += [f"{f.relative_to(ROOT)}: {m}" for m in pattern.findall(f.read_text(encoding="utf-8"))]
    assert found == []


def test_environment_and_overrides():
    s = Settings.from_env({"port": 6000}, environ={"PARKGRAPH_MAX_ROWS": "50", "PARKGRAPH_BACKEND": "neo4j"})
    assert s.max_rows == 50 and s.backend == "neo4j" and s.port == 6000
    assert s.host == "127.0.0.1"
    assert Settings.from_env(environ={}).backend == "ladybug"
    assert s.sources["max_rows"] == "env" and s.sources["port"] == "flag" and s.sources["host"] == "default"


def test_values_are_parsed_once_into_their_type():
    s = Settings.from_env(environ={"PARKGRAPH_QUERY_TIMEOUT": "2.5", "PARKGRAPH_PORT": " 8080 ",
                                   "PARKGRAPH_BULK_ROWS": "100", "PARKGRAPH_REQUEST_BUDGET": "3"})
    assert s.query_timeout == 2.5 and isinstance(s.query_timeout, float)
    assert s.port == 8080 and isinstance(s.port, int)
    assert s.request_budget == 3.0 and isinstance(s.request_budget, float)
    assert s.bulk_rows == 100
    assert setting("load_workers", {"PARKGRAPH_LOAD_WORKERS": "7"}) == 7
    assert setting("load_workers", {}) == 2


@pytest.mark.parametrize("env, value, accepts", [
    ("PARKGRAPH_PORT", "abc", "a whole number from 1 to 65535"),
    ("PARKGRAPH_PORT", "70000", "a whole number from 1 to 65535"),
    ("PARKGRAPH_MAX_ROWS", "0", "a whole number of at least 1"),
    ("PARKGRAPH_MAX_ROWS", "1.5", "a whole number of at least 1"),
    ("PARKGRAPH_QUERY_TIMEOUT", "soon", "a number of at least 0"),
    ("PARKGRAPH_QUERY_TIMEOUT", "nan", "a number of at least 0"),
    ("PARKGRAPH_BACKEND", "postgres", "one of ladybug, neo4j"),
    ("PARKGRAPH_LOAD_WORKERS", "-1", "a whole number of at least 1"),
])
def test_a_bad_value_names_the_variable_and_what_it_accepts(env, value, accepts):
    with pytest.raises(ConfigError) as e:
        Settings.from_env(environ={env: value})
    assert env in e.value.message and accepts in e.value.message and repr(value) in e.value.message


def test_a_bad_flag_value_is_refused_too():
    with pytest.raises(ConfigError, match="port"):
        Settings.from_env({"port": 0}, environ={})


def test_describe_masks_secrets_and_says_where_each_value_came_from():
    s = Settings.from_env({"write_token": "s3cret"}, environ={"NEO4J_PASSWORD": "hunter2"})
    shown = dict((v, (val, src)) for v, val, src in s.describe())
    assert shown["PARKGRAPH_WRITE_TOKEN"] == ("***", "flag")
    assert shown["NEO4J_PASSWORD"] == ("***", "env")


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith(("PARKGRAPH_", "NEO4J_"))}
    full.update(env)
    return subprocess.run([sys.executable, "-m", "parkgraph", *args], capture_output=True, text=True,
                          env=full, timeout=120, cwd=ROOT)


def test_cli_reports_a_bad_value_without_a_traceback(tmp_path):
    r = _cli(["stats", "--db", str(tmp_path / "x.lbdb")], {"PARKGRAPH_MAX_ROWS": "lots"})
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert "PARKGRAPH_MAX_ROWS='lots' is not accepted: it takes a whole number of at least 1" in r.stderr
    assert not (tmp_path / "x.lbdb").exists()  # nothing was opened


def test_cli_settings_prints_the_effective_configuration_with_secrets_masked(capsys, monkeypatch):
    for s in SETTINGS:
        monkeypatch.delenv(s.env, raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2")
    monkeypatch.setenv("PARKGRAPH_WRITE_TOKEN", "tok-123")
    monkeypatch.setenv("PARKGRAPH_MAX_ROWS", "77")
    assert main(["settings", "--backend", "neo4j"]) == 0
    out = capsys.readouterr().out
    assert "hunter2" not in out and "tok-123" not in out
    rows = {cells[0]: cells[1:] for cells in
            ([c.strip() for c in line.strip("│").split("│")] for line in out.splitlines() if line.startswith("│"))}
    assert rows["NEO4J_PASSWORD"] == ["***", "env"]
    assert rows["PARKGRAPH_WRITE_TOKEN"] == ["***", "env"]
    assert rows["PARKGRAPH_MAX_ROWS"] == ["77", "env"]
    assert rows["PARKGRAPH_BACKEND"] == ["neo4j", "flag"]
    assert rows["PARKGRAPH_PORT"] == ["5000", "default"]
    assert set(rows) - {"variable"} == {s.env for s in SETTINGS}
