#!/usr/bin/env bash
# Upload benchmark (docs/performance.md, "Uploads"): starts the Release build of the app on the project-local
# PostgreSQL with a fresh database, uploads N×K float32 pred_probs and reports the times and the app's peak memory.
# Usage: LABELERRORS_PG_PORT=<port> scripts/benchmark-upload.sh [examples] [classes]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-1000000}
K=${2:-100}
DATA=${BENCH_DATA:-/tmp/labelerrors-bench}
APP_PORT=${BENCH_APP_PORT:-5097}
BASE=$("$ROOT/scripts/pg-local.sh" start | tail -1)
DB=le_bench_$$
PSQL_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
PG_PORT=${LABELERRORS_PG_PORT:-55432}
"$PSQL_BIN" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE $DB" >/dev/null

dotnet build -c Release "$ROOT/src/LabelErrors.Web" -v q -nologo >/dev/null
UPLOADS=$(mktemp -d)
ConnectionStrings__LabelErrors="$BASE;Database=$DB" Database__MigrateOnStart=true PORT=$APP_PORT Uploads__Root=$UPLOADS \
  ASPNETCORE_ENVIRONMENT=Production dotnet "$ROOT/src/LabelErrors.Web/bin/Release/net10.0/LabelErrors.Web.dll" >"$UPLOADS.log" 2>&1 &
APP=$!
cleanup() {
  kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true
  "$PSQL_BIN" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || true
  rm -rf "$UPLOADS" "$UPLOADS.log"
}
trap cleanup EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$APP_PORT/readyz" >/dev/null && break; sleep 0.5; done

dotnet run "$ROOT/scripts/benchmarks/UploadBenchmark.cs" -c Release -- "http://localhost:$APP_PORT" "$DATA" "$N" "$K"
grep -E "Saved|succeeded|failed" "$UPLOADS.log" | sed 's/^/app log: /' || true
echo "app peak resident memory (VmHWM): $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$APP/status)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
