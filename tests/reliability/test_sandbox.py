"""parkgraph.sandbox: each layer proven from a child process (a confined process cannot be un-confined,
so the test process itself stays free).

The canaries are real: a file outside the allowed paths, a TCP server on loopback, an allocation past
the cap. A layer the kernel lacks must be reported as unavailable, never silently claimed.
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import threading

import pytest

from parkgraph import sandbox

CHILD = textwrap.dedent("""
    import json, os, socket, sys
    from parkgraph import sandbox
    args = json.loads(sys.argv[1])
    layers = sandbox.confine(read_paths=args["read"], write_paths=args["write"],
                             memory_bytes=args["mem"], cpu_seconds=args["cpu"])
    out = {"layers": layers, "report": sandbox.layers_report()}

    def attempt(name, fn):
        try:
            fn()
            out[name] = "ok"
        except MemoryError:
            out[name] = "MemoryError"
        except OSError as e:
            out[name] = f"OSError {e.errno}"

    attempt("read_allowed", lambda: open(args["allowed_file"]).read())
    attempt("read_canary", lambda: open(args["canary"]).read())
    attempt("list_canary_dir", lambda: os.listdir(os.path.dirname(args["canary"])))
    attempt("write_allowed", lambda: open(os.path.join(args["write"][0], "w.txt"), "w").write("x"))
    attempt("write_outside", lambda: open(args["forbidden_write"], "w").write("x"))
    attempt("connect", lambda: socket.create_connection(("127.0.0.1", args["port"]), timeout=2).close())
    attempt("bind", lambda: socket.socket().bind(("127.0.0.1", 0)))
    attempt("small_alloc", lambda: bytearray(10 * 2**20))
    attempt("big_alloc", lambda: bytearray(args["mem"] * 2))
    attempt("import_stdlib_later", lambda: __import__("decimal"))
    print(json.dumps(out))
""")


@pytest.fixture
def canary_server():
    """A loopback TCP server that records any connection it receives."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    srv.settimeout(0.2)
    hits: list[str] = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                c, _ = srv.accept()
            except OSError:
                continue
            hits.append("connected")
            c.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    yield srv.getsockname()[1], hits
    stop.set()
    t.join(2)
    srv.close()


def run_child(args: dict) -> dict:
    p = subprocess.run([sys.executable, "-c", CHILD, json.dumps(args)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout.strip().splitlines()[-1])


def test_confined_child_cannot_read_canary_connect_or_overallocate(tmp_path, canary_server):
    port, hits = canary_server
    allowed = tmp_path / "db"
    allowed.mkdir()
    (allowed / "data.txt").write_text("allowed")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "canary.txt").write_text("CANARY-7c1f")
    writable = tmp_path / "out"
    writable.mkdir()
    # the canary server is reachable before confinement (else the test proves nothing)
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    mem = 512 * 2**20
    out = run_child({"read": [str(allowed)], "write": [str(writable)], "mem": mem, "cpu": 30,
                     "allowed_file": str(allowed / "data.txt"), "canary": str(secret / "canary.txt"),
                     "forbidden_write": str(secret / "new.txt"), "port": port})
    layers = out["layers"]
    assert sandbox.landlock_abi() >= 4, "this machine's kernel should offer Landlock ABI >= 4"
    for layer in ("memory", "cpu", "netns", "landlock_fs", "landlock_net"):
        assert layers[layer].startswith("enforced"), (layer, layers[layer])
    assert out["read_allowed"] == "ok"
    assert out["read_canary"] == "OSError 13"
    assert out["list_canary_dir"] == "OSError 13"
    assert out["write_allowed"] == "ok"
    assert out["write_outside"] == "OSError 13"
    assert not (secret / "new.txt").exists()
    assert out["connect"].startswith("OSError")
    assert out["bind"].startswith("OSError")
    assert out["small_alloc"] == "ok"
    assert out["big_alloc"] == "MemoryError"
    assert out["import_stdlib_later"] == "ok"
    assert len(hits) == 1  # only the parent's own probe above


def test_landlock_alone_denies_tcp_when_no_namespace(tmp_path, canary_server):
    """Without the network namespace (as for a non-root user), Landlock's TCP rule still blocks."""
    port, hits = canary_server
    code = textwrap.dedent(f"""
        import socket
        from parkgraph import sandbox
        sandbox._CLONE_NEWNET = 0  # unshare(0) is a no-op: the process stays in the host namespace
        layers = sandbox.confine()
        assert layers["landlock_net"].startswith("enforced"), layers
        try:
            socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
            print("connected")
        except OSError as e:
            print("refused", e.errno)
    """)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "refused 13"
    assert hits == []


def test_threads_already_running_are_reported_not_claimed():
    code = textwrap.dedent("""
        import json, threading, time
        from parkgraph import sandbox
        threading.Thread(target=time.sleep, args=(5,), daemon=True).start()
        layers = sandbox.confine(memory_bytes=2**30)
        print(json.dumps({"layers": layers, "report": sandbox.layers_report()}))
    """)
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    out = json.loads(p.stdout)
    assert out["layers"]["memory"] == "enforced"
    assert out["layers"]["landlock_fs"].startswith("unavailable: the process already runs 2 threads")
    assert "WARNING" in out["report"] and "landlock_fs" in out["report"]


def test_report_is_empty_when_all_enforced():
    assert sandbox.layers_report({k: "enforced" for k in sandbox.LAYERS}) == ""
    assert "netns" in sandbox.layers_report({"netns": "unavailable: not root", "memory": "enforced"})
