#!/usr/bin/env bash
# Uncached browse pages under load (issue #17; docs/performance.md, section "Browse"): wrk, 2 threads, 32
# connections, every request a different page (scripts/load/uncached.lua: 80 % permalinks of ImageNet, CIFAR-10,
# MNIST, 20news and IMDB, 20 % of their gallery pages with an agreement filter).
# The app must already run with the study imported and, for "uncached", with the page cache off, e.g.
#   LABELERRORS_PG_PORT=… PORT=5504 ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
#     BrowseCache__PageSeconds=0 ./run.sh
# Usage: LABELERRORS_PG_PORT=… [CONNECTIONS=32] scripts/load/uncached.sh [base-url] [seconds] [runs]
# Prints, per run, the load average before it, requests/s, p50/p90/p99, bytes per response and the CPU time of the
# app and of PostgreSQL (the local cluster in .data/pg) over the run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../common.sh"
cd "$ROOT"
BASE=${1:-http://127.0.0.1:${PORT:-5080}}
SECONDS_WRK=${2:-10}
RUNS=${3:-1}
CONNECTIONS=${CONNECTIONS:-32}
OUT=${OUT:-$ROOT/.data/load-uncached}
mkdir -p "$OUT"
"$ROOT/scripts/install-wrk.sh" >/dev/null
PSQL=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
"$PSQL" -q -h 127.0.0.1 -p "${LABELERRORS_PG_PORT:?set LABELERRORS_PG_PORT}" -U postgres -d "${DATABASE:-labelerrors}" \
  -v outdir="$OUT" -f scripts/load/uncached-paths.sql
echo "$(wc -l <"$OUT/permalinks.txt") permalinks, $(wc -l <"$OUT/galleries.txt") gallery pages"
PORT_NUM=$(sed -E 's#.*:([0-9]+).*#\1#' <<<"$BASE")
APP_PID=$(ss -ltnp "sport = :$PORT_NUM" | grep -oP 'pid=\K[0-9]+' | head -1 || true)
cpu() { [ -n "$APP_PID" ] && awk '{print $14 + $15}' "/proc/$APP_PID/stat" || echo 0; }
# PostgreSQL's CPU: the postmaster with its reaped backends, plus the live backends (the local cluster of scripts/pg-local.sh).
PG_PID=$(head -1 "$ROOT/.data/pg/data/postmaster.pid" 2>/dev/null || true)
pgcpu() {
  [ -n "$PG_PID" ] || { echo 0; return; }
  { cat "/proc/$PG_PID/stat"; for c in $(cat "/proc/$PG_PID/task/$PG_PID/children" 2>/dev/null); do cat "/proc/$c/stat" 2>/dev/null; done; } |
    awk '{ s += $14 + $15 + $16 + $17 } END { print s + 0 }'
}
export PERMALINKS="$OUT/permalinks.txt" GALLERIES="$OUT/galleries.txt"
# Warm-up (JIT, connection pools); not measured.
wrk -t2 -c8 -d3s -s scripts/load/uncached.lua "$BASE" >/dev/null
for run in $(seq 1 "$RUNS"); do
  before=$(cpu); pg_before=$(pgcpu)
  echo "== run $run: $CONNECTIONS connections, ${SECONDS_WRK}s; load average before:$(uptime | sed 's/.*load average://')"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_WRK}s" --timeout 10s -s scripts/load/uncached.lua "$BASE" | sed -n '/^requests/,$p'
  after=$(cpu); pg_after=$(pgcpu)
  [ -n "$APP_PID" ] && echo "app CPU (user+sys): $(( (after - before) * 10 )) ms over the run"
  [ -n "$PG_PID" ] && echo "PostgreSQL CPU (user+sys): $(( (pg_after - pg_before) * 10 )) ms over the run"
done
