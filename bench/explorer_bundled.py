"""Explorer views on the bundled data, both engines: each view's p50 beside /api/node's, and throughput.

    .venv/bin/python bench/explorer_bundled.py [--engines ladybug,neo4j] [--repeat 30] [--duration 10]
                                               [--before /work/main/.venv/bin/python]

For each engine, `parkgraph serve` (this tree's production server) on a database the script makes
(a temporary LadybugDB; for Neo4j a private server on free ports, or --neo4j-uri to an EMPTY server
of your own, which is cleared afterwards), loaded with the bundled data, then:

1. one client (keep-alive): rounds over sample nodes of GET /api/node (the baseline: one node and its
   citations), /api/neighbourhood at depth 1 and 2, /api/search for sample words and /api/info,
   interleaved so that every kind sees the same machine load; p50 of each and its ratio to /api/node
   (issue #15 targets: neighbourhood ≤ 3x, depth 2 ≤ 6x, search ≤ 3x, info ≤ 3x). Cold: every
   request carries a parameter never sent before, so the server's answer cache (web/cache.py)
   misses and the view does its whole work; warm: the same requests again, answered from it;
2. 10 clients for --duration seconds on /api/neighbourhood (depth 1, the sample nodes in turn):
   requests/s; with --before PYTHON the same load on the code that PYTHON imports (e.g. main's
   .venv: the many-query views on werkzeug's server) in the same run, as the "today" baseline;
3. 50 clients for --duration50 seconds over all the kinds: p50/p99 and errors;
4. on Neo4j, the single hand-written Cypher of the design notes (a node's groups with counts and the
   first 25 of each) through the raw driver: the floor a neighbourhood request is compared with.
Figures go to the bench results folder (bench/_common.save_json) as `explorer_bundled`.
"""
from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import BASE, Http, local_neo4j, machine_info, percentiles, print_header, save_json, serve, table

NODES = ["subpark/tongzhou", "park/beijing", "park/changsha", "subpark/haidian", "enterprise/beijing-wangteng-keji",
         "region/110112"]
WORDS = ["长沙", "changsha", "通州", "北京园区", "网络安全", "chengyu"]
HAND_WRITTEN = ("MATCH (c:{label} {{uri:$uri}})-[r]-(m) WITH type(r) AS t, startNode(r)=c AS out, labels(m)[0] AS l, m "
                "ORDER BY m.uri WITH t, out, l, count(*) AS n, collect(m{{.uri,.name_zh,.name_en}})[..25] AS ms "
                "RETURN t, out, l, n, ms")


def paths() -> dict[str, list[str]]:
    q = urllib.parse.urlencode
    return {
        "node": [f"/api/node?{q({'uri': BASE + n})}" for n in NODES],
        "neighbourhood": [f"/api/neighbourhood?{q({'uri': BASE + n})}" for n in NODES],
        "neighbourhood depth 2": [f"/api/neighbourhood?{q({'uri': BASE + n, 'depth': 2})}" for n in NODES],
        "search": [f"/api/search?{q({'q': w})}" for w in WORDS],
        "info": ["/api/info"],
        "entity": [f"/api/entity?{q({'uri': BASE + n})}" for n in NODES],
    }


_busted = iter(range(10**12))


def cold(path: str) -> str:
    """The path with a query parameter no request had before (the views ignore it): the server's
    answer cache (web/cache.py) misses, so the figure is the view's own work."""
    return f"{path}{'&' if '?' in path else '?'}_cold={next(_busted)}"


def one_client(url: str, repeat: int, warm: bool = False) -> dict[str, list[float]]:
    """Per kind, the seconds of `repeat` requests; cold (every request a cache miss) unless `warm`
    (the same few requests again: answers from the cache after the warm-up)."""
    http = Http(url)
    ps = paths()
    for kind, lst in ps.items():  # warm-up: the engine's caches, the search index, JIT
        for p in lst:
            st, _, body = http.get(p)
            assert st == 200, (p, st, body[:300])
    samples: dict[str, list[float]] = {k: [] for k in ps}
    for i in range(repeat):
        for kind, lst in ps.items():
            p = lst[i % len(lst)]
            st, dt, _ = http.get(p if warm else cold(p))
            assert st == 200
            samples[kind].append(dt)
    return samples


def load(url: str, clients: int, seconds: float, kinds: list[str], warm: bool = False) -> dict:
    """`clients` threads, each its own keep-alive connection, for `seconds`: requests/s, latency,
    errors; every request a cache miss unless `warm`."""
    ps = paths()
    todo = [p for k in kinds for p in ps[k]]
    lat: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def work(k: int) -> None:
        http = Http(url)
        i = k
        mine = []
        while time.perf_counter() < stop:
            try:
                p = todo[i % len(todo)]
                st, dt, _ = http.get(p if warm else cold(p))
                if st != 200:
                    raise RuntimeError(st)
                mine.append(dt)
            except Exception:  # noqa: BLE001 - counted
                with lock:
                    errors[0] += 1
                http = Http(url)
            i += 1
        with lock:
            lat.extend(mine)
    t0 = time.perf_counter()
    threads = [threading.Thread(target=work, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    pc = percentiles(lat)
    return {"clients": clients, "seconds": wall, "requests": len(lat), "rps": len(lat) / wall, "errors": errors[0],
            "p50": pc.get("p50"), "p99": statistics.quantiles(sorted(lat), n=100)[98] if len(lat) > 1 else None}


def hand_written(uri: str, repeat: int) -> list[float]:
    from neo4j import READ_ACCESS, GraphDatabase
    out = []
    with GraphDatabase.driver(uri, auth=None) as d:
        for i in range(repeat + len(NODES)):
            n = NODES[i % len(NODES)]
            label = {"subpark": "SubPark", "park": "Park", "enterprise": "Enterprise", "region": "Region"}[n.split("/")[0]]
            t = time.perf_counter()
            with d.session(database="neo4j", default_access_mode=READ_ACCESS) as s:
                list(s.run(HAND_WRITTEN.format(label=label), uri=BASE + n))
            if i >= len(NODES):
                out.append(time.perf_counter() - t)
    return out


def run_engine(engine: str, a, result: dict) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="parkgraph-bench-explorer-"))
    with contextlib.ExitStack() as stack:
        if engine == "neo4j":
            if a.neo4j_uri:
                uri = a.neo4j_uri
                from neo4j import GraphDatabase
                with GraphDatabase.driver(uri, auth=None) as d:
                    n = d.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
                if n:
                    raise SystemExit(f"refusing {uri}: it holds {n} nodes; give an empty server of your own")
                stack.callback(_clear_neo4j, uri)
            else:
                uri = stack.enter_context(local_neo4j(heap="512m", pagecache="128m")).bolt_uri
            args = ["--backend", "neo4j", "--neo4j-uri", uri]
        else:
            args = ["--backend", "ladybug", "--db", str(tmp / "graph.lbdb")]
        out: dict = {}
        with serve(args) as (url, ready, _proc):
            out["serve_ready_s"] = ready
            print(f"[{engine}] parkgraph serve answered in {ready:.1f} s (bundled data loaded)", file=sys.stderr, flush=True)
            s = one_client(url, a.repeat)
            out["one_client"] = {k: percentiles(v) for k, v in s.items()}
            s = one_client(url, a.repeat, warm=True)
            out["one_client_warm"] = {k: percentiles(v) for k, v in s.items()}
            out["clients10"] = load(url, 10, a.duration, ["neighbourhood"])
            out["clients10_warm"] = load(url, 10, a.duration, ["neighbourhood"], warm=True)
            print(f"[{engine}] 10 clients: {out['clients10']['rps']:.0f} neighbourhood req/s cold, "
                  f"{out['clients10_warm']['rps']:.0f} warm", file=sys.stderr, flush=True)
            if a.duration50:
                out["clients50"] = load(url, 50, a.duration50, list(paths()))
                out["clients50_warm"] = load(url, 50, a.duration50, list(paths()), warm=True)
            if engine == "neo4j":
                out["hand_written"] = percentiles(hand_written(uri, a.repeat))
        if a.before:
            # the other interpreter's code on the same data: on LadybugDB a file of its own, loaded by its
            # own loader (an older schema cannot open this tree's file); on Neo4j the same server
            before_args = (["--backend", "ladybug", "--db", str(tmp / "before.lbdb")] if engine == "ladybug"
                           else args)
            with serve(before_args, python=a.before) as (url, _ready, _proc):
                out["before_clients10"] = load(url, 10, a.duration, ["neighbourhood"])
                s = one_client(url, max(5, a.repeat // 3))
                out["before_one_client"] = {k: percentiles(v) for k, v in s.items()}
            print(f"[{engine}] before: 10 clients {out['before_clients10']['rps']:.0f} req/s", file=sys.stderr, flush=True)
        result[engine] = out
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)


def _clear_neo4j(uri: str) -> None:
    from neo4j import GraphDatabase
    with GraphDatabase.driver(uri, auth=None) as d:
        with d.session(database="neo4j") as s:
            s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engines", default="ladybug,neo4j")
    ap.add_argument("--repeat", type=int, default=30, help="timed requests per kind, one client")
    ap.add_argument("--duration", type=float, default=10.0, help="seconds of the 10-client run")
    ap.add_argument("--duration50", type=float, default=0.0, help="seconds of the 50-client run (0: skipped)")
    ap.add_argument("--neo4j-uri", help="an EMPTY Neo4j of your own (default: a private server on free ports)")
    ap.add_argument("--before", metavar="PYTHON", help="interpreter whose parkgraph is the 'today' baseline")
    a = ap.parse_args()
    engines = [e for e in a.engines.split(",") if e]
    print_header("explorer_bundled: explorer views on the bundled data, p50 beside /api/node, throughput",
                 machine_info(), {"engines": engines, "repeat": a.repeat, "duration": a.duration,
                                  "duration50": a.duration50, "before": a.before})
    result: dict = {"engines": engines}
    for e in engines:
        run_engine(e, a, result)
    saved = save_json("explorer_bundled", result)  # first: a fault in the printing loses no figure
    rows = []
    for e in engines:
        r = result[e]
        base = r["one_client"]["node"]["p50"]
        wbase = r["one_client_warm"]["node"]["p50"]
        for kind, pc in r["one_client"].items():
            before = r.get("before_one_client", {}).get(kind, {}).get("p50")
            w = r["one_client_warm"][kind]["p50"]
            rows.append([e, kind, f"{pc['p50'] * 1000:.1f}", f"{pc['p50'] / base:.2f}x",
                         f"{w * 1000:.2f} ({w / wbase:.2f}x)", f"{before * 1000:.1f}" if before else "-"])
        if "hand_written" in r:
            rows.append([e, "hand-written Cypher, raw driver", f"{r['hand_written']['p50'] * 1000:.1f}", "", "", ""])
    print(table(rows, ["engine", "request (one client)", "p50 ms, cold", "÷ /api/node p50", "warm p50 ms (÷ node)",
                       "before p50 ms"]))
    rows = []
    for e in engines:
        r = result[e]
        b = r.get("before_clients10")
        for name, key in (("10 clients, neighbourhood, cold", "clients10"), ("10 clients, neighbourhood, warm", "clients10_warm"),
                          ("50 clients, all kinds, cold", "clients50"), ("50 clients, all kinds, warm", "clients50_warm")):
            if key not in r:
                continue
            c = r[key]
            rows.append([e, name, f"{c['rps']:.0f}", f"{c['p50'] * 1000:.1f}", f"{c['p99'] * 1000:.1f}", c["errors"],
                         f"{b['rps']:.0f} ({c['rps'] / b['rps']:.1f}x)" if b and key.startswith("clients10") else "-"])
    print()
    print(table(rows, ["engine", "load", "req/s", "p50 ms", "p99 ms", "errors", "before req/s"]))
    print(f"results saved to {saved}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
