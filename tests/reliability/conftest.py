"""Fixtures for the reliability suite: a canary file (and a loopback URL serving it) that no answer may
ever contain, the fixture graph once per module on each backend, a real threaded HTTP server around
the Flask app, and a private Neo4j for the tests that stop or kill it."""
from __future__ import annotations

import http.server
import os
import secrets
import shutil
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from parkgraph.fixture import write_fixture
from parkgraph.loaders import load_paths
from parkgraph.settings import Settings

from ..conftest import BACKENDS, BASE, make_store

HERE = Path(__file__).resolve().parent
CORPUS_TIMEOUT = 1.0  # seconds: every corpus query runs with this limit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Canary:
    token: str
    path: Path
    url: str
    copies: list[Path] = field(default_factory=list)
    hits: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def fill(self, text: str) -> str:
        return (text.replace("{canary}", str(self.path)).replace("{canary_name}", self.name)
                .replace("{http}", self.url))

    def assert_absent(self, *texts: object) -> None:
        for t in texts:
            assert self.token not in str(t), f"the canary's contents leaked into an answer: {str(t)[:300]}"


@pytest.fixture(scope="session")
def canary(tmp_path_factory):
    """A file under /tmp with a random secret in it, a copy in the Neo4j import folder (where
    `LOAD CSV FROM 'file:///…'` looks), and a loopback HTTP server that answers every request with it."""
    token = "CANARY-" + secrets.token_hex(12)
    path = Path("/tmp") / f"parkgraph-canary-{secrets.token_hex(4)}.csv"
    body = f"secret\n{token}\n"
    path.write_text(body)
    copies = []
    homes = {os.environ.get("PARKGRAPH_NEO4J_HOME"), str(Settings.from_env().neo4j_home)}
    for home in filter(None, homes):
        imp = Path(home) / "import"
        if imp.is_dir():
            (imp / path.name).write_text(body)
            copies.append(imp / path.name)
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self):
            hits.append(f"{self.command} {self.path}")
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/csv")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_HEAD = _answer

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    c = Canary(token, path, f"http://127.0.0.1:{srv.server_address[1]}/{path.name}", copies, hits)
    yield c
    srv.shutdown()
    srv.server_close()
    path.unlink(missing_ok=True)
    for p in copies:
        p.unlink(missing_ok=True)
    for leftover in ("/tmp/parkgraph-exfil.csv", "/tmp/parkgraph-exfil.parquet", "/tmp/parkgraph-export",
                     "/tmp/parkgraph-other.lbdb"):
        assert not Path(leftover).exists(), f"a hostile query wrote {leftover}"


@pytest.fixture(scope="module", params=BACKENDS)
def hostile_store(request, tmp_path_factory):
    """The fixture graph on each backend, loaded once per module. LadybugDB is opened for writing,
    so only the console guard stands between a hostile query and the data."""
    tmp = tmp_path_factory.mktemp(f"hostile-{request.param}")
    s = make_store(request.param, tmp, request)
    write_fixture(tmp / "fixture")
    load_paths([tmp / "fixture"], s, BASE, progress=False)
    s.query_timeout = CORPUS_TIMEOUT
    yield s
    s.close()


def load_corpus(name: str) -> list[dict]:
    entries = yaml.safe_load((HERE / name).read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    return entries


class LiveServer:
    """The Flask app on a real threaded werkzeug server on 127.0.0.1 (a free port), in a thread."""

    def __init__(self, app):
        from werkzeug.serving import make_server
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 60.0) -> tuple[int, dict, bytes]:
        import http.client
        conn = http.client.HTTPConnection("127.0.0.1", self.server.server_port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()


def app_for(store, **settings):
    from parkgraph.web import create_app
    s = Settings.from_env({"backend": store.engine, "db_path": str(getattr(store, "path", "/nonexistent/unused.lbdb")),
                           "neo4j_uri": getattr(store, "uri", None), "query_timeout": store.query_timeout, **settings})
    return create_app({"SETTINGS": s, "STORE": store, "TESTING": False})


def rmtree(p: Path) -> None:
    shutil.rmtree(p, ignore_errors=True)
