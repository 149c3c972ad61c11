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

# CPU seconds used so far by the app and by the whole PostgreSQL cluster (live backends plus the exited ones the
# postmaster reaped): unlike wall time, these hardly change when other work shares the machine.
POSTMASTER=$(head -1 "${LABELERRORS_PG_DIR:-$ROOT/.data/pg}/data/postmaster.pid")
cpu_of() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_cpu() {
  local total
  total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$POSTMASTER/stat")
  for child in $(pgrep -P "$POSTMASTER"); do total=$((total + $(cpu_of "$child" 2>/dev/null || echo 0))); done
  echo "$total"
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
APP_CPU0=$(cpu_of "$APP"); PG_CPU0=$(pg_cpu)
dotnet run "$ROOT/scripts/benchmarks/UploadBenchmark.cs" -c Release -- "http://localhost:$APP_PORT" "$DATA" "$N" "$K"
APP_CPU1=$(cpu_of "$APP"); PG_CPU1=$(pg_cpu)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
seconds() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'; }
echo "CPU during upload + job: app $(seconds $((APP_CPU1 - APP_CPU0))) s, PostgreSQL $(seconds $((PG_CPU1 - PG_CPU0))) s"
# The job's own account of its stages (Serilog compact JSON, rendered here).
grep -E '"@mt":"(Job \{JobId\}: stage|Saved|Job \{JobId\} (succeeded|failed))' "$UPLOADS.log" | python3 -c '
import json, re, sys
for line in sys.stdin:
    try: e = json.loads(line)
    except ValueError: continue
    text = re.sub(r"\{(\w+)(:[^}]*)?\}", lambda m: str(e.get(m.group(1), m.group(0))), e.get("@mt", ""))
    print("app log", e.get("@t", "")[11:23], text)
' || true
echo "app peak resident memory (VmHWM): $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$APP/status)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
