"""Embedded LadybugDB: load (COPY FROM) and the explorer's neighbourhood query, at 100k and 1M.

    .venv/bin/python bench/ladybug_embedded.py --enterprises 100000,1000000

For each size N (the synthetic dataset, generated once and cached):
1. `parkgraph load DIR --backend ladybug --db NEW` in a subprocess, timed from start to exit
   (validation, mapping, COPY), with its peak memory;
2. the baseline on the same data: the generic write path every backend has (UNWIND … MERGE,
   `graph.bulk.merge_rows`, which is what the loader did before COPY), run in-process into another
   new database for at most --baseline-seconds (it is far too slow to finish at 1M): rows/s over
   what it wrote, and the ratio;
3. the neighbourhood of dense hubs, enterprises and zones through the store (what the explorer API
   calls) vs the same Cypher on a raw `ladybug.Connection`: p50/p95 and the overhead ratio;
4. the same `parkgraph load DIR` into a NON-EMPTY database (the bundled data/ loaded first, as
   `parkgraph serve` leaves it), timed the same way: its time beside step 1's (the baseline: loading
   into an empty database), and the ratio. Issue 19 asks for at most 2x (it was quadratic: 10k 36 s,
   30k 334 s, 100k over 12 min).

    .venv/bin/python bench/ladybug_embedded.py --enterprises 100000 --load-only   # steps 1 and 4 only
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (BASE, CACHE, capture_reads, dataset, machine_info, percentiles, print_header,
                     run_measured, save_json, table)
from explorer_latency import targets


class _Stop(Exception):
    pass


def baseline_merge(data: Path, db: Path, seconds: float) -> dict:
    """The generic UNWIND…MERGE path on the same rows, for at most `seconds` of writing."""
    from parkgraph.graph.ladybug_store import LadybugStore
    from parkgraph.graph.bulk import merge_rows
    from parkgraph.loaders.stream import validate_and_map
    store = LadybugStore(db)
    store.create_schema()
    t = time.perf_counter()
    res = validate_and_map([data], model=store.model, base_iri=BASE)
    prep = time.perf_counter() - t
    plan = res.plan
    written = {"nodes": 0, "rels": 0}
    # measure nodes and relationships apart: relationship MERGE is the slow part
    half = seconds / 2

    class Part:
        def __init__(self, which):
            self.which = which

        def node_labels(self):
            return plan.node_labels() if self.which == "nodes" else []

        def node_batches(self, label):
            return plan.node_batches(label)

        def rel_groups(self):
            return plan.rel_groups() if self.which == "rels" else []

        def rel_batches(self, g):
            return plan.rel_batches(g)
    out = {"prepare_s": prep}
    try:
        for which in ("nodes", "rels"):
            t0 = time.perf_counter()

            def tick(n, which=which, t0=t0):
                written[which] += n
                if time.perf_counter() - t0 > half:
                    raise _Stop
            try:
                merge_rows(store, Part(which), tick)
                complete = True
            except _Stop:
                complete = False
            dt = time.perf_counter() - t0
            out[which] = {"rows": written[which], "seconds": dt, "rows_per_s": written[which] / dt, "complete": complete}
    finally:
        plan.close()
        store.close()
    return out


def load_non_empty(data: Path, work: Path) -> dict:
    """`parkgraph load DATA` into a database that already holds the bundled data/."""
    from parkgraph.data import DATA_DIR
    db = work / "non-empty.lbdb"
    run_measured(["load", str(DATA_DIR), "--backend", "ladybug", "--db", str(db), "--no-progress"])
    run = run_measured(["load", str(data), "--backend", "ladybug", "--db", str(db), "--no-progress"])
    print("into a non-empty database:", run["stdout"].strip().splitlines()[0], f"in {run['wall']:.1f} s", flush=True)
    return {"seconds": run["wall"], "peak_rss_mb": run["peak_rss_mb"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", default="100000,1000000", help="comma-separated sizes (default 100000,1000000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--baseline-seconds", type=float, default=120.0)
    ap.add_argument("--load-only", action="store_true", help="only the loads into an empty and a non-empty database")
    a = ap.parse_args()
    sizes = [int(x) for x in a.enterprises.split(",")]
    print_header("ladybug_embedded: COPY load and neighbourhood", machine_info(), {"sizes": sizes})
    results = {}
    rows_out, lat_rows, ne_rows = [], [], []
    import ladybug
    from parkgraph.graph.ladybug_store import LadybugStore
    for n in sizes:
        data = dataset(n, a.seed)
        work = Path(tempfile.mkdtemp(prefix="parkgraph-bench-lb-"))
        db = work / "graph.lbdb"
        run = run_measured(["load", str(data), "--backend", "ladybug", "--db", str(db), "--no-progress"])
        print(run["stdout"].strip(), flush=True)
        store = LadybugStore(db, read_only=True)
        c = store.counts()
        rows = sum(c["nodes"].values()) + sum(c["relationships"].values())
        nodes = sum(c["nodes"].values())
        r = {"load": {"seconds": run["wall"], "rows": rows, "rows_per_s": rows / run["wall"], "peak_rss_mb": run["peak_rss_mb"]}}
        ne = load_non_empty(data, work)
        r["load_non_empty"] = ne
        ne_rows.append([f"{n:,}", f"{run['wall']:.1f}", f"{ne['seconds']:.1f}", f"{ne['seconds'] / run['wall']:.2f}x",
                        f"{ne['peak_rss_mb']:.0f}"])
        if a.load_only:
            store.close()
            results[n] = r
            import shutil
            shutil.rmtree(work, ignore_errors=True)
            continue
        base = baseline_merge(data, work / "baseline.lbdb", a.baseline_seconds)
        r["baseline"] = base
        # the baseline's time for this size, extrapolated from its rates (its preparation included)
        est = base["prepare_s"] + nodes / base["nodes"]["rows_per_s"] + (rows - nodes) / base["rels"]["rows_per_s"]
        r["baseline_estimated_s"] = est
        r["ratio"] = est / run["wall"]
        rows_out.append([f"{n:,}", f"{rows:,}", f"{run['wall']:.1f}", f"{rows / run['wall']:,.0f}", f"{run['peak_rss_mb']:.0f}",
                         f"{base['nodes']['rows_per_s']:,.0f}", f"{base['rels']['rows_per_s']:,.0f}", f"{est:,.0f}",
                         f"{est / run['wall']:.0f}x"])
        # neighbourhood: store vs raw connection
        conn = ladybug.Connection(store._db)
        samples = {}
        for kind, uris in targets(data, 20, a.seed).items():
            for uri in uris:
                qs = capture_reads(store, lambda: store.neighbourhood(uri, depth=1, limit=25))

                def raw():
                    t = time.perf_counter()
                    for q, p in qs:
                        res = conn.execute(q, p)
                        while res.has_next():
                            res.get_next()
                    return time.perf_counter() - t
                store.neighbourhood(uri, depth=1, limit=25)
                raw()
                for _ in range(a.repeat):
                    t = time.perf_counter()
                    store.neighbourhood(uri, depth=1, limit=25)
                    samples.setdefault(kind, {"store": [], "raw": []})["store"].append(time.perf_counter() - t)
                    samples[kind]["raw"].append(raw())
        r["neighbourhood"] = {}
        for kind, s in samples.items():
            h, w = percentiles(s["store"]), percentiles(s["raw"])
            r["neighbourhood"][kind] = {"store": h, "raw": w}
            lat_rows.append([f"{n:,}", kind, f"{h['p50'] * 1000:.1f}", f"{h['p95'] * 1000:.1f}", f"{w['p50'] * 1000:.1f}",
                             f"{w['p95'] * 1000:.1f}", f"{h['p95'] / w['p95']:.2f}x"])
        store.close()
        results[n] = r
        import shutil
        # keep the loaded database as the cached one export_ntriples.py / sparql_latency.py use
        keep = CACHE / f"ladybug-loaded-{n}-s{a.seed}"
        if not (keep / ".loaded").exists():
            shutil.rmtree(keep, ignore_errors=True)
            keep.mkdir(parents=True)
            for f in work.iterdir():
                if f.name.startswith("graph.lbdb"):
                    shutil.move(str(f), keep / f.name)
            (keep / ".loaded").write_text(str(time.time()))
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(ne_rows, ["enterprises", "load into empty s (baseline)", "load into non-empty s", "ratio", "peak RSS MB"]))
    print()
    print(table(rows_out, ["enterprises", "rows", "load s", "rows/s", "peak RSS MB", "MERGE nodes/s", "MERGE rels/s",
                           "MERGE est. s", "COPY speed-up"]))
    print()
    print(table(lat_rows, ["enterprises", "neighbourhood of", "store p50 ms", "store p95 ms", "raw p50 ms", "raw p95 ms", "p95 ratio"]))
    print(f"\nresults saved to {save_json('ladybug_embedded', results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
