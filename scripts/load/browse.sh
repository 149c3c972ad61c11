#!/usr/bin/env bash
# Load test of the browse pages (docs/performance.md, section "Browse"):
#   1. starts the app (Release) on $PORT (default 5191) against its own database, importing the whole study at start;
#   2. waits until /readyz reports every dataset imported;
#   3. wrk, 32 connections, for $1 seconds each on: permalinks (300 random validated errors of all datasets), dataset
#      pages (every dataset, several filters), and ImageNet filter changes (the prerendered page of each filter);
#   4. does it twice: with the page output cache (every path fetched once first, so wrk measures cache hits) and
#      without it (BrowseCache:PageSeconds=0: every request renders the page and queries the database).
# Usage: LABELERRORS_PG_PORT=… scripts/load/browse.sh [wrk-seconds]
# Environment: LOG_LEVEL (Serilog minimum level, default Warning: per-request console logging would be the bottleneck),
#   MODES (default "cached uncached"), PAGE_SECONDS (cache lifetime of the cached mode, default 120: longer than a run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
cd "$ROOT"
SECONDS_WRK=${1:-20}
PORT=${PORT:-5191}
LOG_LEVEL=${LOG_LEVEL:-Warning}
MODES=${MODES:-cached uncached}
PAGE_SECONDS=${PAGE_SECONDS:-120}
OUT=${OUT:-$ROOT/.data/load-browse}
mkdir -p "$OUT"

require_dotnet
"$ROOT/scripts/install-wrk.sh" >/dev/null
BASE_CS=$(start_local_postgres)
ensure_database "$BASE_CS" labelerrors_browse
CS="$BASE_CS;Database=labelerrors_browse"
PSQL=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
PGPORT=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$BASE_CS")

echo "Building (Release)…"
dotnet build src/LabelErrors.Web/LabelErrors.Web.csproj -c Release -nologo -v q -clp:ErrorsOnly >"$OUT/build.log" 2>&1

APP=""
stop_app() { if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; APP=""; fi; }
trap stop_app EXIT

# Args: page-cache-seconds (0 = off). Imports the study at the first start if needed.
start_app() {
  echo "Starting the app on :$PORT (page cache ${1}s; imports the study at start if needed)…"
  (
    cd src/LabelErrors.Web
    ConnectionStrings__LabelErrors="$CS" Database__MigrateOnStart=true Import__OnStart=true ASPNETCORE_ENVIRONMENT=Production \
      PORT=$PORT Serilog__MinimumLevel__Default=$LOG_LEVEL BrowseCache__PageSeconds="$1" exec dotnet bin/Release/net10.0/LabelErrors.Web.dll
  ) >>"$OUT/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then break; fi
    sleep 1
  done
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "the app did not become ready (see $OUT/app.log)" >&2; exit 1; }
}

: >"$OUT/app.log"
start_app 0
query() { "$PSQL" -h 127.0.0.1 -p "$PGPORT" -U postgres -d labelerrors_browse -At -c "$1"; }
query "SELECT '/d/' || d.slug || '/' || e.study_index FROM examples e JOIN datasets d ON d.id = e.dataset_id
       WHERE e.is_validated_error ORDER BY md5(e.id::text) LIMIT 300" >"$OUT/permalinks.txt"
: >"$OUT/datasets.txt"
for slug in $(query "SELECT slug FROM datasets ORDER BY sort_order"); do
  for q in "" "?scope=checked" "?k=3" "?consensus=correctable" "?sort=agreement" "?page=2"; do
    echo "/d/$slug$q" >>"$OUT/datasets.txt"
  done
done
cat >"$OUT/imagenet-filters.txt" <<'PATHS'
/d/imagenet?scope=checked
/d/imagenet?scope=checked&k=3
/d/imagenet?scope=checked&k=4&sort=agreement
/d/imagenet?scope=checked&agree=both&k=2
/d/imagenet?scope=checked&consensus=correctable,multi-label
/d/imagenet?scope=checked&given_lt=2
/d/imagenet?scope=checked&given=1
/d/imagenet?scope=all&sort=index&page=50
PATHS

run() {
  local name=$1 file=$2 mode=$3
  if [ "$mode" = cached ]; then
    # Every path once, one at a time: fills the cache (the first visitor of a page pays for its render); the
    # average printed is therefore the single-client uncached render time.
    local start end
    start=$(date +%s%N)
    while read -r path; do curl -fs -o /dev/null "http://127.0.0.1:$PORT$path"; done <"$file"
    end=$(date +%s%N)
    echo "   filled the cache: $(wc -l <"$file") pages, $(( (end - start) / 1000000 / $(wc -l <"$file") )) ms each on average (one client)"
  fi
  # Warm-up: first requests pay for JIT and cold caches; not measured.
  PATHS="$file" wrk -t2 -c8 -d3s -s scripts/load/browse-paths.lua "http://127.0.0.1:$PORT" >/dev/null
  echo "== $name, $mode ($(wc -l <"$file") paths, 32 connections, ${SECONDS_WRK}s; load average before:$(uptime | sed 's/.*load average://'))"
  PATHS="$file" wrk -t2 -c32 -d"${SECONDS_WRK}s" --timeout 10s -s scripts/load/browse-paths.lua "http://127.0.0.1:$PORT" | sed -n '/^requests/,$p'
}

for mode in $MODES; do
  stop_app
  if [ "$mode" = cached ]; then start_app "$PAGE_SECONDS"; else start_app 0; fi
  run "permalinks" "$OUT/permalinks.txt" "$mode"
  run "dataset pages" "$OUT/datasets.txt" "$mode"
  run "ImageNet filters" "$OUT/imagenet-filters.txt" "$mode"
done
