#!/usr/bin/env bash
# Install everything ParkGraph needs into .venv (idempotent): Python package with test extras,
# front-end libraries from npm (lockfile) built into web/static/vendor, and — for the browser tests
# and the local Neo4j — Debian's chromium, Java 17 and Maven when missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRAS="${1:-}"
PY="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ -n "$EXTRAS" ]; then
  .venv/bin/python -m pip install -q -e ".[$EXTRAS]"
else
  .venv/bin/python -m pip install -q -e .
fi

# Front-end libraries are installed from the lockfile and bundled locally: no CDN at run time.
if [ -f web/frontend/package-lock.json ]; then
  npm ci --prefix web/frontend --no-audit --no-fund --loglevel=error
  npm run build --prefix web/frontend --silent
fi

if [ "$EXTRAS" = "test" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v mvn >/dev/null || need+=(maven)
  ls /usr/lib/jvm 2>/dev/null | grep -q -- '-17-' || need+=(openjdk-17-jre-headless)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
    else
      echo "please install: ${need[*]} (e.g. sudo apt-get install ${need[*]})" >&2
      exit 1
    fi
  fi
fi
