#!/usr/bin/env bash
# Multi-label 1,000,000 x 100 (float32 pred_probs, 400 MB; labels.json) against cleanlab 2.9.0 on the same files:
# find_label_issues ranked by self_confidence and get_label_quality_scores. Prints wall time, peak RSS, whether the
# outputs are equal, and the machine load. Usage: scripts/benchmark-multilabel.sh <cleanlab source dir> [work-dir] [N] [K] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
CLEANLAB=${1:?cleanlab 2.9.0 source dir (holding cleanlab/)}
WORK=${2:-.data/bench-multilabel}
N=${3:-1000000}
K=${4:-100}
RUNS=${5:-1}
PY=/usr/bin/python3
mkdir -p "$WORK"
source scripts/lib/benchmark-cli-build.sh # CLI: published ReadyToRun (R2R=0: the plain Release build)
[ -f "$WORK/pred_probs.npy" ] || $PY scripts/benchmarks/multilabel_cleanlab.py generate "$WORK" "$N" "$K"
cat "$WORK/pred_probs.npy" "$WORK/labels.json" > /dev/null # warm the page cache
echo "load before: $(uptime)"
for what in ${WHAT:-scores find}; do # WHAT=scores skips find (cleanlab needs ~2 minutes for it on an idle machine)
  if [ $what = find ]; then args=(find-issues --rank-by self_confidence); else args=(scores); fi
  for run in $(seq 1 "$RUNS"); do
    /usr/bin/time -f "labelerrors $what: wall %e s end to end (process start, reading, validating, writing), user %U s, sys %S s, max RSS %M kB" \
      $CLI "${args[@]}" --task multi-label -l "$WORK/labels.json" -p "$WORK/pred_probs.npy" -o "$WORK/cli-$what.csv" 2>&1 | tail -1
  done
  /usr/bin/time -f "  python process: wall %e s, user %U s, sys %S s, max RSS %M kB" \
    $PY scripts/benchmarks/multilabel_cleanlab.py run "$CLEANLAB" "$WORK" $what "$WORK/cli-$what.csv" 2>&1
  echo "  load: $(uptime | sed 's/.*load average: //')"
done
