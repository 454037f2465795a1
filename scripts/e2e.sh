#!/usr/bin/env bash
# End-to-end browser tests of the web UI (tests/e2e, Playwright driving
# Debian's chromium; no browser download):
#   1. npm ci + vite build of web/
#   2. a store from ../shared/seeds + examples/corpus, with stories
#   3. `marsad serve` on a free loopback port
#   4. node --test tests/e2e/*.test.mjs, screenshots in build/e2e-screenshots/
# Usage: scripts/e2e.sh [BUILD_DIR]   (default: build; MARSAD_BIN overrides the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${1:-${MARSAD_BUILD_DIR:-build}}
BIN=${MARSAD_BIN:-$BUILD_DIR/apps/marsad/marsad}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
SEEDS=${MARSAD_SEEDS:-$ROOT/../shared/seeds}

skip() { echo "e2e: skipped: $*"; exit 0; }
command -v node >/dev/null || skip "node is not installed (scripts/install-deps.sh)"
command -v npm >/dev/null || skip "npm is not installed (scripts/install-deps.sh)"
[ -x "$CHROMIUM" ] || skip "$CHROMIUM is missing (apt-get install chromium)"
[ -x "$BIN" ] || { echo "e2e: $BIN not built" >&2; exit 1; }
[ -d "$SEEDS" ] || skip "no seed articles at $SEEDS"

scripts/build-web.sh

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

DB=$WORK/e2e.db
"$BIN" --quiet --db "$DB" ingest "$SEEDS" examples/corpus >/dev/null
"$BIN" --quiet --db "$DB" stories --limit 5 >/dev/null

"$BIN" --db "$DB" serve --port 0 --assets web/dist --rate 0 >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
PORT=
for _ in $(seq 1 100); do
  PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.log" | head -1)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "e2e: server did not start" >&2; cat "$WORK/serve.log" >&2; exit 1; }

mkdir -p "$BUILD_DIR/e2e-screenshots"
export MARSAD_URL="http://127.0.0.1:$PORT"
export MARSAD_SEEDS_DIR="$SEEDS"
export CHROMIUM
export SCREENSHOT_DIR="$ROOT/$BUILD_DIR/e2e-screenshots"
case "$BUILD_DIR" in /*) SCREENSHOT_DIR="$BUILD_DIR/e2e-screenshots" ;; esac
timeout 300 node --test --test-concurrency=1 tests/e2e/
echo "e2e: screenshots in $SCREENSHOT_DIR"
