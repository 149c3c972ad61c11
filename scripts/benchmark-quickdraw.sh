#!/usr/bin/env bash
# `labelerrors find-issues` (default options) on a QuickDraw-shaped input (N x 345 float16, see generate-quickdraw.sh):
# the read floor of the file (`cat` to /dev/null, twice: the second read shows the page cache when the file fits in
# it), then the real CLI process under /usr/bin/time -v (wall time, peak RSS), with `uptime` before and after each
# figure (the machine is shared). Extra arguments go to find-issues (e.g. --filter-by prune_by_class).
# Usage: scripts/benchmark-quickdraw.sh [rows] [work-dir] [find-issues options...]
#   rows defaults to 10000000 (6.9 GB, the quick check); 50426266 is the full QuickDraw shape (34.8 GB).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-10000000}
WORK=${2:-.data/bench}
shift $(( $# > 2 ? 2 : $# ))
P="$WORK/quickdraw-$ROWS.npy"
L="$WORK/quickdraw-$ROWS.labels.npy"
[ -f "$P" ] || scripts/generate-quickdraw.sh "$ROWS" "$WORK"
dotnet build -c Release src/LabelErrors.Cli -v q -nologo -clp:ErrorsOnly >/dev/null
CLI=src/LabelErrors.Cli/bin/Release/net10.0/labelerrors.dll
load() { echo "[uptime: $(uptime | sed 's/.*load average/load average/')]"; }

echo "file: $P ($(stat -c %s "$P") bytes); RAM: $(free -g | awk '/Mem:/ {print $2}') GiB"
for i in 1 2; do
  load
  /usr/bin/time -f "read floor (cat, run $i): %e s wall" cat "$P" > /dev/null
done
load
/usr/bin/time -v dotnet "$CLI" find-issues -l "$L" -p "$P" -o "$WORK/quickdraw-$ROWS.issues.csv" "$@" \
  2> >(grep -E 'Elapsed|Maximum resident|User time|System time|labelerrors' >&2)
load
echo "issues: $(( $(wc -l < "$WORK/quickdraw-$ROWS.issues.csv") - 1 )); sha256 $(sha256sum "$WORK/quickdraw-$ROWS.issues.csv" | cut -c1-16)"
