#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, and
# analyze the bundled example corpus into marsad.db, printing a readable
# summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
./build/apps/marsad/marsad --db marsad.db analyze examples/corpus --format text --store
# Stories across outlets, then offer the analyst's web UI on this corpus.
./build/apps/marsad/marsad --db marsad.db --quiet stories --limit 5 || true
if [ -t 0 ] && [ -t 1 ] && command -v npm >/dev/null 2>&1; then
  read -r -p "Open the web UI on the example corpus at http://127.0.0.1:8080/ ? [y/N] " answer || answer=n
  if [[ "$answer" == [yY]* ]]; then
    scripts/build-web.sh
    if command -v xdg-open >/dev/null 2>&1; then (sleep 1; xdg-open http://127.0.0.1:8080/ >/dev/null 2>&1 || true) & fi
    echo "Ctrl-C stops the server."
    exec ./build/apps/marsad/marsad --db marsad.db serve
  fi
else
  echo "Browse it: scripts/build-web.sh && ./build/apps/marsad/marsad --db marsad.db serve  (then open http://127.0.0.1:8080/)"
fi
