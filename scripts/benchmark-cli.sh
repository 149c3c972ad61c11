#!/usr/bin/env bash
# End-to-end time of the real `labelerrors find-issues` process on 1,000,000 x 100 float32 pred_probs (400 MB):
# process start, reading and validating both files, find_label_issues, writing the CSV. Target: <= 1 s.
# Usage: scripts/benchmark-cli.sh [work-dir] [runs]   (work-dir defaults to .data/bench, gitignored)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-.data/bench}
RUNS=${2:-5}
mkdir -p "$WORK"
dotnet build -c Release tests/LabelErrors.Benchmarks -v q -nologo >/dev/null
dotnet build -c Release src/LabelErrors.Cli -v q -nologo >/dev/null
BENCH="dotnet tests/LabelErrors.Benchmarks/bin/Release/net10.0/LabelErrors.Benchmarks.dll"
CLI="dotnet src/LabelErrors.Cli/bin/Release/net10.0/labelerrors.dll"
[ -f "$WORK/n1m_k100_f4.npy" ] || $BENCH --generate "$WORK/n1m_k100_f4.npy" "$WORK/n1m_k100_f4.labels.npy" 1000000 100 f4 | tail -1
cat "$WORK/n1m_k100_f4.npy" > /dev/null # warm the page cache: the figure is for a file the OS already holds

for mode in "" "--in-memory" "--stream"; do
  for run in $(seq 1 "$RUNS"); do
    name=${mode#--}; out="$WORK/issues-${name:-default}.csv"
    /usr/bin/time -f "find-issues ${mode:-(default: automatic)} run $run: wall %e s, user %U s, sys %S s, max RSS %M kB" \
      $CLI find-issues -l "$WORK/n1m_k100_f4.labels.npy" -p "$WORK/n1m_k100_f4.npy" $mode -o "$out" 2>&1 | tail -1
  done
  echo "  $(($(wc -l < "$out") - 1)) issues written; load $(uptime | sed 's/.*load average: //')"
done
cmp "$WORK/issues-in-memory.csv" "$WORK/issues-stream.csv" && cmp "$WORK/issues-default.csv" "$WORK/issues-stream.csv" \
  && echo "default, --in-memory and --stream CSVs are identical"
