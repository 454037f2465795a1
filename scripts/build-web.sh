#!/usr/bin/env bash
# Builds the web UI (web/) into web/dist, which `marsad serve` serves.
# Needs node + npm (scripts/install-deps.sh); packages come from the npm
# registry via package-lock.json. The build output is not committed.
set -euo pipefail
cd "$(dirname "$0")/../web"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npx vite build --logLevel warn
echo "web UI built into web/dist"
