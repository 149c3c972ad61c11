#!/usr/bin/env bash
# Writes a seeded pred_probs .npy of QuickDraw's shape (float16, 345 classes, rows summing to ~1) and its labels
# (.npy, int64), chunk by chunk: memory stays a few MB whatever the size. Same model as the benchmarks' other
# generated inputs (skewed class prior, ~10 % flipped labels, mass on the true and a confusable class; seed 20211).
# Usage: scripts/generate-quickdraw.sh [rows] [work-dir]
#   rows defaults to 50426266 (QuickDraw's test set: 34.8 GB, check `df -h` first); 10000000 is the quick check (6.9 GB).
#   Writes <work-dir>/quickdraw-<rows>.npy and quickdraw-<rows>.labels.npy; work-dir defaults to .data/bench (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-50426266}
WORK=${2:-.data/bench}
mkdir -p "$WORK"
need=$(( ROWS * 345 * 2 + ROWS * 8 ))
free=$(df --output=avail -B1 "$WORK" | tail -1)
if [ "$free" -lt $(( need + (5 << 30) )) ]; then
  echo "generate-quickdraw: needs $(( need >> 30 )) GiB plus 5 GiB to spare in $WORK; $(( free >> 30 )) GiB free" >&2
  exit 1
fi
dotnet build -c Release tests/LabelErrors.Benchmarks -v q -nologo -clp:ErrorsOnly >/dev/null
dotnet tests/LabelErrors.Benchmarks/bin/Release/net10.0/LabelErrors.Benchmarks.dll --generate \
  "$WORK/quickdraw-$ROWS.npy" "$WORK/quickdraw-$ROWS.labels.npy" "$ROWS" 345 f2 | tail -1
