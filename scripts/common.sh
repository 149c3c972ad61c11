# Shared by run.sh and test.sh: locate the repo, check the SDK, start the local database.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET SDK 10 is required (https://dot.net); 'dotnet' is not on PATH." >&2
    exit 1
  fi
}

# Prints the base connection string of the project-local cluster (no database), starting it if needed.
start_local_postgres() {
  "$ROOT/scripts/pg-local.sh" start
}

# Creates the database if it does not exist yet. Args: base-connection-string database-name
ensure_database() {
  local port
  port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$1")
  if ! psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$2'" | grep -q 1; then
    createdb -h 127.0.0.1 -p "$port" -U postgres "$2"
  fi
}
