#!/usr/bin/env bash
# Load and memory test of the image endpoint (docs/performance.md, section "Images").
#   1. imports MNIST into a scratch database (labelerrors_load) with the real importer;
#   2. starts the app (Release) on $PORT (default 5190) against it;
#   3. wrk, 32 connections, on one cached image (and on cached images spread over 1,000 ids);
#   4. fetches every MNIST image once at every size (40,000 cold renders) while sampling the app's RSS.
# Usage: LABELERRORS_PG_PORT=… scripts/load/images.sh [wrk-seconds]
# Environment: CACHE_MB (Content:MemoryCacheMegabytes, default 128), LOG_LEVEL (Serilog minimum level, default
# Warning: at Information every request is logged to the console, which is then the bottleneck), SWEEPS (default 1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
cd "$ROOT"
SECONDS_WRK=${1:-15}
PORT=${PORT:-5190}
CACHE_MB=${CACHE_MB:-128}
LOG_LEVEL=${LOG_LEVEL:-Warning}
SWEEPS=${SWEEPS:-1}
OUT=${OUT:-$ROOT/.data/load}
mkdir -p "$OUT"

require_dotnet
"$ROOT/scripts/install-wrk.sh" >/dev/null
BASE_CS=$(start_local_postgres)
ensure_database "$BASE_CS" labelerrors_load
CS="$BASE_CS;Database=labelerrors_load"

echo "Building (Release)…"
dotnet build src/LabelErrors.Web/LabelErrors.Web.csproj -c Release -nologo -v q -clp:ErrorsOnly >"$OUT/build.log" 2>&1
dotnet build benchmarks/LabelErrors.Benchmarks/LabelErrors.Benchmarks.csproj -c Release -nologo -v q -clp:ErrorsOnly >>"$OUT/build.log" 2>&1
echo "Importing MNIST…"
dotnet benchmarks/LabelErrors.Benchmarks/bin/Release/net10.0/LabelErrors.Benchmarks.dll seed "$CS" mnist

echo "Starting the app on :$PORT (memory cache $CACHE_MB MB, log level $LOG_LEVEL)…"
(
  cd src/LabelErrors.Web
  ConnectionStrings__LabelErrors="$CS" Database__MigrateOnStart=true ASPNETCORE_ENVIRONMENT=Production PORT=$PORT \
    Serilog__MinimumLevel__Default=$LOG_LEVEL Content__MemoryCacheMegabytes=$CACHE_MB exec dotnet bin/Release/net10.0/LabelErrors.Web.dll
) >"$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://localhost:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 1
done
rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$APP/status"; }
echo "RSS after start: $(rss) MB"

URL="http://localhost:$PORT/img/mnist/247.png?size=256&v=1"
curl -fs -o /dev/null "$URL"
echo "== wrk: one cached image, 32 connections, ${SECONDS_WRK}s"
wrk -t2 -c32 -d"${SECONDS_WRK}s" --latency "$URL" | tee "$OUT/wrk-one.txt"

cat >"$OUT/spread.lua" <<'LUA'
-- 1,000 different cached images (ids 0..999 at 256 px), round-robin per connection.
local i = 0
request = function()
  i = (i + 1) % 1000
  return wrk.format("GET", "/img/mnist/" .. i .. ".png?size=256&v=1")
end
LUA
for i in $(seq 0 999); do echo "http://localhost:$PORT/img/mnist/$i.png?size=256&v=1"; done | xargs -P 4 -I{} curl -fs -o /dev/null {}
echo "== wrk: 1,000 cached images, 32 connections, ${SECONDS_WRK}s"
wrk -t2 -c32 -d"${SECONDS_WRK}s" --latency -s "$OUT/spread.lua" "http://localhost:$PORT" | tee "$OUT/wrk-spread.txt"

for sweep in $(seq 1 "$SWEEPS"); do
  echo "== sweep $sweep: every MNIST image once at every size (40,000 requests), RSS sampled each second"
  ( while kill -0 $APP 2>/dev/null; do echo "$(date +%s) $(rss)"; sleep 1; done ) >"$OUT/rss-$sweep.txt" &
  SAMPLER=$!
  python3 "$ROOT/scripts/load/fetch_all_mnist.py" "http://localhost:$PORT" | tee "$OUT/fetch-all-$sweep.txt"
  kill $SAMPLER 2>/dev/null || true
  echo "RSS during sweep $sweep: min $(awk '{print $2}' "$OUT/rss-$sweep.txt" | sort -n | head -1) MB, max $(awk '{print $2}' "$OUT/rss-$sweep.txt" | sort -n | tail -1) MB, end $(rss) MB"
done
echo "Results in $OUT"
