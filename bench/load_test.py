#!/usr/bin/env python3
"""A bounded loopback load test of the explorer, the JSON API and /sparql.

    python bench/load_test.py [--clients 50] [--seconds 60] [--backend ladybug|neo4j] [--db PATH] [--cold]

It starts its own `parkgraph serve` on 127.0.0.1 and a free port (LadybugDB in a temporary folder
unless --db is given; the bundled dataset is loaded on first start), waits until it answers, warms
it up, then runs N client threads (http.client, keep-alive) for S seconds. Each client loops over a
weighted mix of requests: explorer and console pages, a static bundle, /api/info, search, node,
neighbourhood, entity, provenance, a read-only Cypher query, and SPARQL SELECT/ASK. At the end it
prints, per endpoint, the number of requests, errors, p50, p90, p99 and max latency, and the total
throughput; it stops the server and exits 1 if any request failed (a non-2xx answer, a timeout or a
connection error), 2 if the server did not start. Nothing leaves 127.0.0.1. The figures are also saved
as JSON (CACHE/results/load_test-*.json, see _common.save_json) for bench/report.py.

This is a bench script, not a test: pytest does not collect it (bench/ is outside tests/).
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common
from _common import command_line, machine_info, neo4j_version, save_json

HOST = "127.0.0.1"  # loopback only, by design
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """`parkgraph serve` in its own process group, with its log in a temporary file."""

    def __init__(self, args, port: int, workdir: Path):
        self.port = port
        self.log_path = workdir / "serve.log"
        cmd = [sys.executable, "-m", "parkgraph", "serve", "--host", HOST, "--port", str(port), "--backend", args.backend]
        if args.backend == "ladybug":
            cmd += ["--db", str(args.db or workdir / "bench.lbdb")]
        if args.neo4j_uri:
            cmd += ["--neo4j-uri", args.neo4j_uri]
        env = {**os.environ, "PARKGRAPH_HOST": HOST}
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL, start_new_session=True)

    def wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            try:
                status, _ = request(self.port, "GET", "/api/info", timeout=5)
                if status == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.5)
        return False

    def tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self.log.close()


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            timeout: float = 30, conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    own = conn is None
    conn = conn or http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        if own:
            conn.close()


def discover(port: int) -> dict:
    """Pick real IRIs from the served graph for the node, neighbourhood and entity requests."""
    uris = []
    for q in ("通州", "海淀", "长沙", "成都", "Beijing", "网络安全"):
        status, body = request(port, "GET", "/api/search?q=" + quote(q) + "&limit=5")
        if status == 200:
            uris += [r["uri"] for r in json.loads(body)["results"]]
    uris = list(dict.fromkeys(uris))
    if not uris:
        raise SystemExit("the served graph has no searchable entities")
    base = json.loads(request(port, "GET", "/api/info")[1])["base_iri"]
    return {"uris": uris, "base": base}


def workload(found: dict) -> list[tuple[str, int, callable]]:
    """(endpoint name, weight, function returning (method, path, body, headers))."""
    uris, base = found["uris"], found["base"]
    pick = random.choice
    cypher = ["MATCH (s:SubPark)-[:PART_OF]->(p:Park) RETURN s.name_zh, p.name_zh ORDER BY s.name_zh",
              "MATCH (e:Enterprise)-[:TENANT_OF]->(p) RETURN p.name_zh AS park, count(e) AS firms ORDER BY firms DESC LIMIT 10",
              "MATCH (o:Observation) RETURN o.metric, o.value, o.unit ORDER BY o.metric LIMIT 20"]
    sparql = ["SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 20",
              "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
              f"ASK {{ <{uris[0]}> ?p ?o }}"]
    local = [u[len(base):] for u in uris if u.startswith(base)]
    js = {"Content-Type": "application/json"}
    return [
        ("GET /", 2, lambda: ("GET", "/", None, {"Accept": "text/html"})),
        ("GET /console", 1, lambda: ("GET", "/console", None, {"Accept": "text/html"})),
        ("GET /id/…", 1, lambda: ("GET", "/id/" + pick(local), None, {"Accept": "text/html"})),
        ("GET static js", 1, lambda: ("GET", "/static/vendor/explorer.js", None, {})),
        ("GET /api/info", 2, lambda: ("GET", "/api/info", None, {})),
        ("GET /api/search", 4, lambda: ("GET", "/api/search?q=" + quote(pick(["通州", "园", "科技", "tongzhou", "chengdu", "安全"])), None, {})),
        ("GET /api/node", 2, lambda: ("GET", "/api/node?uri=" + quote(pick(uris)), None, {})),
        ("GET /api/neighbourhood", 4, lambda: ("GET", "/api/neighbourhood?uri=" + quote(pick(uris)), None, {})),
        ("GET /api/entity", 2, lambda: ("GET", "/api/entity?uri=" + quote(pick(uris)), None, {})),
        ("GET /api/provenance", 1, lambda: ("GET", "/api/provenance?uri=" + quote(pick(uris)), None, {})),
        ("POST /api/query", 3, lambda: ("POST", "/api/query", json.dumps({"query": pick(cypher)}).encode(), js)),
        ("GET /sparql", 3, lambda: ("GET", "/sparql?query=" + quote(pick(sparql)), None,
                                    {"Accept": "application/sparql-results+json"})),
    ]


def uncached(mix) -> list:
    """The mix with a query parameter never sent before on every GET of the JSON API (the views
    ignore it): the server's answer cache (web/cache.py) always misses, so the figures are the views'
    own work — the cold-cache run beside the default (warm) one."""
    import itertools
    n = itertools.count()

    def bust(make):
        def made():
            method, path, body, headers = make()
            if method == "GET" and path.startswith("/api/"):
                path += f"{'&' if '?' in path else '?'}_cold={next(n)}"
            return method, path, body, headers
        return made
    return [(name, weight, bust(make)) for name, weight, make in mix]


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * (len(sorted_values) - 1)))))
    return sorted_values[k]


def run_clients(port: int, clients: int, seconds: float, timeout: float, mix) -> tuple[dict, dict, list, float]:
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    samples: list[str] = []
    lock = threading.Lock()
    names = [m[0] for m in mix]
    weights = [m[1] for m in mix]
    makers = {m[0]: m[2] for m in mix}
    start = threading.Event()
    stop_at = [0.0]

    def client(seed: int):
        rnd = random.Random(seed)
        conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
        start.wait()
        while time.monotonic() < stop_at[0]:
            name = rnd.choices(names, weights)[0]
            method, path, body, headers = makers[name]()
            t0 = time.monotonic()
            try:
                status, data = request(port, method, path, body, headers, timeout, conn)
                ok = 200 <= status < 300
                why = f"{status} {data[:120]!r}"
            except (OSError, http.client.HTTPException) as e:
                ok, why = False, f"{type(e).__name__}: {e}"
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
            dt = time.monotonic() - t0
            with lock:
                lat[name].append(dt)
                if not ok:
                    errors[name] += 1
                    if len(samples) < 10:
                        samples.append(f"{name} {path[:80]}: {why}")
        conn.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    t0 = time.monotonic()
    stop_at[0] = t0 + seconds
    start.set()
    for t in threads:
        t.join(seconds + timeout + 30)
    return lat, errors, samples, time.monotonic() - t0


def report(lat: dict, errors: dict, elapsed: float, clients: int) -> str:
    lines = [f"{'endpoint':<24} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}"]
    total = sum(len(v) for v in lat.values())
    every = []
    for name in sorted(lat):
        v = sorted(lat[name])
        every += v
        lines.append(f"{name:<24} {len(v):>9} {errors.get(name, 0):>7} {percentile(v, 50) * 1000:>8.1f} "
                     f"{percentile(v, 90) * 1000:>8.1f} {percentile(v, 99) * 1000:>8.1f} {v[-1] * 1000:>8.1f}")
    every.sort()
    lines.append(f"{'all':<24} {total:>9} {sum(errors.values()):>7} {percentile(every, 50) * 1000:>8.1f} "
                 f"{percentile(every, 90) * 1000:>8.1f} {percentile(every, 99) * 1000:>8.1f} "
                 f"{(every[-1] if every else 0) * 1000:>8.1f}")
    lines.append(f"{clients} clients, {elapsed:.1f} s, {total / elapsed if elapsed else 0:.1f} requests/s")
    return "\n".join(lines)


def summary(lat: dict, errors: dict, elapsed: float, args) -> dict:
    """The figures report() prints, in seconds, for save_json (bench/report.py renders them)."""
    def figures(values: list[float], n_err: int) -> dict:
        v = sorted(values)
        return {"requests": len(v), "errors": n_err,
                **{k: (percentile(v, p) if v else None) for k, p in (("p50", 50), ("p90", 90), ("p99", 99))},
                "max": v[-1] if v else None}
    total = sum(len(v) for v in lat.values())
    return {"backend": args.backend, "cold": bool(getattr(args, "cold", False)), "clients": args.clients, "seconds": elapsed, "requested_seconds": args.seconds,
            "requests": total, "errors": sum(errors.values()),
            "throughput_rps": total / elapsed if elapsed else 0.0,
            "endpoints": {n: figures(lat[n], errors.get(n, 0)) for n in sorted(lat)},
            "all": figures([x for v in lat.values() for x in v], sum(errors.values()))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients (threads), default 50")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long the clients run, default 60")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds before a request counts as failed")
    ap.add_argument("--backend", choices=["ladybug", "neo4j"], default="ladybug")
    ap.add_argument("--db", help="LadybugDB path (default: a new one in a temporary folder, loaded with the bundled data)")
    ap.add_argument("--neo4j-uri", help="for --backend neo4j (default: $NEO4J_URI)")
    ap.add_argument("--startup", type=float, default=300.0, help="seconds to wait for the server to answer")
    ap.add_argument("--json", metavar="FILE", help="also write the numbers as JSON here")
    ap.add_argument("--cold", action="store_true",
                    help="every JSON API request a cache miss (a parameter never sent before): the views' own work")
    args = ap.parse_args(argv)
    if args.clients < 1 or args.seconds <= 0:
        ap.error("--clients and --seconds must be positive")
    # recorded like print_header does, without printing it, so stdout stays just the table; the load
    # average is taken now, before the clients add their own load
    _common._RUN.update({"title": "load_test: explorer, JSON API and /sparql under concurrent clients",
                         "command": command_line(), "machine": machine_info(),
                         "params": {"clients": args.clients, "seconds": f"{args.seconds:g}", "backend": args.backend,
                                    "cache": "cold (every API request a miss)" if args.cold else "warm",
                                    "timeout": f"{args.timeout:g} s",
                                    "db": (args.db or "new, temporary (bundled data)") if args.backend == "ladybug" else "-"},
                         "started": time.strftime("%Y-%m-%d %H:%M:%S %Z")})

    with tempfile.TemporaryDirectory(prefix="parkgraph-bench-") as tmp:
        port = free_port()
        srv = Server(args, port, Path(tmp))
        try:
            t0 = time.monotonic()
            if not srv.wait_ready(args.startup):
                print(f"the server did not answer on {HOST}:{port}:\n{srv.tail()}", file=sys.stderr)
                return 2
            print(f"parkgraph serve ({args.backend}) ready on http://{HOST}:{port}/ after {time.monotonic() - t0:.1f} s",
                  file=sys.stderr)
            found = discover(port)
            mix = workload(found)
            for name, _, make in mix:  # warm-up: every endpoint once (builds the SPARQL snapshot, …)
                method, path, body, headers = make()
                status, data = request(port, method, path, body, headers, timeout=120)
                if not 200 <= status < 300:
                    print(f"warm-up {name} {path[:80]} answered {status}: {data[:200]!r}", file=sys.stderr)
                    return 1
            print(f"running {args.clients} clients for {args.seconds:g} s{' (cold cache)' if args.cold else ''} …",
                  file=sys.stderr)
            lat, errors, samples, elapsed = run_clients(port, args.clients, args.seconds, args.timeout,
                                                        uncached(mix) if args.cold else mix)
        finally:
            srv.stop()
        print(report(lat, errors, elapsed, args.clients))
        if args.json:
            Path(args.json).write_text(json.dumps({
                "clients": args.clients, "seconds": elapsed, "backend": args.backend,
                "endpoints": {n: {"requests": len(v), "errors": errors.get(n, 0),
                                  "p50_ms": percentile(sorted(v), 50) * 1000, "p99_ms": percentile(sorted(v), 99) * 1000}
                              for n, v in lat.items()}}, indent=2))
        if args.backend == "neo4j":
            try:  # best effort: a server that wants a password simply goes unrecorded
                _common._RUN["machine"]["neo4j-server"] = neo4j_version(
                    args.neo4j_uri or os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
            except Exception:
                pass
        try:
            # stderr, like the progress lines, so stdout is the same table as before
            print(f"results saved to {save_json('load_test', summary(lat, errors, elapsed, args))}", file=sys.stderr)
        except OSError as e:
            print(f"could not save the results: {e}", file=sys.stderr)
        n_err = sum(errors.values())
        if n_err:
            print(f"{n_err} request(s) failed, e.g.:\n  " + "\n  ".join(samples), file=sys.stderr)
            return 1
        if not any(lat.values()):
            print("no request completed", file=sys.stderr)
            return 1
        return 0


if __name__ == "__main__":
    sys.exit(main())
