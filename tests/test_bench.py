"""Every bench script runs from the repository on a small graph, prints its comparison against its
baseline and saves its figures, and bench/report.py renders RESULTS.md from them. Sizes are tiny:
this checks that the scripts work, not how fast anything is (bench/RESULTS.md holds real runs)."""
from __future__ import annotations

import json
import os
import signal
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
                         "explorer p95 ÷ one hand-written query"),
    "network_analysis": (["--enterprises", "300", "--pivots", "20", "--exact-max", "0", *SMALL_NEO4J],
                         "total time ratio ours ÷ raw driver"),
}


def run(args: list[str], cache: Path, timeout: float = 600) -> tuple[int, str]:
    """Run a script in its own process group; on a timeout the whole group (its Neo4j, its `parkgraph
    serve`) is stopped, not only the script."""
    env = {**os.environ, "PARKGRAPH_BENCH_CACHE": str(cache), "PARKGRAPH_DB": str(cache / "unused.lbdb")}
    p = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGINT)  # the scripts stop what they started on KeyboardInterrupt
        try:
            out, _ = p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, _ = p.communicate()
        return -1, out + f"\n(timed out after {timeout:g} s)"
    return p.returncode, out


@pytest.fixture(scope="module")
def bench_runs(tmp_path_factory) -> tuple[Path, dict[str, tuple[int, str]]]:
    """Every script, once, into one results folder (the report test reads them all)."""
    cache = tmp_path_factory.mktemp("bench-cache")
    return cache, {name: run([f"bench/{name}.py", *args], cache) for name, (args, _) in SCRIPTS.items()}


@pytest.mark.parametrize("name", list(SCRIPTS))
def test_bench_script_runs_and_prints_its_comparison(name, bench_runs):
    cache, runs = bench_runs
    rc, out = runs[name]
    assert rc == 0, out[-4000:]
    assert SCRIPTS[name][1].lower() in out.lower(), out[-2000:]
    saved = sorted((cache / "results").glob(f"{name}-*.json"))
    assert saved, "no results saved"
    run_info = json.loads(saved[-1].read_text(encoding="utf-8"))["_run"]
    assert run_info["command"].startswith(f"python bench/{name}.py")
    assert run_info["machine"]["cores"] == os.cpu_count()


def test_report_renders_every_section_and_the_readme_table(bench_runs, tmp_path):
    cache, _ = bench_runs
    out, readme = tmp_path / "RESULTS.md", tmp_path / "README.md"
    out.write_text("old report\n<!-- bench:notes (hand-written, kept by report.py) -->\n\nA run quoted by hand.\n",
                   encoding="utf-8")
    readme.write_text("before\n<!-- bench:headline -->\nold\n<!-- /bench:headline -->\nafter\n", encoding="utf-8")
    rc, log = run(["bench/report.py", "--results", str(cache / "results"), "--out", str(out), "--readme", str(readme),
                   "--check"], cache, timeout=60)
    assert rc == 0, log
    text = out.read_text(encoding="utf-8")
    assert "old report" not in text and text.rstrip().endswith("A run quoted by hand."), text[-500:]
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
