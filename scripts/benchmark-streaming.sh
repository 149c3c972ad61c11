#!/usr/bin/env bash
# Streaming vs in-memory find_label_issues on generated inputs, each run in a fresh process (wall times, peak RSS
# from /proc/self/status VmHWM, and a digest of the output so both modes can be checked for identical results).
# Usage: scripts/benchmark-streaming.sh [work-dir] [--with-10m]
#   work-dir defaults to .data/bench (gitignored); generated files are reused when present.
#   --with-10m also generates (6.9 GB, needs ~7 GB free disk) and runs the 10,000,000 x 345 float16 case.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-.data/bench}
WITH_10M=${2:-}
mkdir -p "$WORK"
dotnet build -c Release tests/LabelErrors.Benchmarks -v q -nologo >/dev/null
BENCH="dotnet tests/LabelErrors.Benchmarks/bin/Release/net10.0/LabelErrors.Benchmarks.dll"

generate() { # name N K dtype
  [ -f "$WORK/$1.npy" ] || $BENCH --generate "$WORK/$1.npy" "$WORK/$1.labels.npy" "$2" "$3" "$4" | tail -1
}
run() { # mode name [rank]
  echo "[$(uptime | sed 's/.*load average/load average/')]"
  $BENCH --large "$1" "$WORK/$2.npy" "$WORK/$2.labels.npy" "${3:-none}"
}

generate n100k_k1000 100000 1000 f4
generate n20k_k10000 20000 10000 f4
generate n2m_k345_f2 2000000 345 f2
for name in n100k_k1000 n20k_k10000 n2m_k345_f2; do
  for mode in memory stream; do run $mode $name; run $mode $name self_confidence; done
done

# MNIST of the study (10,000 x 10), when the shared data is next to the repository
MNIST=../shared/data/label-errors
if [ -f "$MNIST/cross_validated_predicted_probabilities/mnist_test_set_pyx.npy" ]; then
  for mode in memory stream; do
    echo "[$(uptime | sed 's/.*load average/load average/')]"
    $BENCH --large $mode "$MNIST/cross_validated_predicted_probabilities/mnist_test_set_pyx.npy" \
      "$MNIST/original_test_labels/mnist_test_set_original_labels.npy" self_confidence
  done
fi

if [ "$WITH_10M" = "--with-10m" ]; then
  df -h "$WORK" | tail -1
  generate n10m_k345_f2 10000000 345 f2
  run stream n10m_k345_f2
  run stream n10m_k345_f2 self_confidence
fi
echo "[$(uptime | sed 's/.*load average/load average/')]"
