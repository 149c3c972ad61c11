#!/usr/bin/env bash
# Run every test: unit, integration against the project-local PostgreSQL, end-to-end in headless Chromium.
# Ends with the line "N passed, N failed" (", N skipped" when any). Idempotent and quiet on a second run.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"
cd "$ROOT"
mkdir -p .data TestResults

require_dotnet
"$ROOT/scripts/ensure-packages.sh" postgresql chromium fonts-liberation || exit 1
BASE_CS=$(start_local_postgres) || exit 1
export LABELERRORS_TEST_PG="$BASE_CS"
export LABELERRORS_TEST_RESULTS="$ROOT/TestResults"

echo "Building…"
if ! dotnet build LabelErrors.Web.sln -nologo -v q -clp:ErrorsOnly >.data/test-build.log 2>&1; then
  grep -E "error" .data/test-build.log | sort -u | head -30
  echo "Build failed (full log: .data/test-build.log)"
  echo "0 passed, 1 failed"
  exit 1
fi

log=.data/test.log
dotnet test LabelErrors.Web.sln --no-build -nologo --logger "console;verbosity=minimal" \
  --results-directory TestResults 2>&1 | tee "$log" | awk '
    # A failure prints its name, its message (up to 8 lines: the part CI logs must show) and its test-code frames.
    /^[[:space:]]*Error Message:/ { msg = 8; print; next }
    /^[[:space:]]*Stack Trace:/ { msg = 0 }
    msg > 0 { msg--; print; next }
    /^[[:space:]]*(Failed|Skipped) |Passed!|Failed!|^[[:space:]]+at .*Tests?\./ { print }' | awk 'NR <= 300' 
rc=${PIPESTATUS[0]}
summary=$(awk '/(Passed|Failed)! +- Failed:/ { gsub(",",""); f+=$4; p+=$6; s+=$8; runs++ }
  END { line = sprintf("%d passed, %d failed", p, f); if (s > 0) line = line sprintf(", %d skipped", s); print line; if (runs == 0) exit 1 }' "$log")
if [ $? -ne 0 ]; then
  echo "No test results were reported (see $log)"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "$summary"
exit "$rc"
