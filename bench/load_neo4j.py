"""Loading into Neo4j: our loader vs Neo4j's own LOAD CSV of the same rows into the same server.

    .venv/bin/python bench/load_neo4j.py --enterprises 1000000

1. generates (once, cached) the synthetic dataset of N enterprises (loaders/synthetic.py, CSV);
2. starts a private Neo4j 5.26 (graph/neo4j_server.py) in a temporary home, creates the schema,
   and times `parkgraph load DIR --backend neo4j` in a subprocess (start to exit: validation,
   mapping and writing), with its peak memory (ru_maxrss);
3. maps the same files to the rows the loader writes (one CSV per label and per (type, start, end))
   — not timed — and, on a second fresh server with the same settings and schema, times LOAD CSV
   of those rows with the same semantics (MERGE on uri, SET every property, MATCH the endpoints by
   label and uri, `CALL { … } IN TRANSACTIONS OF 10000 ROWS`);
4. checks that both graphs are the same (counts always; the content hash with --verify, default
   up to 100k enterprises) and prints rows/s of each and the ratio loader ÷ LOAD CSV.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (BASE, CACHE, dataset, local_neo4j, machine_info, neo4j_version, print_header,
                     run_measured, save_json, table)

SEP = "\x1f"


def cypher_value(key: str, pg_type: str) -> str:
    v = f"row.`{key}`"
    if pg_type == "string_list":
        return f"split({v}, '\\u001F')"
    if pg_type == "float":
        return f"toFloat({v})"
    if pg_type == "boolean":
        return f"toBoolean({v})"
    if pg_type == "date":  # the loader stores dates as DATE values (issue #13): so does the baseline
        return f"date({v})"
    return v


def cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return SEP.join(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def write_load_csv_input(files: Path, import_dir: Path, model) -> tuple[list[tuple[str, str, int]], int]:
    """The loader's own rows as CSV files + the LOAD CSV statement for each: [(name, statement, rows)]."""
    from parkgraph.loaders.stream import validate_and_map
    res = validate_and_map([files], model=model, base_iri=BASE)
    if res.problems:
        raise SystemExit(f"dataset does not validate: {res.problems[:3]}")
    plan = res.plan
    jobs = []
    try:
        for label in plan.node_labels():
            props = model.classes[label].properties
            keys = list(props)
            name = f"node-{label}.csv"
            with open(import_dir / name, "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(keys)
                n = 0
                for batch in plan.node_batches(label):
                    for r in batch:
                        w.writerow([cell(r.get(k)) for k in keys])
                    n += len(batch)
            sets = ", ".join(f"`{k}`: {cypher_value(k, props[k].pg_type)}" for k in keys)
            jobs.append((label, f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row CALL (row) {{ "
                                f"MERGE (n:{label} {{uri: row.uri}}) SET n = {{{sets}}} }} IN TRANSACTIONS OF 10000 ROWS", n))
        rprops = model.rel_properties
        rkeys = list(rprops)
        for rtype, src, dst in plan.rel_groups():
            name = f"rel-{rtype}-{src}-{dst}.csv"
            with open(import_dir / name, "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(["from", "to", *rkeys])
                n = 0
                for batch in plan.rel_batches((rtype, src, dst)):
                    for r in batch:
                        w.writerow([r["from"], r["to"], *(cell(r.get(k)) for k in rkeys)])
                    n += len(batch)
            sets = ", ".join(f"`{k}`: {cypher_value(k, rprops[k].pg_type)}" for k in rkeys)
            jobs.append((f"{rtype} {src}→{dst}",
                         f"LOAD CSV WITH HEADERS FROM 'file:///{name}' AS row CALL (row) {{ "
                         f"MATCH (a:{src} {{uri: row.`from`}}) MATCH (b:{dst} {{uri: row.`to`}}) "
                         f"MERGE (a)-[r:{rtype} {{uri: row.uri}}]->(b) SET r = {{{sets}}} }} IN TRANSACTIONS OF 10000 ROWS", n))
        return jobs, plan.node_count() + plan.rel_count()
    finally:
        plan.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--heap", default="2g", help="Neo4j heap (default 2g)")
    ap.add_argument("--pagecache", default="1g", help="Neo4j page cache (default 1g)")
    ap.add_argument("--verify", action=argparse.BooleanOptionalAction, default=None,
                    help="compare the content hash of both graphs (default: on up to 100k enterprises)")
    a = ap.parse_args()
    verify = a.verify if a.verify is not None else a.enterprises <= 100_000
    data = dataset(a.enterprises, a.seed)
    from parkgraph.graph.neo4j_store import Neo4jStore
    from parkgraph.ontology import load_model
    model = load_model()
    result: dict = {"enterprises": a.enterprises, "seed": a.seed}

    # --- our loader, in a subprocess, on a fresh server (whose database is then kept as the cached
    # loaded server of explorer_latency.py / export_ntriples.py, when there is none yet)
    import shutil
    keep = CACHE / f"neo4j-loaded-{a.enterprises}-s{a.seed}"
    home = None
    if not (keep / ".loaded").exists():
        shutil.rmtree(keep, ignore_errors=True)
        home = keep
    with local_neo4j(a.heap, a.pagecache, home=home) as srv:
        version = neo4j_version(srv.bolt_uri)
        print_header("load_neo4j: parkgraph load vs LOAD CSV", machine_info(version),
                     {"dataset": data, "enterprises": f"{a.enterprises:,}", "neo4j heap/pagecache": f"{a.heap}/{a.pagecache}"})
        with Neo4jStore(srv.bolt_uri) as st:
            st.create_schema()
        run = run_measured(["load", str(data), "--backend", "neo4j", "--neo4j-uri", srv.bolt_uri, "--no-progress"])
        print(run["stdout"].strip())
        with Neo4jStore(srv.bolt_uri) as st:
            counts_a = st.counts()
            hash_a = st.content_hash() if verify else None
        if home is not None:
            (home / ".loaded").write_text(str(time.time()))
    loader_rows = sum(counts_a["nodes"].values()) + sum(counts_a["relationships"].values())
    result["loader"] = {"seconds": run["wall"], "rows": loader_rows, "rows_per_s": loader_rows / run["wall"],
                        "peak_rss_mb": run["peak_rss_mb"], "worker_peak_rss_mb": run["child_peak_rss_mb"]}

    # --- LOAD CSV of the same rows, on a fresh server with the same settings
    with local_neo4j(a.heap, a.pagecache) as srv:
        t = time.perf_counter()
        jobs, rows = write_load_csv_input(data, srv.home / "import", model)
        print(f"\nwrote the LOAD CSV input ({rows:,} rows) in {time.perf_counter() - t:.0f} s (not timed)", flush=True)
        from neo4j import GraphDatabase
        with Neo4jStore(srv.bolt_uri) as st:
            st.create_schema()
        per_job = []
        with GraphDatabase.driver(srv.bolt_uri, auth=None) as d, d.session() as s:
            t0 = time.perf_counter()
            for name, stmt, n in jobs:
                t = time.perf_counter()
                s.run(stmt).consume()
                per_job.append((name, n, time.perf_counter() - t))
            lc_wall = time.perf_counter() - t0
        with Neo4jStore(srv.bolt_uri) as st:
            counts_b = st.counts()
            hash_b = st.content_hash() if verify else None
    result["load_csv"] = {"seconds": lc_wall, "rows": rows, "rows_per_s": rows / lc_wall,
                          "slowest": sorted(per_job, key=lambda x: -x[2])[:5]}
    same_counts = counts_a == counts_b
    result["same_counts"] = same_counts
    result["same_hash"] = (hash_a == hash_b) if verify else None

    ratio = result["loader"]["rows_per_s"] / result["load_csv"]["rows_per_s"]
    result["ratio"] = ratio
    print()
    print(table([["parkgraph load (validate + map + write)", f"{loader_rows:,}", f"{run['wall']:.1f}",
                  f"{result['loader']['rows_per_s']:,.0f}",
                  f"{run['peak_rss_mb']:.0f}" + (f" (+ {run['child_peak_rss_mb']:.0f} per validation worker)" if run["child_peak_rss_mb"] else "")],
                 ["LOAD CSV, same rows, MERGE, IN TRANSACTIONS OF 10000", f"{rows:,}", f"{lc_wall:.1f}",
                  f"{result['load_csv']['rows_per_s']:,.0f}", "(server)"]],
                ["", "rows", "seconds", "rows/s", "peak RSS MB"]))
    print(f"\nratio loader ÷ LOAD CSV: {ratio:.2f}x   (target ≥ 1.0x)")
    print(f"same node/relationship counts: {same_counts}" + (f"; same content hash: {hash_a == hash_b}" if verify else ""))
    print("slowest LOAD CSV statements: " + "; ".join(f"{n} {r:,} rows {s:.0f} s" for n, r, s in result["load_csv"]["slowest"]))
    print(f"results saved to {save_json('load_neo4j', result)}")
    return 0 if same_counts and result["same_hash"] in (None, True) else 1


if __name__ == "__main__":
    sys.exit(main())
