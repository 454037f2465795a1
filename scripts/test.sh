#!/usr/bin/env bash
# Install what is missing, build, and run the test suite. With CI=true (or
# MARSAD_ASAN=1) the suite runs a second time under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
(cd build && ctest --output-on-failure -j "$(nproc)" --timeout 600)
scripts/e2e.sh build  # browser tests of the UI; prints why when skipped (no npm/chromium/seeds)
if [ "${CI:-}" = true ] || [ "${MARSAD_ASAN:-0}" = 1 ]; then
  scripts/build.sh asan
  (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     ctest --output-on-failure -j "$(nproc)" --timeout 900)
fi
