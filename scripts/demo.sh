#!/usr/bin/env bash
# The main job on a fresh machine: install what is missing, build, and
# analyze the bundled example corpus into marsad.db, printing a readable
# summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
./build/apps/marsad/marsad --db marsad.db analyze examples/corpus --format text --store
