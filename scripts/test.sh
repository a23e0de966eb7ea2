#!/usr/bin/env bash
# The whole test suite: installs what it needs, starts a real Neo4j 5.26 (unless NEO4J_URI already
# answers), runs pytest on both backends and in headless Chromium, stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export NEO4J_URI="${NEO4J_URI:-bolt://127.0.0.1:7687}"
export PARKGRAPH_NEO4J_HOME="${PARKGRAPH_NEO4J_HOME:-$PWD/.neo4j-test}"
started=0
if ! .venv/bin/parkgraph neo4j status >/dev/null 2>&1; then
  .venv/bin/parkgraph neo4j start --home "$PARKGRAPH_NEO4J_HOME"
  started=1
fi
cleanup() { [ "$started" = 1 ] && .venv/bin/parkgraph neo4j stop --home "$PARKGRAPH_NEO4J_HOME" || true; }
trap cleanup EXIT
set +e
.venv/bin/python -m pytest -ra "$@"
rc=$?
set -e
# pytest exits 5 when it collected no test: that is a failure here, never a pass.
exit $rc
