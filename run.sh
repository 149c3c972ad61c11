#!/usr/bin/env bash
# Start LabelErrors on http://localhost:5080 (PORT overrides) with a project-local PostgreSQL in .data/.
# Idempotent: reuses the cluster, the database and the build; never deletes anything in .data/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/common.sh"
cd "$ROOT"
PORT=${PORT:-5080}
mkdir -p .data

# One instance per checkout: a second run while the first is running says so instead of failing obscurely.
exec 8>.data/run.lock
if ! flock -n 8; then
  echo "LabelErrors is already running from this folder (pid $(cat .data/run.pid 2>/dev/null || echo '?')) at http://localhost:$PORT"
  exit 0
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "Port $PORT is already in use by another program. Stop it, or start on another port: PORT=5090 ./run.sh" >&2
  exit 1
fi

require_dotnet
# The database outlives this script: it must not inherit the lock, or the next run would find it held.
BASE_CS=$(start_local_postgres 8>&-)
ensure_database "$BASE_CS" labelerrors

echo "Building…"
if ! dotnet build src/LabelErrors.Web/LabelErrors.Web.csproj -c Release -nologo -v q -clp:ErrorsOnly >.data/build.log 2>&1; then
  grep -E "error" .data/build.log | sort -u | head -30 >&2
  echo "Build failed (full log: .data/build.log)" >&2
  exit 1
fi

echo $$ >.data/run.pid
echo "LabelErrors: http://localhost:$PORT  (Ctrl+C stops; the database keeps running: scripts/pg-local.sh stop)"
export ConnectionStrings__LabelErrors="$BASE_CS;Database=labelerrors"
export Database__MigrateOnStart=true
export Import__OnStart=true
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export PORT
cd src/LabelErrors.Web
exec dotnet bin/Release/net10.0/LabelErrors.Web.dll
