#!/usr/bin/env bash
# Peak memory of the app while it receives and validates one upload POST (docs/uploads.md, "Memory"): starts the
# Release build as a web-only instance (Jobs__WorkerCount=0, so no analysis job runs and the figure is the POST's
# alone) on a fresh database, POSTs N×K float32 pred_probs with curl, samples `ps -o rss` every 0.1 s and reports the
# sampled peak and the kernel's high-water mark (VmHWM), each minus the idle app's.
# Usage: LABELERRORS_PG_PORT=<port> scripts/benchmark-upload-memory.sh [examples] [classes]
#   generated files are reused from ${BENCH_DATA:-.data/bench} when present.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${1:-1000000}
K=${2:-100}
DATA=${BENCH_DATA:-$ROOT/.data/bench}
mkdir -p "$DATA"
PROBS="$DATA/upload_n${N}_k${K}.npy"
LABELS="$DATA/upload_n${N}_k${K}.labels.npy"
if [ ! -f "$PROBS" ]; then
  dotnet build -c Release "$ROOT/tests/LabelErrors.Benchmarks" -v q -nologo >/dev/null
  dotnet "$ROOT/tests/LabelErrors.Benchmarks/bin/Release/net10.0/LabelErrors.Benchmarks.dll" --generate "$PROBS" "$LABELS" "$N" "$K" f4 | tail -1
fi

source "$ROOT/scripts/lib/bench-app.sh"
start_bench_app le_membench Jobs__WorkerCount=0

rss_kb() { ps -o rss= -p "$APP" | tr -d ' '; }
IDLE=$(rss_kb)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s.%N)
curl -s -o "$UPLOADS.response" -w '%{http_code}\n' -F name=memory -F "labels=@$LABELS;filename=labels.npy" \
  -F "pred_probs=@$PROBS;filename=pred_probs.npy" "http://localhost:$APP_PORT/api/v1/uploads" >"$UPLOADS.status" &
CURL=$!
PEAK=$IDLE
while kill -0 "$CURL" 2>/dev/null; do
  now=$(rss_kb); [ "$now" -gt "$PEAK" ] && PEAK=$now
  sleep 0.1
done
wait "$CURL"
END=$(date +%s.%N)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "POST ${N}×${K} float32 ($(( $(stat -c %s "$PROBS") / 1048576 )) MiB): HTTP $(cat "$UPLOADS.status") in $(awk -v a="$START" -v b="$END" 'BEGIN { printf "%.1f", b - a }') s"
HWM=$(awk '/VmHWM/ {print $2}' /proc/$APP/status)
mib() { awk -v kb="$1" 'BEGIN { printf "%.0f MiB", kb / 1024 }'; }
echo "app RSS idle $(mib "$IDLE"); sampled peak during the POST $(mib "$PEAK") (+$(mib $((PEAK - IDLE)))); VmHWM $(mib "$HWM") (+$(mib $((HWM - IDLE))))"
rm -f "$UPLOADS.response" "$UPLOADS.status"
