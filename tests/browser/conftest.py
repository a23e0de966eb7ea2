"""Browser tests: a real `parkgraph serve` driven by Playwright through Debian's Chromium.

* Chromium is /usr/bin/chromium (or $PARKGRAPH_CHROMIUM). If it is missing the tests FAIL with the
  command that installs it; they are never skipped.
* One server per session: a free port, a temporary database loaded with the bundled data in data/
  (or, when data/ has no data files or $PARKGRAPH_TEST_DATA=fixture, the small fixture from
  parkgraph.fixture), once per backend in $PARKGRAPH_TEST_BACKENDS (default "ladybug,neo4j"; neo4j
  needs a running Neo4j, see scripts/test.sh).
* The front end must be built (web/static/vendor/); if it is not, the session builds it with npm.
* Each test saves screenshots under test-output/<test name>/ (git-ignored).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "web" / "frontend"
VENDOR = ROOT / "web" / "static" / "vendor"
OUTPUT = ROOT / "test-output"
CHROMIUM = os.environ.get("PARKGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SERVER_START_TIMEOUT = float(os.environ.get("PARKGRAPH_TEST_SERVER_TIMEOUT", "300"))

# Every page records CSP violations here, so tests can assert there are none.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push({directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample});
});
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "parkgraph", *args]


def _bundled_data_present() -> bool:
    try:
        from parkgraph.web.bootstrap import bundled_files
        return bool(bundled_files())
    except Exception:  # pragma: no cover - older trees
        data = ROOT / "data"
        return any(p.suffix in (".yaml", ".yml", ".json", ".csv") for p in data.iterdir())


def _ensure_frontend_built() -> None:
    if (VENDOR / "explorer.js").exists() and (VENDOR / "console.js").exists():
        return
    npm = shutil.which("npm")
    if not npm:
        pytest.fail("the front end is not built (web/static/vendor/ is empty) and npm is not installed: "
                    "run `npm ci --prefix web/frontend && npm run build --prefix web/frontend`", pytrace=False)
    for cmd in ([npm, "ci", "--prefix", str(FRONTEND)], [npm, "run", "build", "--prefix", str(FRONTEND)]):
        res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
        if res.returncode != 0:
            pytest.fail(f"`{' '.join(cmd)}` failed:\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}", pytrace=False)


def _get_json(url: str, timeout: float = 5.0):
    with urllib.request.urlopen(url, timeout=timeout) as r:  # loopback only
        return json.loads(r.read().decode("utf-8"))


class Server:
    def __init__(self, base: str, proc: subprocess.Popen, log: Path, backend: str, data: str):
        self.base = base
        self.proc = proc
        self.log = log
        self.backend = backend
        self.data = data  # "bundled" or "fixture"

    def url(self, path: str = "/") -> str:
        return self.base + path

    def api(self, path: str):
        return _get_json(self.base + path)


BROWSER_BACKENDS = [b for b in os.environ.get("PARKGRAPH_TEST_BACKENDS", "ladybug,neo4j").split(",") if b]


@pytest.fixture(scope="session", params=BROWSER_BACKENDS)
def server(request, tmp_path_factory):
    """A real `parkgraph serve` per backend: every browser test runs on the embedded default and on Neo4j."""
    _ensure_frontend_built()
    backend = request.param
    if backend == "neo4j":
        request.getfixturevalue("neo4j_ready")
    work = tmp_path_factory.mktemp("browser-server")
    db = work / "graph.lbdb"
    port = _free_port()
    env = {**os.environ, "PARKGRAPH_BACKEND": backend, "PYTHONUNBUFFERED": "1"}
    common = ["--backend", backend, "--db", str(db)]
    wanted = os.environ.get("PARKGRAPH_TEST_DATA", "auto")  # auto | bundled | fixture
    if wanted == "bundled" or (wanted == "auto" and _bundled_data_present()):
        data = "bundled"
        serve = _cli("serve", *common, "--port", str(port))
        if backend == "neo4j":
            # the shared test server may hold other tests' graphs: start from exactly the bundled data
            res = subprocess.run(_cli("load", *common, "--no-progress", "--replace", str(ROOT / "data")), cwd=work, env=env,
                                 capture_output=True, text=True, timeout=600)
            if res.returncode != 0:
                pytest.fail(f"loading the bundled data into Neo4j failed:\n{res.stdout}\n{res.stderr}", pytrace=False)
            serve = _cli("serve", *common, "--port", str(port), "--no-bundled")
    else:
        from parkgraph.fixture import write_fixture
        data = "fixture"
        fx = write_fixture(work / "fixture")
        load = _cli("load", *common, "--no-progress", *(["--replace"] if backend == "neo4j" else []), str(fx))
        res = subprocess.run(load, cwd=work, env=env, capture_output=True, text=True, timeout=600)
        if res.returncode != 0:
            pytest.fail(f"loading the fixture failed:\n{res.stdout}\n{res.stderr}", pytrace=False)
        serve = _cli("serve", *common, "--port", str(port), "--no-bundled")
    log = work / "serve.log"
    fh = open(log, "w", encoding="utf-8")  # closed at teardown
    proc = subprocess.Popen(serve, cwd=work, env=env, stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    info = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            fh.flush()
            pytest.fail(f"`{' '.join(serve)}` exited with {proc.returncode}:\n{log.read_text(encoding='utf-8')[-4000:]}",
                        pytrace=False)
        try:
            info = _get_json(base + "/api/info", timeout=2)
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            time.sleep(0.5)
    if info is None:
        proc.terminate()
        pytest.fail(f"the server did not answer /api/info within {SERVER_START_TIMEOUT:.0f}s:\n"
                    f"{log.read_text(encoding='utf-8')[-4000:]}", pytrace=False)
    srv = Server(base, proc, log, backend, data)
    yield srv
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    fh.close()


WAIT_MS = 20000   # what a page action or an expect() waits for before it fails


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is required for the browser tests but {CHROMIUM} does not exist: "
                    "run `apt-get install -y chromium` (or set PARKGRAPH_CHROMIUM).", pytrace=False)
    from playwright.sync_api import expect, sync_playwright
    # expect() has its own timeout (5 s by default): assertions get the budget actions have. A search on Neo4j
    # under a loaded CI took over 5 s once (2026-12-06, test_search_text_with_markup_is_escaped[neo4j])
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _test_dir(request) -> Path:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    d = OUTPUT / name
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture
def out_dir(request) -> Path:
    return _test_dir(request)


class Shots:
    def __init__(self, folder: Path):
        self.folder = folder
        self.n = 0

    def __call__(self, page, name: str, **kw) -> Path:
        self.n += 1
        path = self.folder / f"{self.n:02d}-{name}.png"
        page.screenshot(path=str(path), **kw)
        return path


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-US", accept_downloads=True)
    ctx.add_init_script(CSP_RECORDER)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context, out_dir, request):
    p = context.new_page()
    p.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    p.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    p.page_errors = errors  # type: ignore[attr-defined]
    yield p
    try:
        p.screenshot(path=str(out_dir / "final.png"))
    except Exception:  # the page may be closed already
        pass
    assert not errors, f"uncaught errors or dialogs in the page: {errors}"


@pytest.fixture
def shot(out_dir) -> Shots:
    return Shots(out_dir)


def csp_violations(page) -> list[dict]:
    return page.evaluate("window.__cspViolations || []")
