#!/usr/bin/env bash
# Load test of `marsad serve` with wrk (not part of CI; prints figures).
#   1. builds a store of N synthetic articles (default 100000): sentences of
#      examples/corpus recombined at random (never the seeds), random outlets
#      and dates, then runs story clustering on it;
#   2. starts `marsad serve` (rate limit off) and runs wrk from a second
#      process on loopback against the story and search endpoints, with the
#      response cache off (every request computed) and on (default).
# Usage: scripts/bench-serve.sh [BUILD_DIR]
#   MARSAD_BENCH_DOCS=100000  MARSAD_BENCH_SECONDS=20  MARSAD_BENCH_CONNECTIONS=16
#   MARSAD_BENCH_DB=path      reuse (or keep) the synthetic store
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
  echo "bench-serve: generating $N synthetic articles from examples/corpus"
  python3 - "$N" "$WORK/synthetic.jsonl" <<'PY'
import glob, json, random, re, sys
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(20171119)
texts = []
for path in sorted(glob.glob("examples/corpus/*.txt")):
    raw = open(path, "rb").read()
    try:
        texts.append(raw.decode("utf-8"))
    except UnicodeDecodeError:
        texts.append(raw.decode("cp1256", errors="replace"))
for line in open("examples/corpus/wire_items.jsonl", encoding="utf-8"):
    line = line.strip()
    if line:
        texts.append(json.loads(line).get("text", ""))
sentences = []
for t in texts:
    for s in re.split(r"(?<=[.!؟])\s+|\n+", t):
        s = s.strip()
        if len(s) >= 30 and not s.startswith(("http", "www")):
            sentences.append(s)
outlets = [l.split("\t")[0] for l in open("data/outlets.tsv", encoding="utf-8")
           if l.strip() and not l.startswith("#")][1:40]
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        k = rng.randint(3, 8)
        body = rng.sample(sentences, min(k, len(sentences)))
        paras = ["\n".join(body[j:j + 2]) for j in range(0, len(body), 2)]
        y, m, d = rng.randint(2017, 2020), rng.randint(1, 12), rng.randint(1, 28)
        f.write(json.dumps({"title": body[0][:90], "outlet": rng.choice(outlets),
                            "published": f"{y}-{m:02d}-{d:02d}", "text": "\n\n".join(paras)},
                           ensure_ascii=False) + "\n")
print(f"{n} articles from {len(sentences)} sentences", file=sys.stderr)
PY
  /usr/bin/time -f "bench-serve: ingest %e s, %M KB max RSS" "$BIN" --quiet --db "$DB" ingest "$WORK/synthetic.jsonl" | tail -1
  /usr/bin/time -f "bench-serve: stories %e s, %M KB max RSS" "$BIN" --quiet --db "$DB" stories --limit 1 >/dev/null
fi
ls -la "$DB" | awk '{print "bench-serve: store " $5/1048576 " MiB"}'

# URL lists: search queries (corpus words, single and pairs, with facets)
# and stories (list pages and the 50 largest stories).
python3 - "$DB" "$WORK" <<'PY'
import json, random, re, sqlite3, sys, urllib.parse
db, work = sys.argv[1], sys.argv[2]
rng = random.Random(7)
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
words = set()
for (body,) in con.execute("SELECT body FROM documents LIMIT 300"):
    for w in re.findall(r"[\u0621-\u064A]{4,}", body):
        words.add(w)
words = sorted(words)
rng.shuffle(words)
qs = words[:150] + [f"{a} {b}" for a, b in zip(words[150:200], words[200:250])]
with open(f"{work}/search.txt", "w") as f:
    for q in qs:
        f.write("/api/search?q=" + urllib.parse.quote(q) + "\n")
try:
    ids = [r[0] for r in con.execute("SELECT id FROM stories ORDER BY rowid LIMIT 50")]
except sqlite3.Error:
    ids = []
with open(f"{work}/stories.txt", "w") as f:
    for off in range(0, 200, 50):
        f.write(f"/api/stories?limit=50&offset={off}\n")
    for i in ids:
        f.write("/api/stories/" + urllib.parse.quote(str(i)) + "\n")
print(f"bench-serve: {len(qs)} search URLs, {len(ids)} story URLs", file=sys.stderr)
PY
cat > "$WORK/urls.lua" <<'LUA'
-- Cycles through the URL paths listed in the file given after "--".
local paths, i = {}, 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

run() {  # name cache_mb urls
  local name=$1 cache=$2 urls=$3
  "$BIN" --db "$DB" serve --port 0 --rate 0 --threads 8 --cache-mb "$cache" >"$WORK/serve.log" 2>&1 &
  SERVER_PID=$!
  local port=
  for _ in $(seq 1 100); do
    port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/serve.log" | head -1)
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$WORK/serve.log" >&2; exit 1; }
  echo "== $name (cache ${cache} MiB): wrk -t2 -c$CONN -d${SECONDS_PER_RUN}s --latency"
  wrk -t2 -c"$CONN" -d"${SECONDS_PER_RUN}s" --timeout 5s --latency -s "$WORK/urls.lua" \
    "http://127.0.0.1:$port" -- "$urls" | grep -E "Requests/sec|Latency|50%|90%|99%|Non-2xx|Socket errors|requests in"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}
run "stories" 0 "$WORK/stories.txt"
run "search" 0 "$WORK/search.txt"
run "stories" 64 "$WORK/stories.txt"
run "search" 64 "$WORK/search.txt"
