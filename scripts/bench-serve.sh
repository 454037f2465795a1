#!/usr/bin/env bash
# Load test of `marsad serve` with wrk (not part of CI; prints figures).
#   1. builds a store of N synthetic articles (default 100000) made by
#      scripts/synth-corpus.py (team-written templates over knowledge-base
#      places and actors: events each told by 1-7 outlets, so tens of
#      thousands of stories), ingested with story clustering;
#   2. starts `marsad serve` (rate limit off) and runs wrk from a second
#      process on loopback against the story and search endpoints: first at
#      a steady 500 requests/s with the response cache off (every request
#      computed: the acceptance load), then as fast as the server answers,
#      cache off and on (default).
# Usage: scripts/bench-serve.sh [BUILD_DIR]
#   MARSAD_BENCH_DOCS=100000  MARSAD_BENCH_SECONDS=20  MARSAD_BENCH_CONNECTIONS=16
#   MARSAD_BENCH_DB=path      reuse (or keep) the synthetic store
#   MARSAD_BENCH_RATE=500     the steady load of the first two runs
# Needs wrk: MARSAD_BENCH_DEPS=1 scripts/install-deps.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${1:-build}
BIN=${MARSAD_BIN:-$BUILD_DIR/apps/marsad/marsad}
N=${MARSAD_BENCH_DOCS:-100000}
SECONDS_PER_RUN=${MARSAD_BENCH_SECONDS:-20}
CONN=${MARSAD_BENCH_CONNECTIONS:-16}
command -v wrk >/dev/null || { echo "bench-serve: wrk missing (MARSAD_BENCH_DEPS=1 scripts/install-deps.sh)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "bench-serve: $BIN not built" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
DB=${MARSAD_BENCH_DB:-$WORK/bench.db}

if [ ! -f "$DB" ]; then
  echo "bench-serve: generating $N synthetic articles (scripts/synth-corpus.py)"
  python3 scripts/synth-corpus.py "$N" "$WORK/synthetic.jsonl"
  /usr/bin/time -f "bench-serve: ingest %e s, %M KB max RSS" "$BIN" --quiet --db "$DB" ingest "$WORK/synthetic.jsonl" | tail -1
  /usr/bin/time -f "bench-serve: stories %e s, %M KB max RSS" "$BIN" --quiet --db "$DB" stories --limit 1 >/dev/null
fi
ls -la "$DB" | awk '{print "bench-serve: store " $5/1048576 " MiB"}'

# URL lists: search queries (names, common words, pairs, facet filters)
# and stories (list pages and 2,000 random stories): enough distinct URLs
# that the response cache, when on, does not hold the whole workload at once.
python3 - "$DB" "$WORK" <<'PY'
import json, random, re, sqlite3, sys, urllib.parse
db, work = sys.argv[1], sys.argv[2]
rng = random.Random(7)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
def col(sql):
    try:
        return [r[0] for r in con.execute(sql)]
    except sqlite3.Error as e:
        print(f"bench-serve: {e}", file=sys.stderr)
        return []
# Queries as analysts type them: place and actor names (rare to common), common
# words of war news (in a large share of documents), pairs, and facet filters.
places = col("SELECT name_ar FROM entities WHERE type IN ('place','country') AND name_ar <> '' ORDER BY id")
actors = col("SELECT name_ar FROM entities WHERE type NOT IN ('place','country') AND name_ar <> '' ORDER BY id")
outlets = col("SELECT DISTINCT outlet_id FROM documents WHERE outlet_id IS NOT NULL ORDER BY 1")
common = ["قصف", "اشتباكات", "مقتل", "حصار", "مظاهرة", "غارات", "المدنيين", "القوات", "هجوم", "انسحاب"]
rng.shuffle(places)
rng.shuffle(actors)
qs = [urllib.parse.quote(q) for q in places[110:] + actors[50:] + common]
qs += [urllib.parse.quote(f"{a} {b}") for a, b in zip(common, places[80:90])]
qs += [urllib.parse.quote(q) + "&outlet=" + rng.choice(outlets) for q in places[90:110] if outlets]
qs += [urllib.parse.quote(q) + "&from=2015-01-01&to=2016-12-31" for q in common[:5] + actors[40:50]]
with open(f"{work}/search.txt", "w") as f:
    for q in qs:
        f.write("/api/search?q=" + q + "\n")
ids = col("SELECT id FROM stories ORDER BY id")
rng.shuffle(ids)
ids = ids[:2000]
with open(f"{work}/stories.txt", "w") as f:
    for off in range(0, 500, 50):
        f.write(f"/api/stories?limit=50&offset={off}\n")
    for i in ids:
        f.write("/api/stories/" + urllib.parse.quote(str(i)) + "\n")
print(f"bench-serve: {len(qs)} search URLs, {len(ids)} story URLs", file=sys.stderr)
PY
cat > "$WORK/urls.lua" <<'LUA'
-- Cycles through the URL paths listed in the file given after "--". With a
-- second argument R > 0, this thread sends R requests per second: each
-- request takes the next slot of a fixed schedule (an open-loop load, as
-- clients arriving at a steady rate), sent at once when its slot has passed
-- (a slow answer does not lower the rate); more than a second behind, the
-- schedule restarts from now and the achieved rate shows the shortfall.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } marsad_timespec;
int clock_gettime(int clock_id, marsad_timespec* ts);
]]
local ts = ffi.new("marsad_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end
local paths, i, interval, next_slot = {}, 0, 0, 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
  local rate = tonumber(args[2] or "0") or 0
  if rate > 0 then interval = 1000 / rate end
end
function delay()
  if interval == 0 then return 0 end
  local t = now_ms()
  if next_slot < t - 1000 then next_slot = t end
  local d = next_slot - t
  next_slot = next_slot + interval
  if d < 0 then return 0 end
  return d
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

run() {  # name cache_mb urls [rate]
  local name=$1 cache=$2 urls=$3 rate=${4:-0}
  "$BIN" --db "$DB" serve --port 0 --rate 0 --cache-mb "$cache" >"$WORK/serve.log" 2>&1 &
  SERVER_PID=$!
  local port=
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$WORK/serve.log" >&2; exit 1; }
  local load="as fast as it answers"
  [ "$rate" != 0 ] && load="paced at $rate requests/s"
  echo "== $name (cache ${cache} MiB, $load): wrk -t2 -c$CONN -d${SECONDS_PER_RUN}s --latency"
  # Each of wrk's 2 threads sends half the rate.
  wrk -t2 -c"$CONN" -d"${SECONDS_PER_RUN}s" --timeout 5s --latency -s "$WORK/urls.lua" \
    "http://127.0.0.1:$port" -- "$urls" "$(awk -v r="$rate" 'BEGIN { print r / 2 }')" |
    grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors|requests in"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}
# The acceptance load: a steady RATE (default 500 requests/s), cache off, so
# every request is computed. Then each endpoint as fast as the server
# answers (the capacity, and latency under saturation), with the cache off
# and on.
RATE=${MARSAD_BENCH_RATE:-500}
run "stories" 0 "$WORK/stories.txt" "$RATE"
run "search" 0 "$WORK/search.txt" "$RATE"
run "stories" 0 "$WORK/stories.txt"
run "search" 0 "$WORK/search.txt"
run "stories" 64 "$WORK/stories.txt"
run "search" 64 "$WORK/search.txt"
