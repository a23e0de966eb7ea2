"""Start SPARQL workers in milliseconds: a template process that has imported pyoxigraph and rdflib and
built the SPARQL grammar once, and forks a worker on request.

A fresh `python -m parkgraph.rdf.sparql_worker` needs 1-3 s to import and build the grammar on a busy
machine; after a run of killed runaway queries every worker could be starting at once and the next
query would wait for one. A forked child starts from the template's memory instead. The template is
single-threaded (so forking it is safe) and runs no query itself; each child confines itself
(parkgraph.sandbox) before it opens the snapshot, exactly like a worker started from scratch.

The server hands the template the child's pipes over a UNIX socket (SCM_RIGHTS) and gets back a
pidfd, so that killing a child can never hit a reused pid. Where any of this is missing (not Linux,
no pidfd), `Zygote.start()` returns None and workers are started as plain subprocesses.
"""
from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import threading


class ZygoteChild:
    """The parts of Popen that the pool uses, for a worker forked by the template."""

    def __init__(self, pid: int, pidfd: int, stdin, stdout):
        self.pid, self.pidfd, self.stdin, self.stdout = pid, pidfd, stdin, stdout
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None and select.select([self.pidfd], [], [], 0)[0]:
            self.returncode = -1  # exited; the template reaps it, so the status is not known here
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            if not select.select([self.pidfd], [], [], timeout)[0]:
                raise subprocess.TimeoutExpired(f"worker {self.pid}", timeout)
            self.returncode = -1
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            try:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def close(self) -> None:
        try:
            os.close(self.pidfd)
        except OSError:
            pass


class Zygote:
    _lock = threading.Lock()
    _current: "Zygote | None" = None

    def __init__(self):
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock = parent
        self.proc = subprocess.Popen([sys.executable, "-m", "parkgraph.rdf.sparql_zygote", str(child.fileno())],
                                     pass_fds=[child.fileno()], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        child.close()

    @classmethod
    def start(cls) -> "Zygote | None":
        """The process-wide template (started on first use, restarted if it died), or None."""
        if not (hasattr(os, "pidfd_open") and hasattr(signal, "pidfd_send_signal") and hasattr(socket, "send_fds")):
            return None
        with cls._lock:
            if cls._current is None or cls._current.proc.poll() is not None:
                cls._current = cls()
            return cls._current

    def spawn(self, args: list[str], stdin_fd: int, stdout_fd: int, stderr_fd: int, timeout: float = 60.0) -> tuple[int, int]:
        """Fork a worker with these fds as its 0, 1, 2; return (pid, pidfd)."""
        with self._lock:
            socket.send_fds(self.sock, [json.dumps(args).encode()], [stdin_fd, stdout_fd, stderr_fd])
            if not select.select([self.sock], [], [], timeout)[0]:
                raise OSError("the SPARQL worker template did not answer")
            msg, fds, _, _ = socket.recv_fds(self.sock, 4096, 1)
        if not msg or not fds:
            raise OSError("the SPARQL worker template is gone")
        return json.loads(msg)["pid"], fds[0]


def main(sock_fd: int) -> int:
    sock = socket.socket(fileno=sock_fd)
    from . import sparql_guard, sparql_worker  # imported once here, shared by every fork
    import pyoxigraph  # noqa: F401
    sparql_guard.check("ASK { ?s ?p ?o }")  # builds rdflib's grammar and its caches before any fork
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the workers: no zombies
    while True:
        try:
            msg, fds, _, _ = socket.recv_fds(sock, 4096, 3)
        except OSError:
            return 0
        if not msg or len(fds) != 3:
            return 0  # the server is gone
        args = json.loads(msg)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                sock.close()
                for i, fd in enumerate(fds):
                    os.dup2(fd, i)
                    os.close(fd)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                code = sparql_worker.main(args)
            finally:
                os._exit(code or 0)
        for fd in fds:
            os.close(fd)
        pidfd = os.pidfd_open(pid)
        try:
            socket.send_fds(sock, [json.dumps({"pid": pid}).encode()], [pidfd])
        finally:
            os.close(pidfd)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
