#!/usr/bin/env bash
# Configures and builds marsad with CMake + Ninja.
#   scripts/build.sh [release|asan] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"; shift || true
case "$preset" in
  release) dir=build; args=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan)    dir=build-asan; args=(-DCMAKE_BUILD_TYPE=Debug -DMARSAD_SANITIZE=ON -DMARSAD_BUILD_BENCH=OFF) ;;
  *) echo "usage: scripts/build.sh [release|asan]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" -G Ninja "${args[@]}" "$@" >/dev/null
# Two cores and a few large translation units: keep parallelism modest.
cmake --build "$dir" -j "${MARSAD_JOBS:-$(nproc)}"
