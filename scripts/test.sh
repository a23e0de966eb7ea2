#!/usr/bin/env bash
# The whole test suite: installs what it needs, starts a private Neo4j 5.26 of its own, runs pytest on
# both backends and in headless Chromium, stops what it started.
#
#   bash scripts/test.sh            everything (CI runs this)
#   bash scripts/test.sh --fast     no Neo4j, no browser, no bench: the quick loop while editing
#   bash scripts/test.sh ARGS...    extra pytest arguments (e.g. tests/graph -x)
#
# The tests only ever write to the Neo4j named by PARKGRAPH_TEST_NEO4J_URI. When it is unset, this
# script starts a server of its own (home .neo4j-test, free ports) and sets it: NEO4J_URI and a server
# that may already run on the default port are never used, so a user's data cannot be touched.
set -euo pipefail
cd "$(dirname "$0")/.."
fast=0
if [ "${1:-}" = "--fast" ]; then fast=1; shift; fi
bash scripts/setup.sh test
# Linters first: a failure stops the run before any test starts (configuration in pyproject.toml).
#   ruff      lint only (pyflakes, pycodestyle errors), never format
#   vulture   dead code at 80% confidence; framework entry points listed in scripts/vulture_whitelist.py
#   mypy      annotated functions of graph/, loaders/ and rdf/
#   node      unit tests of the front end's pure functions, Node's own runner (no dependency)
echo "== ruff" && .venv/bin/ruff check --quiet .
echo "== vulture" && .venv/bin/vulture parkgraph graph loaders web rdf ontology scripts/vulture_whitelist.py --min-confidence 80
echo "== mypy" && .venv/bin/mypy graph loaders rdf
echo "== node --test" && node --test web/frontend/test/
if [ "$fast" = 1 ]; then
  exec .venv/bin/python -m pytest -ra -m "not neo4j and not browser and not slow" "$@"
fi
home="${PARKGRAPH_TEST_NEO4J_HOME:-$PWD/.neo4j-test}"
started=0
if [ -z "${PARKGRAPH_TEST_NEO4J_URI:-}" ]; then
  read -r bolt http < <(.venv/bin/python -c '
import socket
ports = []
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0)); ports.append(s.getsockname()[1])
for s in socks:
    s.close()
print(*ports)')
  # a server left running by an interrupted earlier run in the same home is stopped first
  .venv/bin/parkgraph neo4j stop --home "$home" >/dev/null 2>&1 || true
  .venv/bin/parkgraph neo4j start --home "$home" --bolt-port "$bolt" --http-port "$http"
  started=1
  export PARKGRAPH_TEST_NEO4J_URI="bolt://127.0.0.1:$bolt"
fi
cleanup() { [ "$started" = 1 ] && .venv/bin/parkgraph neo4j stop --home "$home" || true; }
trap cleanup EXIT
set +e
.venv/bin/python -m pytest -ra "$@"
rc=$?
set -e
# pytest exits 5 when it collected no test: that is a failure here, never a pass.
exit $rc
