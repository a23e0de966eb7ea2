"""A console query that returns 1,000 rows: the embedded engine (translated, through the console's
read path) against Neo4j 5.26 (as typed, same read path), same run, same data (the bundled data/).

  python bench/console_rows.py --neo4j-uri bolt://127.0.0.1:7770   # a Neo4j the bench may clear

Prints the median and p90 of each and their ratio (target: embedded ≤ 2× Neo4j).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = {
    # nodes and relationships, what a console user draws as a graph; 1,470 rows, stopped by the
    # console's 1,000-row cap
    "graph": "MATCH (a)-[r]-(b) RETURN a, r, b",
    # plain values, with rewrites (labels, type) on the embedded engine
    "values": "MATCH (a)-[r]-(b) RETURN labels(a)[0] AS from, type(r) AS rel, b.uri",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--neo4j-uri", required=True, help="a Neo4j 5.26 the bench may clear and load")
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    from parkgraph.graph import open_store
    from parkgraph.loaders import load_paths
    from parkgraph.settings import Settings
    base = "https://w3id.org/parkgraph/id/"
    tmp = Path(tempfile.mkdtemp(prefix="parkgraph-console-bench-"))
    lb = open_store(Settings.from_env({"backend": "ladybug", "db_path": str(tmp / "g.lbdb")}))
    lb.create_schema()
    load_paths([ROOT / "data"], lb, base, progress=False)
    n4 = open_store(Settings.from_env({"backend": "neo4j", "neo4j_uri": a.neo4j_uri, "neo4j_database": "neo4j"}))
    n4.create_schema()
    n4.clear()
    load_paths([ROOT / "data"], n4, base, progress=False)
    print(f"console_rows: {a.runs} runs per engine and query, interleaved; bundled data/")
    print(f"{'query':<8} {'engine':<8} {'rows':>5} {'median ms':>10} {'p90 ms':>8}")
    worst = 0.0
    for name, q in QUERIES.items():
        times = {"ladybug": [], "neo4j": []}
        rows = {}
        for _ in range(2):  # warm both
            lb.console_read(q)
            n4.console_read(q)
        for _ in range(a.runs):
            for eng, s in (("ladybug", lb), ("neo4j", n4)):
                t0 = time.perf_counter()
                res = s.console_read(q)
                times[eng].append((time.perf_counter() - t0) * 1000)
                rows[eng] = len(res.rows)
        med = {e: statistics.median(v) for e, v in times.items()}
        for e, v in times.items():
            p90 = sorted(v)[int(len(v) * 0.9) - 1]
            print(f"{name:<8} {e:<8} {rows[e]:>5} {med[e]:>10.1f} {p90:>8.1f}")
        ratio = med["ladybug"] / med["neo4j"]
        worst = max(worst, ratio)
        print(f"{name:<8} ratio embedded/Neo4j (median): {ratio:.2f}x")
    print(f"target embedded ≤ 2.00x Neo4j: {'met' if worst <= 2 else 'NOT met'} (worst {worst:.2f}x)")
    lb.close()
    n4.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
