# Sourced by the upload benchmarks: the Release build of the app on its own fresh database of the project-local
# PostgreSQL, removed again on exit. After `start_bench_app PREFIX [VAR=value ...]`: APP (pid), APP_PORT, UPLOADS,
# UPLOADS.log (the app's log), PSQL_BIN, PG_PORT. Extra VAR=value pairs go to the app's environment.
start_bench_app() {
  local prefix=$1; shift
  local base
  APP_PORT=${BENCH_APP_PORT:-5097}
  base=$("$ROOT/scripts/pg-local.sh" start | tail -1)
  BENCH_DB=${prefix}_$$
  PSQL_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
  PG_PORT=${LABELERRORS_PG_PORT:-55432}
  "$PSQL_BIN" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE $BENCH_DB" >/dev/null

  dotnet build -c Release "$ROOT/src/LabelErrors.Web" -v q -nologo >/dev/null
  UPLOADS=$(mktemp -d)
  env ConnectionStrings__LabelErrors="$base;Database=$BENCH_DB" Database__MigrateOnStart=true PORT="$APP_PORT" \
    Uploads__Root="$UPLOADS" ASPNETCORE_ENVIRONMENT=Production "$@" \
    dotnet "$ROOT/src/LabelErrors.Web/bin/Release/net10.0/LabelErrors.Web.dll" >"$UPLOADS.log" 2>&1 &
  APP=$!
  trap stop_bench_app EXIT
  for _ in $(seq 1 120); do curl -sf "http://localhost:$APP_PORT/readyz" >/dev/null && break; sleep 0.5; done
}

stop_bench_app() {
  kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true
  "$PSQL_BIN" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null || true
  rm -rf "$UPLOADS" "$UPLOADS.log"
}
