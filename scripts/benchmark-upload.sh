#!/usr/bin/env bash
# Upload benchmark (docs/performance.md, "Uploads"): starts the Release build of the app on the project-local
# PostgreSQL with a fresh database, uploads N×K float32 pred_probs and reports the times and the app's peak memory.
# Usage: LABELERRORS_PG_PORT=<port> scripts/benchmark-upload.sh [examples] [classes] [float16|float32]
# With a dtype the .npy files are generated (seeded, block by block, any size) by scripts/generate-upload-npy.py.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-1000000}
K=${2:-100}
DTYPE=${3:-}
DATA=${BENCH_DATA:-/tmp/labelerrors-bench}
if [ -n "$DTYPE" ] && [ ! -f "$DATA/pred_probs_${N}x${K}_${DTYPE}.npy" ]; then
  /usr/bin/python3 "$ROOT/scripts/generate-upload-npy.py" "$N" "$K" "$DTYPE" "$DATA"
fi
source "$ROOT/scripts/lib/bench-app.sh"
start_bench_app le_bench

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
dotnet run "$ROOT/scripts/benchmarks/UploadBenchmark.cs" -c Release -- "http://localhost:$APP_PORT" "$DATA" "$N" "$K" $DTYPE
APP_CPU1=$(cpu_of "$APP"); PG_CPU1=$(pg_cpu)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
seconds() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'; }
echo "CPU during upload + job: app $(seconds $((APP_CPU1 - APP_CPU0))) s, PostgreSQL $(seconds $((PG_CPU1 - PG_CPU0))) s"
# The job's own account of its stages (Serilog compact JSON, rendered here).
grep -E '"@mt":"(Job \{JobId\}: stage|Saved|Staged|Job \{JobId\} (succeeded|failed))' "$UPLOADS.log" | python3 -c '
import json, re, sys
for line in sys.stdin:
    try: e = json.loads(line)
    except ValueError: continue
    text = re.sub(r"\{(\w+)(:[^}]*)?\}", lambda m: str(e.get(m.group(1), m.group(0))), e.get("@mt", ""))
    print("app log", e.get("@t", "")[11:23], text)
' || true
echo "app peak resident memory (VmHWM): $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' /proc/$APP/status)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
