#!/usr/bin/env bash
# Fresh machine → explorer on http://127.0.0.1:5000 over the bundled dataset, embedded LadybugDB.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/parkgraph serve "$@"
