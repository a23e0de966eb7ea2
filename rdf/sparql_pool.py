"""A pool of SPARQL worker processes over one snapshot.

`size` queries run at once with the full time limit. One more process, the spare, takes a query
only while all `size` are busy, and gives it at most `spare_timeout` seconds: so a short query is
answered at once even while long ones hold every regular worker, and long queries cannot take the
spare for long. A query past its limit is stopped by SIGKILL on its worker — whatever the engine is
doing — and a replacement is started at once; a worker that dies (an allocation past its memory cap)
is replaced the same way. The pool never blocks on a worker in one lock: only the bookkeeping is
locked, the query itself runs outside it.
"""
from __future__ import annotations

import logging
import os
import select
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from parkgraph.errors import QueryError, QueryTimeout

from . import sparql_wire
from .sparql_zygote import Zygote, ZygoteChild

STARTUP_TIMEOUT = 60.0  # seconds a fresh worker may take to import, confine itself and open the snapshot


class WorkerGone(Exception):
    """The worker died during a query; `reason` says why as well as we can tell."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Worker:
    def __init__(self, store_path: Path, memory_mb: int, cpu_seconds: int):
        self.err = tempfile.TemporaryFile()  # the worker's stderr: a Rust "memory allocation … failed" lands here
        self.memory_mb = memory_mb
        args = [str(store_path), str(memory_mb), str(cpu_seconds)]
        self.proc = _fork_worker(args, self.err) or subprocess.Popen(
            [sys.executable, "-m", "parkgraph.rdf.sparql_worker", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err, close_fds=True)
        self.ready = False
        self.layers: dict[str, str] = {}

    def _readable(self, seconds: float) -> bool:
        r, _, _ = select.select([self.proc.stdout], [], [], max(0.0, seconds))
        return bool(r)

    def poll_ready(self, wait: float = 0.0) -> bool:
        """True once the worker has said it is ready (waits up to `wait` seconds for it)."""
        if not self.ready and self._readable(wait):
            msg = sparql_wire.recv(self.proc.stdout, 0)
            if msg is None or not msg[0].get("ready"):
                raise WorkerGone(self.death_reason())
            self.ready, self.layers = True, msg[0].get("layers", {})
            _warn_missing_layers(self.layers)
        return self.ready

    def run(self, request: dict, timeout: float, max_body: int) -> tuple[dict, bytes]:
        if not self.poll_ready(STARTUP_TIMEOUT):
            raise WorkerGone("the SPARQL worker did not start in time")
        try:
            sparql_wire.send(self.proc.stdin, request)
        except (BrokenPipeError, OSError):
            raise WorkerGone(self.death_reason()) from None
        if not self._readable(timeout):
            raise TimeoutError
        try:
            msg = sparql_wire.recv(self.proc.stdout, max_body)
        except sparql_wire.FrameError as e:
            raise WorkerGone(str(e)) from None
        if msg is None:
            raise WorkerGone(self.death_reason())
        return msg

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()  # SIGKILL: the engine cannot delay it
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        for f in (self.proc.stdin, self.proc.stdout, self.err):
            try:
                f.close()
            except OSError:
                pass
        if isinstance(self.proc, ZygoteChild):
            self.proc.close()

    def death_reason(self) -> str:
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "the SPARQL worker stopped answering"
        try:  # the allocator's message comes first, a backtrace may follow it: read both ends
            self.err.seek(0)
            tail = self.err.read(4096).decode("utf-8", "replace")
            self.err.seek(0, os.SEEK_END)
            self.err.seek(max(4096, self.err.tell() - 4096))
            tail += self.err.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            tail = ""
        if "memory allocation" in tail or "MemoryError" in tail or "bad_alloc" in tail or self.proc.returncode == -6:
            return f"the SPARQL query needed more than the {self.memory_mb} MB memory limit and was stopped"
        if self.proc.returncode in (-9, -24):  # SIGKILL at the hard RLIMIT_CPU, SIGXCPU at the soft one
            return "the SPARQL query used up its worker's CPU time and was stopped"
        return f"the SPARQL worker stopped unexpectedly (exit status {self.proc.returncode})"


def _fork_worker(args: list[str], err) -> ZygoteChild | None:
    """A worker forked from the template process (milliseconds), or None to start one from scratch."""
    zygote = Zygote.start()
    if zygote is None:
        return None
    req_r, req_w = os.pipe()
    resp_r, resp_w = os.pipe()
    try:
        pid, pidfd = zygote.spawn(args, req_r, resp_w, err.fileno())
    except OSError:
        for fd in (req_r, req_w, resp_r, resp_w):
            os.close(fd)
        return None
    os.close(req_r)
    os.close(resp_w)
    return ZygoteChild(pid, pidfd, os.fdopen(req_w, "wb"), os.fdopen(resp_r, "rb"))


_warned: set[str] = set()


def _warn_missing_layers(layers: dict[str, str]) -> None:
    """Say loudly (once per process and set of layers) when a worker's sandbox lacks a layer."""
    from parkgraph.sandbox import layers_report
    report = layers_report(layers)
    if report and report not in _warned:
        _warned.add(report)
        logging.getLogger("parkgraph.sparql").warning("SPARQL %s", report)  # stderr when nothing is configured


class WorkerPool:
    def __init__(self, store_path: Path, *, size: int, memory_mb: int, cpu_seconds: int, spare_timeout: float,
                 on_closed: Callable[[], None] | None = None):
        self.store_path = store_path
        self.size = max(1, size)
        self.memory_mb = memory_mb
        self.cpu_seconds = cpu_seconds
        self.spare_timeout = spare_timeout
        self._cond = threading.Condition()
        self._idle: list[Worker] = [self._spawn() for _ in range(self.size + 1)]
        self._running = 0
        self._live = self.size + 1
        self._retired = False
        self._on_closed = on_closed

    def _spawn(self) -> Worker:
        return Worker(self.store_path, self.memory_mb, self.cpu_seconds)

    def layers(self, wait: float = STARTUP_TIMEOUT) -> dict[str, str]:
        """The sandbox layers the workers report (waits for one worker to be ready)."""
        with self._cond:
            workers = list(self._idle)
        for w in workers:
            try:
                if w.poll_ready(wait):
                    return dict(w.layers)
            except WorkerGone:
                continue
        return {}

    def _take(self, timeout: float) -> tuple[Worker, float]:
        """An idle worker and the time limit it gets (the spare's is shorter); waits up to `timeout`."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while not self._idle:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise QueryTimeout(f"the SPARQL endpoint is busy ({self._running} queries running) and no worker "
                                       f"came free within the {timeout:g} s limit", hint="Try again in a moment.")
                self._cond.wait(left)
            # a worker that is already up first: a fresh replacement may still be starting (its "ready"
            # is read here without waiting, or the oldest replacement would be taken while it starts)
            ready = [w for w in self._idle if self._is_ready(w)]
            w = ready[0] if ready else self._idle[0]
            self._idle.remove(w)
            if not w.alive():  # died while idle (killed from outside): its replacement takes the query
                w.kill()
                w = self._spawn()
            spare = self._running >= self.size
            self._running += 1
        return w, (min(timeout, self.spare_timeout) if spare else timeout)

    @staticmethod
    def _is_ready(w: Worker) -> bool:
        try:
            return w.poll_ready(0)
        except (WorkerGone, OSError, ValueError):
            return False  # dead before it was ready: taken, it is found dead and replaced

    def _give_back(self, w: Worker, healthy: bool) -> None:
        with self._cond:
            self._running -= 1
            if healthy and not self._retired:
                self._idle.append(w)
                self._cond.notify()
                return
        w.kill()
        with self._cond:
            if not self._retired:
                self._idle.append(self._spawn())  # the replacement starts now, before anyone needs it
                self._cond.notify()
                return
            self._live -= 1
            closed = self._live == 0
        if closed and self._on_closed:
            self._on_closed()

    def run(self, request: dict, timeout: float, max_body: int) -> tuple[dict, bytes]:
        for attempt in (1, 2):
            w, limit = self._take(timeout)
            healthy = False
            try:
                header, body = w.run(request, limit, max_body)
                healthy = not (header.get("fatal") or header.get("retire"))
                if header.get("error") == "memory":
                    header = {"error": "memory", "message": f"the SPARQL query needed more than the {self.memory_mb} MB "
                              "memory limit and was stopped"}
                return header, body
            except TimeoutError:
                if limit < timeout:
                    raise QueryTimeout(f"the SPARQL query ran longer than the {limit:g} s allowed while every worker is busy "
                                       f"with long queries (the limit is {timeout:g} s otherwise), and was stopped",
                                       hint="Try again in a moment, or add a LIMIT.") from None
                raise QueryTimeout(f"the SPARQL query ran longer than the {timeout:g} s limit and was stopped",
                                   hint="Add a LIMIT or narrow the patterns.") from None
            except WorkerGone as e:
                # a worker lost for a reason of its own (neither its memory nor its CPU limit: seen once
                # in a full CI run, on the first query of a new snapshot) is replaced, and the query is
                # tried once more on the fresh worker before the user hears of it
                if attempt == 1 and "stopped unexpectedly" in e.reason:
                    continue
                raise QueryError(e.reason, hint="Add a LIMIT, or avoid building very long values.") from None
            finally:
                self._give_back(w, healthy)
        raise AssertionError("unreachable")  # pragma: no cover

    def retire(self) -> None:
        """Stop taking queries: idle workers stop now, busy ones when their query ends; then on_closed()."""
        with self._cond:
            self._retired = True
            idle, self._idle = self._idle, []
            self._live -= len(idle)
            closed = self._live == 0
        for w in idle:
            w.kill()
        if closed and self._on_closed:
            self._on_closed()
