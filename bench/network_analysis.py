"""Network analysis at scale: ParkGraph's projection and measures (graph/network) vs the same networkx
computation on a graph read through the raw neo4j driver with one Cypher query, in the same run.

    .venv/bin/python bench/network_analysis.py --enterprises 100000

1. a private Neo4j 5.26 holding the synthetic dataset of N enterprises (made with
   parkgraph.loaders.synthetic, loaded once with `parkgraph load` into a cached home, reused by later
   runs; --fresh reloads);
2. ours, in a subprocess: `read_projection` through the store's bulk readers (what `parkgraph
   analyze` and /api/analytics read), then `measures.centrality` for degree, betweenness (exact up to
   EXACT_BETWEENNESS_NODES nodes, sampled with --pivots pivots above) and PageRank, and
   `measures.communities` (Louvain, seed 42);
3. the baseline, in another subprocess: the same node labels and relationship types read with one
   Cypher statement through the raw driver (nodes UNION ALL edges, uris only) into an undirected
   networkx graph, and the same networkx calls with the same parameters;
4. each step timed, with its peak memory: the process's high-water mark (VmHWM) is reset before the
   step (/proc/self/clear_refs) and read after it, so a step's peak includes what the process
   already held (the graph) and nothing from an earlier step.
Prints a table per step (seconds, peak MB, ratio ours ÷ baseline) and whether both got the same
top 10s and how close their Louvain modularities are; with sampled betweenness, the seconds per pivot
(its time is linear in the pivots) and what the product's pivots would take.

Options for large sizes on a shared machine: --pivots (few at 1M), --skip (steps left out on both
sides), --timeout (a side that runs out keeps the steps it finished), --bolt-port/--http-port (the
private Neo4j on given ports), --from-files (no database: both sides build the same network from the
dataset as the loader maps it; the read is then not measured; saved as network_analysis_files).
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (BASE, CACHE, dataset, loaded_neo4j, machine_info, neo4j_version, print_header,  # noqa: E402
                     save_json, table)

STEPS = ("read", "degree", "betweenness", "pagerank", "louvain")
SEED = 42


# ---------------------------------------------------------------------- measuring inside a worker
def _status_kb(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # "5" resets VmHWM to the current RSS
        return True
    except OSError:
        return False


class Steps:
    def __init__(self):
        self.out: dict[str, dict] = {}

    def run(self, name: str, fn):
        exact = _reset_peak()
        before = _status_kb("VmRSS")
        t = time.perf_counter()
        value = fn()
        self.out[name] = {"seconds": time.perf_counter() - t, "peak_mb": _status_kb("VmHWM") / 1024,
                          "rss_before_mb": before / 1024, "peak_is_per_step": exact,
                          # the machine is shared: what else was running during the step
                          "load_average_1min_after": round(os.getloadavg()[0], 2)}
        print(f"  {name}: {self.out[name]['seconds']:.1f} s", file=sys.stderr, flush=True)
        print("STEP " + json.dumps({name: self.out[name]}), file=sys.stderr, flush=True)
        return value


def _top(scores: dict, n: int = 10) -> list[str]:
    return [u for _, u in sorted(((-s, u) for u, s in scores.items()))[:n]]


def ours_worker(uri: str, pivots: int, exact_max: int, skip: set[str]) -> dict:
    from parkgraph.graph.neo4j_store import Neo4jStore
    from parkgraph.graph.network import measures
    from parkgraph.graph.network.projection import read_projection
    measures.SAMPLED_PIVOTS = pivots
    measures.EXACT_BETWEENNESS_NODES = exact_max
    st = Steps()
    if Path(uri).is_dir():  # --from-files: the same network from the mapped dataset, no database
        from parkgraph.graph.network.projection import build_projection
        labels, types = _labels_types()
        proj = st.run("read_file", lambda: build_projection(
            ((lb, u, {k: v for k, v in zip(NODE_KEEP, vals) if v}, None) for lb, u, *vals in _tsv(Path(uri) / "nodes.tsv")),
            ((t, None, a, b, None, None) for t, a, b in _tsv(Path(uri) / "edges.tsv")), labels, types, edge_detail=False))
    else:
        with Neo4jStore(uri) as store:
            # what `parkgraph analyze centrality|communities` reads (graph/network/service.py)
            proj = st.run("read", lambda: read_projection(store, edge_detail=False))
    res = {"nodes": proj.graph.number_of_nodes(), "edges": proj.graph.number_of_edges(), "top": {}}
    print("INFO " + json.dumps({"nodes": res["nodes"], "edges": res["edges"]}), file=sys.stderr, flush=True)
    # degree is counted on the projection itself; the other measures share one simple undirected
    # copy (built once per projection, as `parkgraph analyze` and the API do per request): timed as
    # its own step so that no measure's figure hides it
    c = st.run("degree", lambda: measures.centrality(proj, measure="degree", top=10, seed=SEED))
    res["top"]["degree"] = [x["uri"] for x in c["top"]]
    res.setdefault("how", {})["degree"] = c["how"]
    st.run("simple_graph", proj.simple)
    for m in ("betweenness", "pagerank"):
        if m in skip:
            continue
        c = st.run(m, lambda m=m: measures.centrality(proj, measure=m, top=10, seed=SEED))
        res["top"][m] = [x["uri"] for x in c["top"]]
        res.setdefault("how", {})[m] = c["how"]
    if "louvain" not in skip:
        comm = st.run("louvain", lambda: measures.communities(proj, seed=SEED))
        res.update(communities=len(comm["communities"]), modularity=comm["modularity"])
    res.update(steps=st.out)
    return res


def cypher(labels: list[str], types: list[str]) -> str:
    """One statement: every node of the chosen labels, then every relationship of the chosen types
    between two of them, uris only (the label and type lists come from the ontology, not from input)."""
    lx = "|".join(labels)
    return (f"MATCH (n:{lx}) RETURN n.uri AS a, null AS b "
            f"UNION ALL MATCH (a:{lx})-[:{'|'.join(types)}]->(b:{lx}) RETURN a.uri AS a, b.uri AS b")


def baseline_worker(uri: str, pivots: int, exact_max: int, labels: list[str], types: list[str], skip: set[str]) -> dict:
    import networkx as nx
    from neo4j import GraphDatabase
    st = Steps()

    def read() -> nx.Graph:
        g = nx.Graph()
        with GraphDatabase.driver(uri, auth=None) as d, d.session() as s:
            for a, b in s.run(cypher(labels, types)):
                if b is None:
                    g.add_node(a)
                else:
                    g.add_edge(a, b)
        return g
    def read_file() -> nx.Graph:
        g = nx.Graph()
        g.add_nodes_from(u for _, u, *_ in _tsv(Path(uri) / "nodes.tsv"))
        g.add_edges_from((a, b) for _, a, b in _tsv(Path(uri) / "edges.tsv"))
        return g
    g = st.run("read_file", read_file) if Path(uri).is_dir() else st.run("read", read)
    res = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "top": {}}
    print("INFO " + json.dumps({"nodes": res["nodes"], "edges": res["edges"]}), file=sys.stderr, flush=True)
    res["top"]["degree"] = st.run("degree", lambda: _top(dict(g.degree())))
    if "betweenness" in skip:
        pass
    elif g.number_of_nodes() <= exact_max:
        res["top"]["betweenness"] = st.run("betweenness", lambda: _top(nx.betweenness_centrality(g, normalized=True)))
    else:
        res["top"]["betweenness"] = st.run("betweenness", lambda: _top(
            nx.betweenness_centrality(g, k=pivots, normalized=True, seed=SEED)))
    if "pagerank" not in skip:
        res["top"]["pagerank"] = st.run("pagerank", lambda: _top(nx.pagerank(g, alpha=0.85, tol=1e-10, max_iter=200)))
    if "louvain" not in skip:
        comms = st.run("louvain", lambda: nx.community.louvain_communities(g, seed=SEED))
        res.update(communities=len(comms), modularity=round(nx.community.modularity(g, comms), 12))
    res.update(steps=st.out)
    return res


# ---------------------------------------------------------------------- --from-files
NODE_KEEP = ("name_zh", "name_en", "kind", "level")


def _tsv(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.reader(fh, delimiter="\t")


def _labels_types() -> tuple[list[str], list[str]]:
    """The projection's default labels and types, from the ontology (they need only the store's model)."""
    from types import SimpleNamespace

    from parkgraph.graph.network.projection import default_labels, default_rel_types
    from parkgraph.ontology.model import load_model
    model_only = SimpleNamespace(model=load_model())
    labels = default_labels(model_only)
    return labels, default_rel_types(model_only, labels)


def network_files(enterprises: int, seed: int) -> Path:
    """The network of the synthetic dataset as `parkgraph load` maps it (loaders.stream.validate_and_map:
    the rows the loader would write), as two tab-separated files — nodes (label, uri, names, kind,
    level) and relationships (type, start, end) of the projection's labels and types — made once
    (cached). For sizes whose loading into Neo4j does not fit the time available: the measures then
    run on the same graph, and only the database read is not measured."""
    from parkgraph.loaders.stream import validate_and_map
    from parkgraph.ontology.model import load_model
    d = CACHE / f"network-files-{enterprises}-s{seed}"
    if (d / ".complete").exists():
        return d
    labels, types = _labels_types()
    model = load_model()
    d.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    print(f"mapping {enterprises:,} enterprises into {d} (once) …", file=sys.stderr, flush=True)
    res = validate_and_map([dataset(enterprises, seed)], model=model, base_iri=BASE)
    if res.problems:
        raise SystemExit(f"the dataset does not validate: {res.problems[:3]}")
    plan = res.plan
    try:
        with open(d / "nodes.tsv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            for label in plan.node_labels():
                if label in labels:
                    for batch in plan.node_batches(label):
                        w.writerows([label, r["uri"], *(r.get(k) or "" for k in NODE_KEEP)] for r in batch)
        with open(d / "edges.tsv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter="\t")
            for rtype, src, dst in plan.rel_groups():
                if rtype in types and src in labels and dst in labels:
                    for batch in plan.rel_batches((rtype, src, dst)):
                        w.writerows([rtype, r["from"], r["to"]] for r in batch)
    finally:
        plan.close()
    (d / ".complete").write_text(str(time.time()))
    print(f"  mapped in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    return d


# ---------------------------------------------------------------------- the run
def run_worker(kind: str, args: list[str], timeout: float) -> dict:
    """The worker's result; if it does not finish within `timeout` (or dies), the steps it finished
    (each reported on stderr as it ends) and why it stopped, so a long run keeps what it measured."""
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, __file__, f"--{kind}-worker", *args], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    steps: dict[str, dict] = {}
    info: dict = {}
    err: list[str] = []

    def pump() -> None:
        for line in p.stderr:
            if line.startswith("STEP "):
                steps.update(json.loads(line[5:]))
            elif line.startswith("INFO "):
                info.update(json.loads(line[5:]))
            else:
                err.append(line)
                sys.stderr.write(line)
                sys.stderr.flush()
    import threading
    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    out: list[str] = []
    # stdout in a thread of its own (not communicate(), which would also read stderr, taking lines
    # from pump)
    collect = threading.Thread(target=lambda: out.append(p.stdout.read()), daemon=True)
    collect.start()
    try:
        p.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        reader.join(10)
        return {**info, "steps": steps, "incomplete": f"stopped after {timeout:,.0f} s (--timeout) during the step after "
                f"{', '.join(steps) or 'none'}", "wall": time.perf_counter() - t}
    reader.join(10)
    collect.join(10)
    if p.returncode != 0:
        return {**info, "steps": steps, "incomplete": f"failed ({p.returncode}): {''.join(err)[-1500:]}", "wall": time.perf_counter() - t}
    res = json.loads("".join(out).strip().splitlines()[-1])
    res["wall"] = time.perf_counter() - t
    return res


def overlap(a: list[str], b: list[str]) -> int:
    return len(set(a) & set(b))


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] in ("--ours-worker", "--baseline-worker"):
        uri, pivots, exact_max, skip = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), set(sys.argv[5].split(",")) - {""}
        if sys.argv[1] == "--ours-worker":
            res = ours_worker(uri, pivots, exact_max, skip)
        else:
            res = baseline_worker(uri, pivots, exact_max, sys.argv[6].split(","), sys.argv[7].split(","), skip)
        print(json.dumps(res))
        return 0
    from parkgraph.graph.network.measures import EXACT_BETWEENNESS_NODES, SAMPLED_PIVOTS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--enterprises", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1, help="seed of the synthetic dataset")
    ap.add_argument("--pivots", type=int, default=SAMPLED_PIVOTS,
                    help=f"pivots of sampled betweenness on both sides (the product uses {SAMPLED_PIVOTS}; its time "
                         "grows linearly with them)")
    ap.add_argument("--exact-max", type=int, default=EXACT_BETWEENNESS_NODES,
                    help=f"exact betweenness up to this many nodes, sampled above (the product's rule: {EXACT_BETWEENNESS_NODES:,}; "
                         "0 samples at every size, to compare sizes at the same pivots)")
    ap.add_argument("--skip", default="", help="steps not to run on either side, comma-separated (betweenness, pagerank, "
                    "louvain): e.g. betweenness at 1M when even the sampled one does not fit the time available")
    ap.add_argument("--heap", default="2g")
    ap.add_argument("--pagecache", default="1g")
    ap.add_argument("--from-files", action="store_true",
                    help="no database: both sides build the same network from the dataset as the loader maps it "
                         "(for sizes whose loading does not fit the time available; the read is then not measured)")
    ap.add_argument("--bolt-port", type=int, help="run the private Neo4j on this port (default: a free one)")
    ap.add_argument("--http-port", type=int)
    ap.add_argument("--timeout", type=float, default=7200, help="seconds each side may take")
    ap.add_argument("--until", metavar="HH:MM", help="a wall-clock end for the whole comparison (a shared machine's "
                    "session): the baseline may take half the time left, ours what is left after it (each at most "
                    "--timeout); a side that runs out keeps the steps it finished, and the results are still saved")
    ap.add_argument("--fresh", action="store_true", help="load the dataset again instead of reusing the cached server")
    a = ap.parse_args()
    skip = {x for x in a.skip.split(",") if x}
    if skip - {"betweenness", "pagerank", "louvain"}:
        ap.error(f"--skip takes betweenness, pagerank, louvain, not {', '.join(sorted(skip))}")
    labels, types = _labels_types()
    with (files_source(a) if a.from_files else server(a)) as srv:
        print_header("network_analysis: projection + networkx measures vs raw driver + networkx"
                     + (" (from the mapped files, no database read)" if a.from_files else ""),
                     machine_info(None if a.from_files else neo4j_version(srv.bolt_uri)),
                     {"enterprises": f"{a.enterprises:,}", "pivots": f"{a.pivots:,} (sampled above {a.exact_max:,} nodes)",
                      "skipped": ", ".join(sorted(skip)) or "nothing",
                      "louvain seed": SEED, "neo4j heap / page cache": f"{a.heap} / {a.pagecache}",
                      "time limit": f"{a.timeout:,.0f} s per side" + (f", both done by {a.until}" if a.until else "")})
        # the baseline first: neither side gets a page cache the other warmed alone
        base = run_worker("baseline", [srv.bolt_uri, str(a.pivots), str(a.exact_max), ",".join(sorted(skip)),
                                       ",".join(labels), ",".join(types)], _side_timeout(a, share=0.5))
        ours = run_worker("ours", [srv.bolt_uri, str(a.pivots), str(a.exact_max), ",".join(sorted(skip))],
                          _side_timeout(a, share=1.0))
    result = {"enterprises": a.enterprises, "pivots": a.pivots, "exact_max": a.exact_max, "skipped": sorted(skip),
              "labels": labels, "types": types, "ours": ours, "baseline": base,
              "read_from": "mapped files" if a.from_files else "neo4j"}
    summarise(result, a.pivots, SAMPLED_PIVOTS)
    # a run from files is saved under its own name: bench/report.py's network section shows the
    # newest database run, whose read is measured
    print(f"results saved to {save_json('network_analysis_files' if a.from_files else 'network_analysis', result)}")
    return 0


def _side_timeout(a, share: float) -> float:
    """--timeout, or less: `share` of the seconds left until --until (today, or tomorrow if past)."""
    if not a.until:
        return a.timeout
    import datetime as dt
    now = dt.datetime.now()
    h, m = (int(x) for x in a.until.split(":"))
    end = now.replace(hour=h, minute=m, second=0, microsecond=0)
    if end <= now:
        end += dt.timedelta(days=1)
    return max(60.0, min(a.timeout, (end - now).total_seconds() * share))


def summarise(result: dict, pivots: int, product_pivots: int) -> None:
    """Print the comparison and add its figures to `result`. A side that did not finish (timed out)
    has only the steps it finished: the others show as '-'."""
    ours, base = result["ours"], result["baseline"]
    so, sb = ours["steps"], base["steps"]

    def cell(d: dict, s: str, key: str, fmt: str) -> str:
        return format(d[s][key], fmt) if s in d else "-"

    def ratio(s: str, key: str) -> str:
        return f"{so[s][key] / max(sb[s][key], 1e-9):.2f}x" if s in so and s in sb else "-"
    steps = [s for s in ("read_file", *STEPS) if s in so or s in sb]
    rows = [[s, cell(so, s, "seconds", ".2f"), cell(sb, s, "seconds", ".2f"), ratio(s, "seconds"),
             cell(so, s, "peak_mb", ".0f"), cell(sb, s, "peak_mb", ".0f"), ratio(s, "peak_mb")] for s in steps]
    rows.append(["(ours) simple graph", cell(so, "simple_graph", "seconds", ".2f"), "-", "-",
                 cell(so, "simple_graph", "peak_mb", ".0f"), "-", "-"])
    for side, r in (("ours", ours), ("baseline", base)):
        if r.get("incomplete"):
            print(f"{side}: {r['incomplete']}")
    print(f"graph: ours {ours.get('nodes') or 0:,} nodes / {ours.get('edges') or 0:,} relationships (a multigraph); "
          f"baseline {base.get('nodes') or 0:,} nodes / {base.get('edges') or 0:,} edges (simple, undirected)")
    print(f"betweenness: {(ours.get('how') or base.get('how') or {}).get('betweenness', 'not run')}")
    print(table(rows, ["step", "ours s", "baseline s", "time ratio", "ours peak MB", "baseline peak MB", "memory ratio"]))
    to, tb = ours.get("top") or {}, base.get("top") or {}
    result["agreement_top10"] = {m: overlap(to[m], tb[m]) for m in ("degree", "betweenness", "pagerank") if m in to and m in tb}
    both = [s for s in steps if s in so and s in sb]
    total_o = sum(so[s]["seconds"] for s in both) + (so["simple_graph"]["seconds"] if "simple_graph" in so else 0)
    total_b = sum(sb[s]["seconds"] for s in both)
    result["time_ratio"] = total_o / total_b if total_b else None
    if "betweenness" in so or "betweenness" in sb:
        # sampled betweenness is one breadth-first search per pivot: its time is linear in the pivots
        per = {side: r["steps"]["betweenness"]["seconds"] / pivots for side, r in (("ours", ours), ("baseline", base))
               if "betweenness" in r["steps"]}
        result["betweenness_seconds_per_pivot"] = per
        result["betweenness_extrapolated_to_product_pivots"] = {"pivots": product_pivots,
                                                                **{side: v * product_pivots for side, v in per.items()}}
        print("betweenness per pivot: " + ", ".join(f"{k} {v:.2f} s" for k, v in per.items()) + f"; at the product's "
              f"{product_pivots} pivots (linear): " + ", ".join(f"{k} ≈ {v * product_pivots:,.0f} s" for k, v in per.items()))
    louvain = "; Louvain: " + ", ".join(f"{side} {r['communities']} communities, modularity {r['modularity']:.4f}"
                                        for side, r in (("ours", ours), ("baseline", base)) if "modularity" in r)
    print("\ntotal time ratio ours ÷ raw driver (steps both finished): "
          + (f"{result['time_ratio']:.2f}x ({total_o:.1f} s vs {total_b:.1f} s)" if total_b else "-")
          + f"; top-10 agreement (of 10): {result['agreement_top10']}" + louvain)


@contextlib.contextmanager
def files_source(a):
    d = network_files(a.enterprises, a.seed)
    yield SimpleNamespace(bolt_uri=str(d))


@contextlib.contextmanager
def server(a):
    """The private Neo4j holding the dataset: _common.loaded_neo4j on free ports, or the same cached
    home on the ports given (a shared machine where each user has their own)."""
    ports = None if a.bolt_port is None else (a.bolt_port, a.http_port or a.bolt_port + 1)
    with loaded_neo4j(a.enterprises, a.seed, a.heap, a.pagecache, fresh=a.fresh, ports=ports, wait=600) as srv:
        yield srv


if __name__ == "__main__":
    sys.exit(main())
