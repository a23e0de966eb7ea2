"""The request budget on the heaviest explorer request: /api/neighbourhood?depth=3&limit=500 from the
busiest park of a synthetic graph, with no budget (the baseline: what it cost before) and with the
default PARKGRAPH_REQUEST_BUDGET, in the same run on the same database.

    python bench/neighbourhood_budget.py --enterprises 20000 [--budget 15] [--work /tmp/pg-nb]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--enterprises", type=int, default=20000)
    ap.add_argument("--budget", type=float, default=15.0)
    ap.add_argument("--work", default="/tmp/pg-neighbourhood-bench")
    a = ap.parse_args()
    from parkgraph.graph.ladybug_store import LadybugStore
    from parkgraph.loaders import load_paths
    from parkgraph.loaders.synthetic import generate
    from parkgraph.settings import Settings
    from parkgraph.web import create_app
    work = Path(a.work)
    data, db = work / f"data-{a.enterprises}", work / f"graph-{a.enterprises}.lbdb"
    if not db.exists():
        generate(data, enterprises=a.enterprises, seed=1, fmt="csv")
        s = LadybugStore(db)
        s.create_schema()
        t = time.perf_counter()
        load_paths([data], s, Settings.from_env().base_iri, progress=False)
        print(f"loaded {a.enterprises} enterprises in {time.perf_counter() - t:.0f} s")
        s.close()
    store = LadybugStore(db, read_only=True)
    hub = store.read("MATCH (p:Park)<-[r]-() RETURN p.uri AS u, count(r) AS c ORDER BY c DESC LIMIT 1").rows[0][0]
    q = {"uri": hub, "depth": 3, "limit": 500}
    for label, budget in (("no budget (before)", 1e9), (f"budget {a.budget:g} s", a.budget)):
        s = Settings.from_env({"backend": "ladybug", "db_path": str(db), "request_budget": budget})
        client = create_app({"SETTINGS": s, "STORE": store}).test_client()
        t = time.perf_counter()
        r = client.get("/api/neighbourhood", query_string=q)
        took = time.perf_counter() - t
        body = r.json
        print(f"{label:>20}: {took:7.1f} s, HTTP {r.status_code}, {len(body['nodes'])} nodes, "
              f"partial={body.get('partial')}")
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
