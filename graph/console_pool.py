"""The parent side of the console's worker processes: the pool, its deadline and memory watch, and
replacement of killed workers (see console_worker.py for the whole design)."""
from __future__ import annotations

import json
import logging
import os
import pickle
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from parkgraph.errors import BackendUnavailable, ParkGraphError, QueryError, QueryTimeout

from .result import QueryResult

from .console_proto import (_ERRORS, _HEADER, CPU_BUDGET, POLL, START_TIMEOUT, _deadline, _loads,  # noqa: F401
                            _rss, _send, db_files, db_signature)

log = logging.getLogger("parkgraph.console")



class _Worker:
    def __init__(self, cfg: dict):
        self.sig = db_signature(Path(cfg["db"]))
        self.proc = subprocess.Popen([sys.executable, "-m", "parkgraph.graph.console_worker", json.dumps(cfg)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None,
                                     close_fds=True, start_new_session=True, env=_worker_env())
        self.queries = 0
        self.layers: dict[str, str] = {}

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        for fh in (self.proc.stdin, self.proc.stdout):
            try:
                fh.close()
            except OSError:
                pass

    def send(self, obj: Any) -> None:
        _send(self.proc.stdin, obj)

    def recv(self, deadline: float, rss_cap: int | None, max_bytes: int) -> Any:
        """The next message, read before `deadline` (monotonic), the worker's RSS under `rss_cap`."""
        fd = self.proc.stdout.fileno()
        buf = bytearray()
        need = _HEADER.size
        length = None
        while True:
            now = time.monotonic()
            if now >= deadline:
                raise _Expired("time")
            r, _, _ = select.select([fd], [], [], min(POLL, deadline - now))
            if rss_cap and _rss(self.pid) > rss_cap:
                raise _Expired("memory")
            if not r:
                continue
            chunk = os.read(fd, min(1 << 20, need - len(buf)))
            if not chunk:
                raise _Died(self.proc.poll())
            buf += chunk
            if len(buf) < need:
                continue
            if length is None:
                (length,) = _HEADER.unpack(bytes(buf))
                if length > max_bytes:
                    raise _Expired("size")
                buf.clear()
                need = length
                if need == 0:
                    return _loads(b"")
                continue
            return _loads(bytes(buf))


# What a worker needs of the environment; credentials (NEO4J_PASSWORD, PARKGRAPH_WRITE_TOKEN, cloud
# keys) stay out of a process that runs strangers' queries.
_ENV_KEEP = ("PATH", "LANG", "LANGUAGE", "TZ", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "TMPDIR")


def _worker_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k in _ENV_KEEP or k.startswith("LC_")}


class _Expired(Exception):
    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


class _Died(Exception):
    def __init__(self, code: int | None):
        super().__init__(code)
        self.code = code


class ConsolePool:
    """A pool of confined worker processes for console queries on one LadybugDB database."""

    def __init__(self, db_path: str | Path, *, workers: int = 2, memory_mb: int = 1024, max_response_mb: int = 32,
                 buffer_pool_mb: int = 0, _checks: bool = True):
        self.db_path = Path(db_path).resolve()
        self.size = max(1, int(workers))
        self.memory_bytes = int(memory_mb) * 2**20
        self.max_bytes = int(max_response_mb) * 2**20
        # the engine's page cache lives inside the worker: half its memory unless set lower, and never
        # under 512 MB — a variable-length match reserves its buffers up front: `MATCH (a:Park)-[*
        # TRAIL 1..2]-(b) RETURN count(*)` (591 rows on the bundled data) fails with 256 MB, runs with 512
        bp = self.memory_bytes // 2
        if buffer_pool_mb:
            bp = min(bp, int(buffer_pool_mb) * 2**20)
        self.buffer_pool = max(512 * 2**20, bp)
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._live = 0
        self._closed = False
        self._warned = False
        self.kills = 0  # workers killed at their deadline or memory cap (for tests and logs)
        self._all: set[_Worker] = set()
        # False only in tests that prove the sandbox holds by itself: the worker then skips the
        # token and plan checks and runs the query as given (still confined)
        self._checks = _checks

    # the worker's RSS may reach the page cache plus the memory cap before the parent kills it
    @property
    def rss_cap(self) -> int:
        return self.memory_bytes + self.buffer_pool

    def _config(self) -> dict:
        size = sum(p.stat().st_size for p in db_files(self.db_path))
        max_db = 1 << 28
        while max_db < 2 * size + (1 << 26):
            max_db <<= 1
        return {"db": str(self.db_path), "memory_bytes": self.memory_bytes, "buffer_pool": self.buffer_pool,
                "max_db_size": max_db, "max_bytes": self.max_bytes, "checks": self._checks}

    def _spawn(self) -> _Worker:
        if not self.db_path.exists():
            raise BackendUnavailable(f"no LadybugDB database at {self.db_path}")
        w = _Worker(self._config())
        try:
            msg = w.recv(time.monotonic() + START_TIMEOUT, None, 1 << 20)
        except (_Expired, _Died, OSError, pickle.UnpicklingError) as e:
            w.kill()
            raise BackendUnavailable(f"a console worker could not start ({type(e).__name__}: {e})",
                                     hint="See the server's log for the worker's error.") from None
        if not msg.get("ready"):
            w.kill()
            raise BackendUnavailable(f"a console worker could not open the database: {msg.get('error')}")
        w.layers = msg.get("layers", {})
        self._report(w.layers)
        self._all.add(w)
        return w

    def _report(self, layers: dict[str, str]) -> None:
        from parkgraph import sandbox
        text = sandbox.layers_report(layers)
        if text and not self._warned:
            self._warned = True
            log.warning("console workers: %s", text)
            print(f"parkgraph console: {text}", file=sys.stderr, flush=True)

    def layers(self) -> dict[str, str]:
        """The sandbox layers of a worker (starting one if needed): which are enforced on this machine."""
        w = self._acquire(START_TIMEOUT)
        try:
            return dict(w.layers)
        finally:
            self._release(w)

    def _acquire(self, wait: float) -> _Worker:
        if self._closed:
            raise BackendUnavailable("the console is shut down")
        sig = db_signature(self.db_path)
        end = time.monotonic() + wait
        while True:
            try:
                w = self._idle.get_nowait()
            except queue.Empty:
                w = None
                with self._lock:
                    if self._live < self.size:
                        self._live += 1
                        spawn = True
                    else:
                        spawn = False
                if spawn:
                    try:
                        w = self._spawn()
                    except BaseException:
                        with self._lock:
                            self._live -= 1
                        raise
                    # the rest of the pool starts in the background, so that a worker killed later
                    # has a spare ready instead of a ~1 s start-up in the next request's way
                    threading.Thread(target=self._fill, name="console-worker-fill", daemon=True).start()
                    return w
                try:
                    w = self._idle.get(timeout=max(0.01, end - time.monotonic()))
                except queue.Empty:
                    raise QueryTimeout(f"every console worker was busy for {wait:g} s; try again",
                                       hint="Long queries by other users hold the workers; PARKGRAPH_CONSOLE_WORKERS sets how many there are.") from None
            if w.alive() and w.sig == sig and _cpu_used(w) < CPU_BUDGET / 2:
                return w
            self._discard(w, respawn=False)
            with self._lock:
                self._live += 1
            try:
                return self._spawn()
            except BaseException:
                with self._lock:
                    self._live -= 1
                raise

    def _release(self, w: _Worker) -> None:
        if self._closed:
            w.kill()
            self._all.discard(w)
            return
        self._idle.put(w)

    def _discard(self, w: _Worker, *, respawn: bool) -> None:
        w.kill()
        self._all.discard(w)
        with self._lock:
            self._live -= 1
        if respawn and not self._closed:
            threading.Thread(target=self._refill, name="console-worker-respawn", daemon=True).start()

    def _fill(self) -> None:
        while not self._closed and self._live < self.size:
            before = self._live
            self._refill()
            if self._live <= before:
                return

    def _refill(self) -> None:
        with self._lock:
            if self._live >= self.size or self._closed:
                return
            self._live += 1
        try:
            w = self._spawn()
        except ParkGraphError as e:
            with self._lock:
                self._live -= 1
            log.warning("console worker respawn failed: %s", e.message)
            return
        self._release(w)

    def run(self, query: str, params: dict | None, timeout: float, max_rows: int | None) -> QueryResult:
        t0 = time.perf_counter()
        w = self._acquire(max(timeout, 5.0))
        try:
            w.send({"query": query, "params": params or {}, "timeout": timeout, "max_rows": max_rows})
            msg = w.recv(time.monotonic() + _deadline(timeout), self.rss_cap, self.max_bytes + 4096)
        except _Expired as e:
            self.kills += 1
            self._discard(w, respawn=True)
            if e.what == "time":
                raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped",
                                   hint="Add a LIMIT or narrow the MATCH.") from None
            if e.what == "size":
                raise QueryError(f"the result is larger than {self.max_bytes // 2**20} MB and was not sent",
                                 hint="Return fewer or smaller values (PARKGRAPH_CONSOLE_MAX_RESPONSE_MB).") from None
            raise QueryError(f"the query needed more than the console's memory limit ({self.memory_bytes // 2**20} MB) "
                             "and was stopped", hint="Aggregate instead of building large lists or strings.") from None
        except (_Died, OSError, pickle.UnpicklingError) as e:
            self.kills += 1
            code = getattr(e, "code", None)
            self._discard(w, respawn=True)
            raise QueryError(_death_message(code, self.memory_bytes),
                             hint="Aggregate instead of building large lists or strings.") from None
        except BaseException:
            self._discard(w, respawn=True)
            raise
        w.queries += 1
        if msg.get("exit"):
            # the worker answered but its state is suspect (it ran out of memory): it exits by itself
            self._discard(w, respawn=True)
        else:
            self._release(w)
        if not msg.get("ok"):
            err = msg.get("error") or {}
            cls = _ERRORS.get(err.get("type"), QueryError)
            raise cls(str(err.get("message") or "the query failed"), hint=err.get("hint"), position=err.get("position"))
        return QueryResult(msg["columns"], msg["rows"], msg["truncated"], (time.perf_counter() - t0) * 1000,
                           "ladybug", max_rows)

    def pids(self) -> list[int]:
        """Process ids of the live workers, idle or busy (for tests and monitoring)."""
        return [w.pid for w in list(self._all) if w.alive()]

    def recycle(self) -> None:
        """Replace idle workers (after a write through this process, so that they see it)."""
        while True:
            try:
                w = self._idle.get_nowait()
            except queue.Empty:
                return
            self._discard(w, respawn=False)

    def close(self) -> None:
        self._closed = True
        self.recycle()


def _cpu_used(w: _Worker) -> float:
    try:
        with open(f"/proc/{w.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _death_message(code: int | None, memory_bytes: int) -> str:
    mb = memory_bytes // 2**20
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        return "the query used more CPU time than the console allows and was stopped"
    if code == -signal.SIGABRT or code == 3:
        return f"the query needed more than the console's memory limit ({mb} MB) and was stopped"
    return (f"the engine stopped while running the query (exit {code}); it may have needed more than the console's "
            f"memory limit ({mb} MB). The server is unaffected")
