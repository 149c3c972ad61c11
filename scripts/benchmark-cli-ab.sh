#!/usr/bin/env bash
# A/B end-to-end time of `labelerrors find-issues` (1,000,000 x 100 float32, 400 MB, file in the page cache): the CLI
# of an older git ref against the working tree's, in alternating fresh processes, so both see the same machine load.
# Prints every run and the median wall time per build and mode, and checks that both builds write the same CSV.
# Usage: scripts/benchmark-cli-ab.sh [old-ref] [runs] [modes]   (defaults: main, 5, "default --in-memory --stream")
set -euo pipefail
cd "$(dirname "$0")/.."
OLD=${1:-main}
RUNS=${2:-5}
MODES=${3:-default --in-memory --stream}
source scripts/lib/ab-build.sh
BENCH_DATA=.data/bench
rev=$(git rev-parse --short "$OLD")
mkdir -p "$BENCH_DATA"
build_ref "$rev" src/LabelErrors.Cli "cli-$rev"
dotnet build -c Release src/LabelErrors.Cli -v q -nologo -o "$WORK/cli-current" >/dev/null
P="$BENCH_DATA/n1m_k100_f4.npy"
L="$BENCH_DATA/n1m_k100_f4.labels.npy"
if [ ! -f "$P" ]; then
  dotnet build -c Release tests/LabelErrors.Benchmarks -v q -nologo >/dev/null
  dotnet tests/LabelErrors.Benchmarks/bin/Release/net10.0/LabelErrors.Benchmarks.dll --generate "$P" "$L" 1000000 100 f4 | tail -1
fi
cat "$P" > /dev/null # warm the page cache: the figure is for a file the OS already holds

times="$WORK/cli-times-$rev-vs-current.txt"
: > "$times"
echo "load before: $(uptime | sed 's/.*load average: //')"
for run in $(seq 1 "$RUNS"); do
  for mode in $MODES; do
    for build in "$rev" current; do
      flag=$([ "$mode" = default ] && echo "" || echo "$mode")
      out="$WORK/issues-$build-${mode#--}.csv"
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" dotnet "$WORK/cli-$build/labelerrors.dll" find-issues -l "$L" -p "$P" $flag -o "$out" 2>/dev/null
      read -r wall user sys rss < "$WORK/time.txt"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$build" "$mode" "$wall" "$user" "$sys" "$rss" | tee -a "$times"
    done
  done
done
echo "load after: $(uptime | sed 's/.*load average: //')"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
printf '%-12s %12s %12s %14s %14s\n' mode "$rev wall" "current wall" "$rev user+sys" "current user+sys"
for mode in $MODES; do
  ow=$(awk -F'\t' -v b="$rev" -v m="$mode" '$1 == b && $2 == m { print $3 }' "$times" | median)
  nw=$(awk -F'\t' -v m="$mode" '$1 == "current" && $2 == m { print $3 }' "$times" | median)
  oc=$(awk -F'\t' -v b="$rev" -v m="$mode" '$1 == b && $2 == m { print $4 + $5 }' "$times" | median)
  nc=$(awk -F'\t' -v m="$mode" '$1 == "current" && $2 == m { print $4 + $5 }' "$times" | median)
  printf '%-12s %10s s %10s s %12s s %12s s\n' "$mode" "$ow" "$nw" "$oc" "$nc"
  cmp "$WORK/issues-$rev-${mode#--}.csv" "$WORK/issues-current-${mode#--}.csv" && echo "  $mode: both builds wrote the same CSV"
done
