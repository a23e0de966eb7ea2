"""Every bench script runs from the repository on a small graph, prints its comparison against its
baseline and saves its figures, and bench/report.py renders RESULTS.md from them. Sizes are tiny:
this checks that the scripts work, not how fast anything is (bench/RESULTS.md holds real runs)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SMALL_NEO4J = ["--heap", "512m", "--pagecache", "128m"]

# (script and arguments, text its summary must print)
SCRIPTS = {
    "export_ntriples": (["--enterprises", "300"], "throughput ratio ours ÷ rdflib"),
    "ladybug_embedded": (["--enterprises", "300", "--repeat", "1", "--baseline-seconds", "2"], "p95 ratio"),
    "sparql_latency": (["--starts", "1", "--repeat", "2"], "parkgraph serve ready on the loaded database"),
    "load_test": (["--clients", "2", "--seconds", "3"], "requests/s"),
    "load_neo4j": (["--enterprises", "300", *SMALL_NEO4J], "ratio loader ÷ LOAD CSV"),
    "explorer_latency": (["--enterprises", "300", "--repeat", "1", "--sample", "2", *SMALL_NEO4J],
                         "explorer p95 overhead"),
}


@pytest.fixture(scope="module")
def bench_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bench-cache")


def run(args: list[str], cache: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARKGRAPH_BENCH_CACHE": str(cache), "PARKGRAPH_DB": str(cache / "unused.lbdb")}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_bench_script_runs_and_prints_its_comparison(name, bench_cache):
    args, summary = SCRIPTS[name]
    p = run([f"bench/{name}.py", *args], bench_cache)
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-3000:]
    assert summary.lower() in (p.stdout + p.stderr).lower(), p.stdout[-2000:]
    saved = sorted((bench_cache / "results").glob(f"{name}-*.json"))
    assert saved, "no results saved"
    run_info = json.loads(saved[-1].read_text(encoding="utf-8"))["_run"]
    assert run_info["command"].startswith(f"python bench/{name}.py")
    assert run_info["machine"]["cores"] == os.cpu_count()


def test_report_renders_every_section_and_the_readme_table(bench_cache, tmp_path):
    out, readme = tmp_path / "RESULTS.md", tmp_path / "README.md"
    readme.write_text("before\n<!-- bench:headline -->\nold\n<!-- /bench:headline -->\nafter\n", encoding="utf-8")
    p = run(["bench/report.py", "--results", str(bench_cache / "results"), "--out", str(out), "--readme", str(readme),
             "--check"], bench_cache, timeout=60)
    assert p.returncode == 0, p.stderr
    text = out.read_text(encoding="utf-8")
    for name in SCRIPTS:
        assert f"## {name}" in text
    assert "| target | measured | verdict | command |" in text
    # every target that is not met says why
    for line in text.splitlines():
        if line.startswith("Not met:"):
            assert "— why: " in line and "TODO" not in line, line
    r = readme.read_text(encoding="utf-8")
    assert r.startswith("before\n") and r.endswith("after\n") and "old" not in r
    assert "loader throughput" in r
