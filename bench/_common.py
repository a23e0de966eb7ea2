"""Shared helpers of the bench/ scripts: machine info, a private Neo4j, cached synthetic datasets,
timing and peak memory of subprocesses. Every script starts what it needs and stops it."""
from __future__ import annotations

import contextlib
import json
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("PARKGRAPH_BENCH_CACHE", Path(tempfile.gettempdir()) / "parkgraph-bench"))
BASE = "https://w3id.org/parkgraph/id/"


# ---------------------------------------------------------------------- machine
def machine_info(neo4j_version: str | None = None) -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 ** 2:.1f} GiB"
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    def v(p):
        try:
            return version(p)
        except PackageNotFoundError:
            return None
    info = {"cpu": cpu, "cores": os.cpu_count(), "ram": ram, "os": platform.platform(),
            "python": platform.python_version(), "parkgraph": v("parkgraph"), "neo4j-driver": v("neo4j"),
            "neo4j-rust-ext": v("neo4j-rust-ext"), "ladybug": v("ladybug"), "rdflib": v("rdflib"),
            "pyoxigraph": v("pyoxigraph"), "flask": v("flask")}
    try:
        info["load average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        pass
    if neo4j_version:
        info["neo4j-server"] = neo4j_version
    return info


_RUN: dict = {}  # what print_header printed, saved with the results (bench/report.py shows it)


def command_line() -> str:
    """The command as a user would type it from the repository root."""
    script = Path(sys.argv[0])
    try:
        script = script.resolve().relative_to(ROOT)
    except ValueError:
        pass
    return " ".join(["python", str(script), *sys.argv[1:]])


def print_header(title: str, info: dict, params: dict) -> None:
    _RUN.update({"title": title, "command": command_line(), "machine": info, "params": params,
                 "started": time.strftime("%Y-%m-%d %H:%M:%S %Z")})
    print(f"# {title}")
    print(f"command: {command_line()}")
    for k, val in info.items():
        if val is not None:
            print(f"  {k:<15} {val}")
    for k, val in params.items():
        print(f"  {k:<15} {val}")
    print(flush=True)


# ---------------------------------------------------------------------- data
def dataset(enterprises: int, seed: int = 1, fmt: str = "csv") -> Path:
    """The synthetic dataset for (N, seed), generated once into the cache folder."""
    d = CACHE / f"synthetic-{fmt}-{enterprises}-s{seed}"
    done = d / ".complete"
    if not done.exists():
        from parkgraph.loaders.synthetic import generate
        t = time.perf_counter()
        print(f"generating {enterprises:,} enterprises (seed {seed}) into {d} …", file=sys.stderr, flush=True)
        generate(d, enterprises, seed, fmt)
        done.write_text(str(time.time()))
        print(f"  generated in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
    return d


# ---------------------------------------------------------------------- servers
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def local_neo4j(heap: str = "2g", pagecache: str = "1g", home: Path | None = None,
                ports: tuple[int, int] | None = None, wait: int = 300):
    """A private Neo4j 5.26 (graph/neo4j_server.py) in a fresh temporary home on free ports (or the
    `ports` given: bolt, http); stopped and deleted on exit."""
    from parkgraph.graph.neo4j_server import LocalNeo4j
    tmp = Path(tempfile.mkdtemp(prefix="parkgraph-bench-neo4j-")) if home is None else home
    bolt, http = ports or (free_port(), free_port())
    srv = LocalNeo4j(tmp, bolt_port=bolt, http_port=http, heap=heap, pagecache=pagecache)
    # keep the Maven classpath between runs (saves a Maven run per server)
    import shutil
    tmp.mkdir(parents=True, exist_ok=True)
    for cp in CACHE.glob("classpath-*.txt"):
        shutil.copy(cp, tmp / cp.name)
    t = time.perf_counter()
    srv.start(wait=wait)
    CACHE.mkdir(parents=True, exist_ok=True)
    for cp in tmp.glob("classpath-*.txt"):
        shutil.copy(cp, CACHE / cp.name)
    print(f"started Neo4j at {srv.bolt_uri} in {time.perf_counter() - t:.0f} s (home {tmp})", file=sys.stderr, flush=True)
    try:
        yield srv
    finally:
        srv.stop()
        if home is None:
            import shutil
            shutil.rmtree(tmp, ignore_errors=True)


def neo4j_version(uri: str) -> str:
    from neo4j import GraphDatabase
    with GraphDatabase.driver(uri, auth=None) as d:
        rec = d.execute_query("CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition").records[0]
        return f"{rec['v']} {rec['edition']}"


# ---------------------------------------------------------------------- measuring
PEAK = ("import atexit, resource, sys; atexit.register(lambda: sys.stderr.write('PEAK_RSS_KB %d %d\\n' % "
        "(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)))")


def run_measured(args: list[str], env: dict | None = None, timeout: float | None = None) -> dict:
    """Run `python -m parkgraph ARGS` in a subprocess: wall time, its peak RSS, output."""
    code = PEAK + "; from parkgraph.cli import main; sys.exit(main(sys.argv[1:]))"
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                       env={**os.environ, **(env or {})}, timeout=timeout)
    wall = time.perf_counter() - t
    peak = child_peak = None
    err_lines = []
    for line in p.stderr.splitlines():
        if line.startswith("PEAK_RSS_KB "):
            peak = int(line.split()[1]) / 1024
            child_peak = int(line.split()[2]) / 1024
        else:
            err_lines.append(line)
    if p.returncode != 0:
        raise RuntimeError(f"parkgraph {' '.join(args)} failed ({p.returncode}):\n{p.stdout[-3000:]}\n{chr(10).join(err_lines)[-3000:]}")
    return {"wall": wall, "peak_rss_mb": peak, "child_peak_rss_mb": child_peak, "stdout": p.stdout, "stderr": "\n".join(err_lines)}


def percentiles(xs: list[float]) -> dict:
    xs = sorted(xs)
    if not xs:
        return {"n": 0}
    q = statistics.quantiles(xs, n=100, method="inclusive") if len(xs) > 1 else [xs[0]] * 99
    return {"n": len(xs), "p50": q[49], "p95": q[94], "max": xs[-1], "mean": statistics.fmean(xs)}


def table(rows: list[list], header: list[str]) -> str:
    cells = [[str(c) for c in r] for r in [header, *rows]]
    w = [max(len(r[i]) for r in cells) for i in range(len(header))]
    out = ["| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(cells[0])) + " |",
           "|" + "|".join("-" * (x + 2) for x in w) + "|"]
    out += ["| " + " | ".join(c.ljust(w[i]) for i, c in enumerate(r)) + " |" for r in cells[1:]]
    return "\n".join(out)


def save_json(name: str, data: dict) -> Path:
    out = CACHE / "results"
    out.mkdir(parents=True, exist_ok=True)
    p = out / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    run = {**_RUN, "finished": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "git": _git_head()}
    p.write_text(json.dumps({**data, "_run": run}, indent=2, ensure_ascii=False, default=str))
    return p


def _git_head() -> str | None:
    try:
        return subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                              text=True, timeout=10).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def self_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------------- serving and replaying
@contextlib.contextmanager
def serve(args: list[str], env: dict | None = None, timeout: float = 600.0, python: str | None = None):
    """`PYTHON -m parkgraph serve ARGS` on a free port (PYTHON: this interpreter unless given, e.g.
    main's .venv for a "before" baseline); yields (base_url, seconds until /api/info answered,
    process). Stopped on exit."""
    import urllib.request
    port = free_port()
    CACHE.mkdir(parents=True, exist_ok=True)
    log = open(CACHE / f"serve-{port}.log", "wb")
    t0 = time.perf_counter()
    # run from a neutral folder: `python -m` puts the working directory first on sys.path, and from a
    # checkout that would import the checkout's parkgraph whatever the interpreter's install is
    p = subprocess.Popen([python or sys.executable, "-m", "parkgraph", "serve", "--port", str(port), *args],
                         stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
                         cwd=tempfile.gettempdir())
    url = f"http://127.0.0.1:{port}"
    ready = None
    try:
        while time.perf_counter() - t0 < timeout:
            if p.poll() is not None:
                raise RuntimeError(f"parkgraph serve exited with {p.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(url + "/api/info", timeout=5) as r:
                    if r.status == 200:
                        ready = time.perf_counter() - t0
                        break
            except OSError:
                time.sleep(0.01)
        if ready is None:
            raise RuntimeError(f"parkgraph serve did not answer within {timeout:.0f} s")
        yield url, ready, p
    finally:
        p.terminate()
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
        log.close()


class Http:
    """One keep-alive HTTP/1.1 connection; get(path) returns (status, seconds, body bytes)."""

    def __init__(self, base_url: str):
        import http.client
        import urllib.parse
        u = urllib.parse.urlsplit(base_url)
        self._mk = lambda: http.client.HTTPConnection(u.hostname, u.port, timeout=120)
        self.conn = self._mk()

    def get(self, path: str, headers: dict | None = None) -> tuple[int, float, bytes]:
        for attempt in (0, 1):
            t = time.perf_counter()
            try:
                self.conn.request("GET", path, headers=headers or {})
                r = self.conn.getresponse()
                body = r.read()
                return r.status, time.perf_counter() - t, body
            except (OSError, Exception) as e:  # a closed keep-alive connection: open another once
                self.conn.close()
                self.conn = self._mk()
                if attempt:
                    raise e
        raise AssertionError


def capture_reads(store, fn):
    """Run fn() and return the (query, params) of every store.read it made, in order."""
    seen = []
    orig = store.read

    def spy(query, params=None, **kw):
        seen.append((query, dict(params or {})))
        return orig(query, params, **kw)
    store.read = spy
    try:
        fn()
    finally:
        store.read = orig
    return seen


@contextlib.contextmanager
def loaded_neo4j(enterprises: int, seed: int = 1, heap: str = "2g", pagecache: str = "1g", fresh: bool = False,
                 ports: tuple[int, int] | None = None, wait: int = 300):
    """A private Neo4j holding the synthetic dataset of N enterprises, loaded once with `parkgraph
    load` into a cached home (CACHE/neo4j-loaded-N-sS) and reused by later runs; started for the
    `with` block and stopped after it."""
    import shutil
    home = CACHE / f"neo4j-loaded-{enterprises}-s{seed}"
    marker = home / ".loaded"
    if fresh or not marker.exists():
        shutil.rmtree(home, ignore_errors=True)
    data = dataset(enterprises, seed)
    with local_neo4j(heap, pagecache, home=home, ports=ports, wait=wait) as srv:
        if not marker.exists():
            from parkgraph.graph.neo4j_store import Neo4jStore
            with Neo4jStore(srv.bolt_uri) as st:
                st.create_schema()
            print(f"loading {enterprises:,} enterprises into {srv.bolt_uri} (once; cached in {home}) …", file=sys.stderr, flush=True)
            r = run_measured(["load", str(data), "--backend", "neo4j", "--neo4j-uri", srv.bolt_uri, "--no-progress"])
            print(f"  loaded in {r['wall']:.0f} s", file=sys.stderr, flush=True)
            marker.write_text(str(time.time()))
        _rederive_pinyin(srv.bolt_uri, home)
        from parkgraph.graph.neo4j_store import Neo4jStore
        with Neo4jStore(srv.bolt_uri) as st:
            # a home loaded by an earlier version gets today's search index and its derived search
            # keys (create_schema fills what is missing; on an up-to-date home it only checks)
            t = time.perf_counter()
            st.create_schema(await_seconds=3600)
            print(f"  schema checked in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)
        yield srv


def _rederive_pinyin(bolt_uri: str, home: Path) -> None:
    """A home loaded before pinyin kept its syllables (chang-sha, 2026-12-02) gets its pinyin derived
    again, as `parkgraph load` now does, instead of a 44-minute reload: the property is derived from
    the names alone (loaders/mapping.pinyin_of) and the full-text index follows the writes."""
    marker = home / ".pinyin-syllables"
    if marker.exists():
        return
    from neo4j import GraphDatabase
    from parkgraph.loaders.mapping import pinyin_of
    t = time.perf_counter()
    with GraphDatabase.driver(bolt_uri, auth=None) as d:
        with d.session(database="neo4j") as read, d.session(database="neo4j") as write:
            batch: list[dict] = []
            n = 0
            for rec in read.run("MATCH (x) WHERE x.pinyin IS NOT NULL RETURN elementId(x) AS id, x.name_zh AS zh, x.aliases AS al"):
                batch.append({"id": rec["id"], "p": pinyin_of([rec["zh"] or "", *(rec["al"] or [])])})
                if len(batch) == 20_000:
                    write.run("UNWIND $rows AS r MATCH (x) WHERE elementId(x) = r.id SET x.pinyin = r.p", rows=batch).consume()
                    n += len(batch)
                    batch = []
            write.run("UNWIND $rows AS r MATCH (x) WHERE elementId(x) = r.id SET x.pinyin = r.p", rows=batch).consume()
            n += len(batch)
        d.execute_query("CALL db.awaitIndexes(3600)")
    marker.write_text(str(time.time()))
    print(f"  pinyin derived again on {n:,} nodes in {time.perf_counter() - t:.0f} s", file=sys.stderr, flush=True)


def loaded_ladybug(enterprises: int, seed: int = 1, fresh: bool = False) -> Path:
    """A LadybugDB file holding the synthetic dataset, loaded once (cached) with `parkgraph load`."""
    import shutil
    d = CACHE / f"ladybug-loaded-{enterprises}-s{seed}"
    db = d / "graph.lbdb"
    marker = d / ".loaded"
    if fresh or not marker.exists():
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        data = dataset(enterprises, seed)
        print(f"loading {enterprises:,} enterprises into {db} (once; cached) …", file=sys.stderr, flush=True)
        r = run_measured(["load", str(data), "--backend", "ladybug", "--db", str(db), "--no-progress"])
        print(f"  loaded in {r['wall']:.0f} s", file=sys.stderr, flush=True)
        marker.write_text(str(time.time()))
    return db
