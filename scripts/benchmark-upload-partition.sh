#!/usr/bin/env bash
# The save of an upload into `examples` as it is today (rows COPYed into the indexed table, every index maintained
# row by row) against the partitioned design (docs/performance.md, "Uploads": the rows loaded into a bare table of
# their own, its indexes built by sorting afterwards, then ATTACHed as the dataset's LIST partition), on N
# upload-shaped rows next to another dataset's N/2. Prints wall time and the CPU seconds of the whole PostgreSQL
# cluster (the backend plus its parallel index-build workers), and the WAL written. Runs in a scratch database.
# Usage: LABELERRORS_PG_PORT=<port> scripts/benchmark-upload-partition.sh [rows]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=${1:-1000000}
"$ROOT/scripts/pg-local.sh" start >/dev/null
PG_PORT=${LABELERRORS_PG_PORT:-55432}
PSQL_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
POSTMASTER=$(head -1 "${LABELERRORS_PG_DIR:-$ROOT/.data/pg}/data/postmaster.pid")
DB=le_part_$$
psql_db() { PGOPTIONS="-c client_min_messages=warning" "$PSQL_BIN" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt "$@"; }
psql_db -d postgres -c "CREATE DATABASE $DB"
trap 'psql_db -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT

# CPU seconds of the cluster: the postmaster's reaped children plus the live ones.
pg_cpu() {
  local total
  total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$POSTMASTER/stat")
  for child in $(pgrep -P "$POSTMASTER"); do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
timed() {
  local label=$1; shift
  local c0 t0 w0 w1
  psql_db -d "$DB" -c CHECKPOINT
  w0=$(psql_db -d "$DB" -c "SELECT pg_current_wal_lsn()")
  c0=$(pg_cpu); t0=$(date +%s.%N)
  "$@"
  w1=$(psql_db -d "$DB" -c "SELECT pg_size_pretty(pg_current_wal_lsn() - '$w0')")
  awk -v l="$label" -v t0="$t0" -v now="$(date +%s.%N)" -v c="$(( $(pg_cpu) - c0 ))" -v hz="$(getconf CLK_TCK)" -v w="$w1" \
    'BEGIN { printf "%-58s wall %7.2f s   PostgreSQL CPU %7.2f s   WAL %s\n", l, now - t0, c / hz, w }'
}

COLUMNS="id bigint NOT NULL DEFAULT nextval('rows_id_seq'), dataset_id int NOT NULL, study_index bigint NOT NULL,
    given_label int NOT NULL, guessed_label int, predicted_label int, label_quality float8, is_cl_flagged bool NOT NULL,
    is_mturk_checked bool NOT NULL, is_validated_error bool NOT NULL, consensus varchar(16), normalized_margin float8,
    issue_rank int"
# The indexes an upload row feeds (the study-only ones are partial and hold no upload row).
indexes() { # table
  cat <<SQL
ALTER TABLE $1 ADD PRIMARY KEY (dataset_id, id);
CREATE UNIQUE INDEX ON $1 (dataset_id, study_index);
CREATE INDEX ON $1 (dataset_id, given_label);
CREATE INDEX ON $1 (dataset_id, predicted_label);
CREATE INDEX ON $1 (dataset_id, (COALESCE(label_quality, '1.7976931348623157E+308'::double precision)));
CREATE INDEX ON $1 (dataset_id, issue_rank) WHERE issue_rank IS NOT NULL;
CREATE INDEX ON $1 (dataset_id, is_cl_flagged, label_quality) WHERE is_cl_flagged;
SQL
}
load() { # table dataset first last
  psql_db -d "$DB" -c "INSERT INTO $1 (dataset_id, study_index, given_label, guessed_label, predicted_label, label_quality,
      normalized_margin, is_cl_flagged, is_mturk_checked, is_validated_error, issue_rank)
    SELECT $2, study_index, given, CASE WHEN flagged THEN predicted END, predicted, quality, quality, flagged, false, false,
           CASE WHEN flagged THEN study_index::int END
      FROM source WHERE study_index BETWEEN $3 AND $4 ORDER BY study_index"
}

psql_db -d "$DB" <<SQL
CREATE UNLOGGED TABLE source AS
SELECT g::bigint AS study_index, (hashint4(g) & 127) % 100 AS given,
       CASE WHEN hashint4(g * 3) % 20 = 0 THEN (hashint4(g * 5) & 127) % 100 ELSE (hashint4(g) & 127) % 100 END AS predicted,
       hashint4(g * 7)::float8 / 4294967296.0 + 0.5 AS quality, hashint4(g * 11) % 23 = 0 AS flagged
  FROM generate_series(0, $ROWS - 1) g;
CREATE SEQUENCE rows_id_seq;
CREATE TABLE rows ($COLUMNS) PARTITION BY LIST (dataset_id);
$(indexes rows)
CREATE TABLE rows_1 PARTITION OF rows FOR VALUES IN (1);
CREATE TABLE rows_2 PARTITION OF rows FOR VALUES IN (2);
SQL
load rows 1 0 $((ROWS / 2 - 1)) # another dataset, already there

echo "rows $ROWS; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed "today: one INSERT into the indexed table" load rows 2 0 $((ROWS - 1))
psql_db -d "$DB" -c "TRUNCATE rows_2"

stage() {
  psql_db -d "$DB" -c "CREATE TABLE rows_3 ($COLUMNS, CONSTRAINT rows_3_dataset CHECK (dataset_id IS NOT NULL AND dataset_id = 3))"
}
build() { psql_db -d "$DB" -c "SET maintenance_work_mem = '256MB'" -c "$(indexes rows_3)"; }
attach() { psql_db -d "$DB" -c "ALTER TABLE rows ATTACH PARTITION rows_3 FOR VALUES IN (3)"; }
two_streams() {
  load rows_3 3 0 $((ROWS / 2 - 1)) & local first=$!
  load rows_3 3 $((ROWS / 2)) $((ROWS - 1))
  wait "$first"
}
stage
timed "partition: one INSERT into a bare table" load rows_3 3 0 $((ROWS - 1))
timed "partition: build its indexes (sort)" build
timed "partition: ATTACH (CHECK constraint, no rescan)" attach
psql_db -d "$DB" -c "DROP TABLE rows_3"
stage
timed "partition: two INSERT streams into a bare table" two_streams
timed "partition: build its indexes (sort)" build
timed "partition: ATTACH" attach
timed "delete the upload: DROP its partition" psql_db -d "$DB" -c "DROP TABLE rows_3"
timed "delete today: DELETE its rows" psql_db -d "$DB" -c "DELETE FROM rows WHERE dataset_id = 1"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
