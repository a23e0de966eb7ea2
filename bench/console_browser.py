"""A 1,000-row console answer as a reader sees it: from pressing Ctrl+Enter to the first rows of the
table on screen, and to the whole answer in (console idle), in headless Chromium against two
`parkgraph serve` servers started here, the embedded engine and Neo4j 5.26, same run, same data
(the bundled data/), runs interleaved.

  python bench/console_browser.py --neo4j-uri bolt://127.0.0.1:7730   # a Neo4j the bench may clear

The server side alone (no browser) is bench/console_rows.py. Target (issue #16): embedded ≤ 2× Neo4j.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("PARKGRAPH_CHROMIUM", "/usr/bin/chromium")
QUERIES = {
    # the row cap stops both: 1,470 rows in the data, 1,000 shown
    "values": "MATCH (a)-[r]-(b) RETURN labels(a)[0] AS from, type(r) AS rel, b.uri",
    "nodes": "MATCH (a)-[r]-(b) RETURN a, r, b",
}
# Resolves with [ms to the first row drawn, ms to the console idle] after the click on Run.
MEASURE = """async () => {
  const root = document.querySelector('[data-testid=console]');
  const table = document.querySelector('[data-testid=result-table]');
  table.replaceChildren();
  const t0 = performance.now();
  let first = null;
  await new Promise((resolve) => {
    const check = () => {
      if (first === null && table.querySelector('[data-testid=result-row]')) first = performance.now() - t0;
      if (first !== null && root.dataset.state === 'idle') resolve();
      else requestAnimationFrame(check);
    };
    document.querySelector('[data-testid=run]').click();
    requestAnimationFrame(check);
  });
  return [first, performance.now() - t0];
}"""


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(backend: str, work: Path, env: dict) -> tuple[subprocess.Popen, str]:
    cli = [sys.executable, "-m", "parkgraph"]
    common = ["--backend", backend, "--db", str(work / f"{backend}.lbdb")]
    extra: list[str] = []
    if backend == "neo4j":
        subprocess.run([*cli, "load", *common, "--no-progress", "--replace", str(ROOT / "data")], env=env,
                       check=True, capture_output=True, timeout=900)
        extra = ["--no-bundled"]
    port = _port()
    log = open(work / f"{backend}.log", "w", encoding="utf-8")  # noqa: SIM115 — closed with the process
    proc = subprocess.Popen([*cli, "serve", *common, "--port", str(port), *extra], env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/api/info", timeout=2).read()
            return proc, base
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"{backend} server exited: {(work / f'{backend}.log').read_text()[-2000:]}")
            time.sleep(0.5)
    raise SystemExit(f"{backend} server did not start")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--neo4j-uri", required=True, help="a Neo4j 5.26 the bench may clear and load")
    ap.add_argument("--runs", type=int, default=9)
    a = ap.parse_args()
    from playwright.sync_api import sync_playwright
    work = Path(tempfile.mkdtemp(prefix="parkgraph-console-browser-"))
    env = {**os.environ, "NEO4J_URI": a.neo4j_uri, "PYTHONUNBUFFERED": "1"}
    servers = {b: _serve(b, work, {**env, "PARKGRAPH_BACKEND": b}) for b in ("ladybug", "neo4j")}
    worst = 0.0
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
            pages = {}
            for b, (_, base) in servers.items():
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(base + "/console")
                page.wait_for_selector('[data-testid="console"][data-ready="true"]')
                page.click('[data-testid="tab-table"]')  # the table view, whatever the answer holds
                pages[b] = page
            print(f"console_browser: {a.runs} runs per engine and query, interleaved; bundled data/; Chromium headless")
            print(f"{'query':<7} {'engine':<8} {'first rows ms':>14} {'all rows ms':>12} {'rows drawn':>11}")
            for name, q in QUERIES.items():
                first: dict[str, list[float]] = {b: [] for b in pages}
                total: dict[str, list[float]] = {b: [] for b in pages}
                drawn = {}
                for b, page in pages.items():
                    page.evaluate("(q) => window.parkgraphConsole.view.dispatch({changes: {from: 0, to: "
                                  "window.parkgraphConsole.view.state.doc.length, insert: q}})", q)
                    page.evaluate(MEASURE)  # warm
                for _ in range(a.runs):
                    for b, page in pages.items():
                        f, t = page.evaluate(MEASURE)
                        first[b].append(f)
                        total[b].append(t)
                        drawn[b] = page.locator('[data-testid="result-row"]').count()
                        rows = page.evaluate("window.parkgraphConsole.result().rows.length")
                        assert rows == 1000, f"{b}: {rows} rows"
                for b in pages:
                    print(f"{name:<7} {b:<8} {statistics.median(first[b]):>14.0f} {statistics.median(total[b]):>12.0f} "
                          f"{drawn[b]:>11}")
                ratio = statistics.median(first["ladybug"]) / statistics.median(first["neo4j"])
                worst = max(worst, ratio)
                print(f"{name:<7} ratio embedded/Neo4j, first rows (median): {ratio:.2f}x")
            browser.close()
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(timeout=30)
    print(f"target embedded ≤ 2.00x Neo4j: {'met' if worst <= 2 else 'NOT met'} (worst {worst:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
