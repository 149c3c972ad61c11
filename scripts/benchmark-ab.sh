#!/usr/bin/env bash
# A/B timing of the core on 1,000,000 x 100 float32 (the benchmark project's --quick mode): an older git ref against
# the working tree, in alternating fresh processes (old, new, old, new, ...) so both see the same machine load.
# Reports the median wall and process-CPU time per operation over rounds 2-4 of every run (round 1 includes jitting).
# Usage: scripts/benchmark-ab.sh [old-ref] [runs]      (old-ref defaults to main, runs to 5; builds in $TMPDIR/labelerrors-ab)
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:-main}
RUNS=${2:-5}
source scripts/lib/ab-build.sh
rev=$(git rev-parse --short "$OLD")
build_ref "$rev" tests/LabelErrors.Benchmarks "$rev"
dotnet build -c Release tests/LabelErrors.Benchmarks -v q -nologo -o "$WORK/current" >/dev/null

results="$WORK/results-$rev-vs-current.txt"
: > "$results"
echo "load before: $(uptime | sed 's/.*load average: //')"
for run in $(seq 1 "$RUNS"); do
  for build in "$rev" current; do
    # lines look like "find_label_issues: wall 0.250 s, cpu 0.420 s"; keep rounds 2..4 of each operation
    dotnet "$WORK/$build/LabelErrors.Benchmarks.dll" --quick \
      | awk -v b="$build" -F': wall | s, cpu | s$' '/: wall /{ seen[$1]++; if (seen[$1] > 1) print b "\t" $1 "\t" $2 "\t" $3 }' >> "$results"
  done
done
echo "load after: $(uptime | sed 's/.*load average: //')"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-42s %14s %14s %14s %14s\n' operation "$rev wall" "current wall" "$rev cpu" "current cpu"
cut -f2 "$results" | sort -u | while read -r op; do
  ow=$(awk -F'\t' -v b="$rev" -v o="$op" '$1 == b && $2 == o { print $3 }' "$results" | median)
  nw=$(awk -F'\t' -v o="$op" '$1 == "current" && $2 == o { print $3 }' "$results" | median)
  oc=$(awk -F'\t' -v b="$rev" -v o="$op" '$1 == b && $2 == o { print $4 }' "$results" | median)
  nc=$(awk -F'\t' -v o="$op" '$1 == "current" && $2 == o { print $4 }' "$results" | median)
  printf '%-42s %12s s %12s s %12s s %12s s\n' "$op" "$ow" "$nw" "$oc" "$nc"
done
