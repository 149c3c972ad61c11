#!/usr/bin/env bash
# Issue #17, "Large uploads": the figures docs/performance.md quotes, in one run (meant for an idle machine). Generates
# the seeded float16 files if missing (scripts/generate-upload-npy.py), then runs the end-to-end upload benchmark
# (POST → job succeeded → first results page; app and PostgreSQL CPU; the app's peak RSS; the job's own stage times)
# at 1M and 10M × 100, and the SQL-only save comparison (indexed table vs staged partition) at 1M.
# Usage: LABELERRORS_PG_PORT=<port> [BENCH_APP_PORT=<port>] [BENCH_DATA=<dir>] [BENCH_ROWS="10000000"] scripts/benchmark-large-uploads.sh
# The job logs each stage's wall time and the app's CPU seconds in it; the save logs its COPY and index-build times.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export BENCH_DATA=${BENCH_DATA:-/tmp/labelerrors-bench}
echo "== $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
for rows in ${BENCH_ROWS:-1000000 10000000}; do
  echo "== upload ${rows} × 100 float16"
  "$ROOT/scripts/benchmark-upload.sh" "$rows" 100 float16
done
echo "== the save alone, SQL only, 1,000,000 rows"
"$ROOT/scripts/benchmark-upload-partition.sh" 1000000
