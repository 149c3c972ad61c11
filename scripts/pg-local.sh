#!/usr/bin/env bash
# Start (or reuse) the project-local PostgreSQL cluster and print its connection string (without a database).
# Idempotent: an existing cluster and its data are reused, never re-initialised or removed.
# Usage: scripts/pg-local.sh [start|stop|status]
# Env: LABELERRORS_PG_PORT (default 55432), LABELERRORS_PG_DIR (default <repo>/.data/pg).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${LABELERRORS_PG_PORT:-55432}
BASE=${LABELERRORS_PG_DIR:-$ROOT/.data/pg}
PGDATA=$BASE/data
PGSOCK=$BASE/sock
PGLOG=$BASE/server.log

fail() { echo "pg-local: $*" >&2; exit 1; }

"$ROOT/scripts/ensure-packages.sh" postgresql
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PGBIN/initdb" ] || fail "initdb not found under /usr/lib/postgresql/*/bin"

# initdb and postgres refuse to run as root: run them as the 'postgres' system user.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

case "${1:-start}" in
  stop)   [ -d "$PGDATA" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true; exit 0 ;;
  status) as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status; exit $? ;;
  start)  ;;
  *) fail "usage: $0 [start|stop|status]" ;;
esac

mkdir -p "$PGDATA" "$PGSOCK"
touch "$PGLOG"
if [ "$(id -u)" = 0 ]; then
  chown -R postgres:postgres "$BASE"
  # The server runs as 'postgres': every parent folder of the cluster must be traversable by it.
  as_pg test -x "$PGDATA" || fail "the postgres user cannot reach $PGDATA (a parent folder is not traversable); set LABELERRORS_PG_DIR to a folder under /tmp"
fi
chmod 700 "$PGDATA"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=trust >"$BASE/initdb.log" 2>&1 \
    || { tail -n 20 "$BASE/initdb.log" >&2; fail "initdb failed (log: $BASE/initdb.log)"; }
fi

if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  # postmaster.pid's fourth line is the port the running cluster listens on.
  RUNNING_PORT=$(sed -n 4p "$PGDATA/postmaster.pid" 2>/dev/null)
  if [ -n "$RUNNING_PORT" ] && [ "$RUNNING_PORT" != "$PORT" ]; then
    fail "the cluster in $PGDATA is already running on port $RUNNING_PORT, not $PORT; set LABELERRORS_PG_PORT=$RUNNING_PORT or stop it (pg_ctl -D $PGDATA stop, as the postgres user)"
  fi
else
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    fail "port $PORT is already in use by another program; set LABELERRORS_PG_PORT to a free port"
  fi
  # Nothing listens on the port, yet the bind can fail: a port inside the kernel's ephemeral range (55432 is, on
  # Linux's default 32768–60999) may be the local end of some outgoing connection, or of one closed less than 60 s ago
  # (TIME_WAIT); seen while another checkout's tests were running. Retry for about 90 s, then say so.
  for attempt in $(seq 1 40); do
    log_lines=$(wc -l <"$PGLOG")
    if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t 60 \
          -o "-p $PORT -k $PGSOCK -c listen_addresses=127.0.0.1" start >/dev/null 2>&1; then
      break
    fi
    if [ "$attempt" -lt 40 ] && tail -n +"$((log_lines + 1))" "$PGLOG" | grep -q "Address already in use"; then
      [ "$attempt" = 1 ] && echo "pg-local: port $PORT is held by an outgoing connection for now; waiting for it (up to 90 s)" >&2
      sleep 2
      continue
    fi
    echo "pg-local: PostgreSQL failed to start; last lines of $PGLOG:" >&2
    tail -n 20 "$PGLOG" >&2
    if tail -n +"$((log_lines + 1))" "$PGLOG" | grep -q "Address already in use"; then
      echo "pg-local: port $PORT stayed taken by an outgoing connection for 90 s; set LABELERRORS_PG_PORT to a free port outside $(tr '\t' '-' </proc/sys/net/ipv4/ip_local_port_range) (the kernel's ephemeral range)" >&2
    fi
    exit 1
  done
fi

echo "Host=127.0.0.1;Port=$PORT;Username=postgres"
