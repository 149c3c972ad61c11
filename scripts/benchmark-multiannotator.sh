#!/usr/bin/env bash
# Multi-annotator 200,000 examples x 50 annotators x 10 classes (CROWDLAB, best_quality) against cleanlab 2.9.0 on the
# same files: labelerrors RUNS times (whole process), cleanlab once (whole Python process: pandas read, compute, write),
# each under /usr/bin/time; prints wall, CPU (user + sys) and peak RSS, the machine load, and whether every number of
# both output tables equals cleanlab's. Usage:
#   scripts/benchmark-multiannotator.sh <cleanlab source dir> [work-dir] [RUNS]
# The CLI is published ReadyToRun (precompiled, as scripts/benchmark-multilabel.sh does); R2R=0 uses the plain build.
set -euo pipefail
cd "$(dirname "$0")/.."
CLEANLAB=${1:?cleanlab 2.9.0 source dir (holding cleanlab/)}
WORK=${2:-.data/bench-multiannotator}
RUNS=${3:-3}
PY=/usr/bin/python3
mkdir -p "$WORK"
source scripts/lib/benchmark-cli-build.sh
[ -f "$WORK/pred_probs.npy" ] || $PY scripts/benchmarks/multiannotator_cleanlab.py make "$WORK"
cat "$WORK/pred_probs.npy" "$WORK/labels.csv" > /dev/null # warm the page cache
FORMAT="wall %e s, CPU %U s user + %S s sys, max RSS %M kB"
echo "load before: $(uptime)"
for run in $(seq 1 "$RUNS"); do
  /usr/bin/time -f "labelerrors multiannotator (run $run, whole process): $FORMAT" \
    $CLI multiannotator --labels "$WORK/labels.csv" --pred-probs "$WORK/pred_probs.npy" \
      --out "$WORK/cli-lq.csv" --annotator-stats "$WORK/cli-stats.csv" 2>&1 | tail -1
done
echo "  load: $(uptime | sed 's/.*load average: //')"
/usr/bin/time -f "cleanlab 2.9.0 (whole python process): $FORMAT" \
  $PY scripts/benchmarks/multiannotator_cleanlab.py run "$CLEANLAB" "$WORK" 2>&1
echo "  load: $(uptime | sed 's/.*load average: //')"
$PY scripts/benchmarks/multiannotator_cleanlab.py compare "$WORK" "$WORK/cli-lq.csv" "$WORK/cli-stats.csv"
