"""N-Triples export: our streaming exporter vs rdflib `Graph.serialize` on the same graph.

    .venv/bin/python bench/export_ntriples.py --enterprises 30000 --large 1000000

1. the synthetic dataset of N enterprises, loaded once (cached) into an embedded LadybugDB
   (`--backend neo4j` uses a private Neo4j instead);
2. `parkgraph export --format nt --out FILE` in a subprocess: triples/s and peak memory;
3. the baseline, in a subprocess on the same store: the same triples (same mapping, same order)
   added to an rdflib `Graph`, then `Graph.serialize(format="nt")` to a file: triples/s, peak memory;
4. with --large M, our exporter again on M enterprises, to show its memory stays flat (rdflib
   would need tens of GB there and is not run).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (BASE, PEAK, loaded_ladybug, loaded_neo4j, machine_info, print_header, run_measured,
                     save_json, table)


def rdflib_worker(backend: str, where: str, out: str) -> None:
    """Read the graph through the same store reads and mapping as the exporter, into rdflib, then serialize."""
    from rdflib import Graph, Literal, URIRef

    import parkgraph
    from parkgraph.rdf.mapping import Lit, Mapper
    from parkgraph.settings import Settings
    from parkgraph.graph import open_store
    s = Settings.from_env({"backend": backend, "db_path": where if backend == "ladybug" else None,
                           "neo4j_uri": where if backend == "neo4j" else None})
    store = open_store(s, read_only=True)
    mapper = Mapper(store.model, BASE)
    g = Graph()
    add = g.add

    def term(o):
        if isinstance(o, Lit):
            return Literal(o.lex, lang=o.lang, datatype=URIRef(o.datatype) if o.datatype and not o.lang else None)
        return URIRef(o)
    t0 = time.perf_counter()
    n = entities = 0
    for label in store.model.labels:
        for node in store.export_nodes(label):
            for s_, p, o in mapper.node(node):
                add((URIRef(s_), URIRef(p), term(o)))
                n += 1
            entities += 1
    for rtype in store.model.rel_types:
        for rel in store.export_relationships(rtype):
            for s_, p, o in mapper.relationship(rtype, rel):
                add((URIRef(s_), URIRef(p), term(o)))
                n += 1
    for s_, p, o in mapper.description(n, entities, "2000-01-01", parkgraph.__version__):
        add((URIRef(s_), URIRef(p), term(o)))
        n += 1
    t1 = time.perf_counter()
    g.serialize(destination=out, format="nt", encoding="utf-8")
    t2 = time.perf_counter()
    print(f"RDFLIB triples_added={n} graph_len={len(g)} read_add_s={t1 - t0:.2f} serialize_s={t2 - t1:.2f}")
    store.close()


def run_rdflib(backend: str, where: str, out: Path) -> dict:
    code = PEAK + f"; sys.path.insert(0, {str(Path(__file__).resolve().parent)!r}); import export_ntriples as e; e.rdflib_worker(*sys.argv[1:])"
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code, backend, where, str(out)], capture_output=True, text=True)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-3000:])
    peak = next(int(l.split()[1]) / 1024 for l in p.stderr.splitlines() if l.startswith("PEAK_RSS_KB"))
    info = dict(kv.split("=") for kv in next(l for l in p.stdout.splitlines() if l.startswith("RDFLIB")).split()[1:])
    return {"wall": wall, "peak_rss_mb": peak, "triples": int(info["triples_added"]), "graph_len": int(info["graph_len"]),
            "read_add_s": float(info["read_add_s"]), "serialize_s": float(info["serialize_s"])}


def ours(backend: str, where: str, out: Path) -> dict:
    args = ["export", "--format", "nt", "--out", str(out), "--backend", backend]
    args += ["--db", where] if backend == "ladybug" else ["--neo4j-uri", where]
    r = run_measured(args)
    triples = int(next(l for l in r["stderr"].splitlines() if l.startswith("wrote")).split()[1])
    return {"wall": r["wall"], "peak_rss_mb": r["peak_rss_mb"], "triples": triples, "bytes": out.stat().st_size}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--rdflib-worker":
        rdflib_worker(*sys.argv[2:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", type=int, default=30_000, help="size both exporters run on (default 30,000)")
    ap.add_argument("--large", type=int, default=0, help="also run our exporter alone on this size (e.g. 1000000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--backend", choices=["ladybug", "neo4j"], default="ladybug")
    ap.add_argument("--buffer-pool-mb", type=int, default=512,
                    help="LadybugDB page cache for both exporters (PARKGRAPH_BUFFER_POOL_MB; default 512): without "
                         "a bound the engine caches pages in most of the RAM, which is a cache, not the exporter's memory")
    a = ap.parse_args()
    os.environ["PARKGRAPH_BUFFER_POOL_MB"] = str(a.buffer_pool_mb)
    print_header("export_ntriples: streaming N-Triples vs rdflib Graph.serialize", machine_info(),
                 {"enterprises": f"{a.enterprises:,}", "large": f"{a.large:,}" if a.large else "-", "backend": a.backend,
                  "page cache": f"{a.buffer_pool_mb} MB (LadybugDB)"})
    tmp = Path(tempfile.mkdtemp(prefix="parkgraph-bench-export-"))
    result: dict = {"backend": a.backend, "buffer_pool_mb": a.buffer_pool_mb}
    rows = []
    try:
        sizes = [a.enterprises] + ([a.large] if a.large else [])
        for n in sizes:
            if a.backend == "ladybug":
                ctx = None
                where = str(loaded_ladybug(n, a.seed))
            else:
                ctx = loaded_neo4j(n, a.seed)
                where = ctx.__enter__().bolt_uri
            try:
                mine = ours(a.backend, where, tmp / f"ours-{n}.nt")
                (tmp / f"ours-{n}.nt").unlink()
                rows.append([f"{n:,}", "parkgraph export --format nt", f"{mine['triples']:,}", f"{mine['wall']:.1f}",
                             f"{mine['triples'] / mine['wall']:,.0f}", f"{mine['peak_rss_mb']:.0f}"])
                result[f"ours_{n}"] = mine
                if n == a.enterprises:
                    base = run_rdflib(a.backend, where, tmp / f"rdflib-{n}.nt")
                    (tmp / f"rdflib-{n}.nt").unlink()
                    rows.append([f"{n:,}", "rdflib Graph.add + serialize(nt)", f"{base['triples']:,}", f"{base['wall']:.1f}",
                                 f"{base['triples'] / base['wall']:,.0f}", f"{base['peak_rss_mb']:.0f}"])
                    result["rdflib"] = base
                    result["ratio"] = (mine["triples"] / mine["wall"]) / (base["triples"] / base["wall"])
                    result["memory_ratio"] = base["peak_rss_mb"] / mine["peak_rss_mb"]
            finally:
                if ctx is not None:
                    ctx.__exit__(None, None, None)
    finally:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    print(table(rows, ["enterprises", "exporter", "triples", "seconds", "triples/s", "peak RSS MB"]))
    print(f"\nthroughput ratio ours ÷ rdflib: {result['ratio']:.1f}x   (target ≥ 10x); "
          f"rdflib needs {result['memory_ratio']:.1f}x our memory"
          + (f"; our peak RSS at {a.large:,}: {result[f'ours_{a.large}']['peak_rss_mb']:.0f} MB vs "
             f"{result[f'ours_{a.enterprises}']['peak_rss_mb']:.0f} MB at {a.enterprises:,}" if a.large else ""))
    print(f"(rdflib: {result['rdflib']['read_add_s']:.1f} s reading + adding, {result['rdflib']['serialize_s']:.1f} s serializing; "
          f"graph of {result['rdflib']['graph_len']:,} distinct triples)")
    print(f"results saved to {save_json('export_ntriples', result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
