#!/usr/bin/env bash
# Installs the Debian 12 packages marsad needs, only those that are missing.
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config git python3
  libicu-dev libsqlite3-dev sqlite3 nlohmann-json3-dev libcli11-dev
  libcpp-httplib-dev libgumbo-dev libxml2-dev zlib1g-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  chromium
)
# Load testing of `marsad serve` (scripts/bench-serve.sh), opt-in: not for CI.
if [ "${MARSAD_BENCH_DEPS:-0}" = 1 ]; then
  PKGS+=(wrk)
fi
# The web UI is built with npm; use the machine's Node.js when it has one.
if ! command -v npm >/dev/null 2>&1; then
  PKGS+=(nodejs npm)
fi
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "marsad: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
