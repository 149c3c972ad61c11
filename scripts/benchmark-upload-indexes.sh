#!/usr/bin/env bash
# The index work of an upload's save, SQL only (docs/performance.md, "Large uploads", third round): a bare table of the
# shape of `examples` with its 17 indexes (5 that hold every row, 12 partial ones that hold none or few of an upload's
# rows), loaded with N upload-shaped rows. Variants: a = all 17 built after the insert; b = the 12 partial ones created
# before it (what the job does); c = like a, the two groups timed apart; d = the 5 full builds with 256 MB and with
# 1 GB of maintenance_work_mem; e = two insert streams at once, then the 5 full builds. CPU of the whole cluster.
# Usage: LABELERRORS_PG_PORT=<port> [VARIANTS="b c"] scripts/benchmark-upload-indexes.sh [rows]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROWS=${1:-2000000}
"$ROOT/scripts/pg-local.sh" start >/dev/null
PG_PORT=${LABELERRORS_PG_PORT:-55432}
PSQL_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql
POSTMASTER=$(head -1 "${LABELERRORS_PG_DIR:-$ROOT/.data/pg}/data/postmaster.pid")
DB=le_exp_$$
psql_db() { PGOPTIONS="-c client_min_messages=warning" "$PSQL_BIN" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt "$@"; }
psql_db -d postgres -c "CREATE DATABASE $DB"
trap 'psql_db -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null' EXIT
pg_cpu() { local total; total=$(awk '{ print $14 + $15 + $16 + $17 }' "/proc/$POSTMASTER/stat"); for child in $(pgrep -P "$POSTMASTER"); do total=$((total + $(awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || echo 0))); done; echo "$total"; }
timed() { local label=$1; shift; local c0 t0; psql_db -d "$DB" -c CHECKPOINT; c0=$(pg_cpu); t0=$(date +%s.%N); "$@"; sleep 1; awk -v l="$label" -v t0="$t0" -v now="$(date +%s.%N)" -v c="$(( $(pg_cpu) - c0 ))" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%-50s wall %7.2f s  PG CPU %7.2f s\n", l, now - t0 - 1, c / hz }'; }
COLS="id bigint NOT NULL DEFAULT nextval('sq'), dataset_id int NOT NULL, study_index bigint NOT NULL, external_id text, given_label int NOT NULL, guessed_label int, predicted_label int, label_quality float8, is_cl_flagged bool NOT NULL, is_mturk_checked bool NOT NULL, is_validated_error bool NOT NULL, consensus varchar(16), clip_end_seconds int, clip_start_seconds int, given_label_names text[], guessed_label_names text[], normalized_margin float8, top_predictions_json jsonb, issue_rank int, is_outlier bool NOT NULL DEFAULT false, outlier_score float8, annotator_agreement float8, num_annotations int"
full() { cat <<SQL
ALTER TABLE $1 ADD PRIMARY KEY (dataset_id, id);
CREATE UNIQUE INDEX ON $1 (dataset_id, study_index);
CREATE INDEX ON $1 (dataset_id, given_label);
CREATE INDEX ON $1 (dataset_id, predicted_label);
CREATE INDEX ON $1 (dataset_id, COALESCE(label_quality, '1.7976931348623157e+308'::double precision));
SQL
}
partial() { cat <<SQL
CREATE INDEX ON $1 (dataset_id, consensus) WHERE (consensus IS NOT NULL);
CREATE INDEX ON $1 (dataset_id, guessed_label) WHERE (guessed_label IS NOT NULL);
CREATE INDEX ON $1 (dataset_id, is_cl_flagged, label_quality) WHERE is_cl_flagged;
CREATE INDEX ON $1 (dataset_id, is_mturk_checked, label_quality) WHERE is_mturk_checked;
CREATE INDEX ON $1 (dataset_id, is_validated_error, label_quality) WHERE is_validated_error;
CREATE INDEX ON $1 (dataset_id, issue_rank) WHERE (issue_rank IS NOT NULL);
CREATE INDEX ON $1 USING gin (given_label_names) WHERE (given_label_names IS NOT NULL);
CREATE INDEX ON $1 USING gin (guessed_label_names) WHERE (guessed_label_names IS NOT NULL);
CREATE INDEX ON $1 (dataset_id, COALESCE(label_quality, '1.7976931348623157e+308'::double precision), study_index) WHERE is_mturk_checked;
CREATE INDEX ON $1 (dataset_id, COALESCE(label_quality, '1.7976931348623157e+308'::double precision), study_index) WHERE is_validated_error;
CREATE INDEX ON $1 (dataset_id, COALESCE(label_quality, '1.7976931348623157e+308'::double precision), study_index) WHERE is_cl_flagged;
CREATE INDEX ON $1 (dataset_id, is_outlier, outlier_score) WHERE is_outlier;
SQL
}
psql_db -d "$DB" -c "CREATE UNLOGGED TABLE source AS SELECT g::bigint AS study_index, (hashint4(g) & 127) % 100 AS given, CASE WHEN hashint4(g * 3) % 20 = 0 THEN (hashint4(g * 5) & 127) % 100 ELSE (hashint4(g) & 127) % 100 END AS predicted, hashint4(g * 7)::float8 / 4294967296.0 + 0.5 AS quality, hashint4(g * 11) % 23 = 0 AS flagged, hashint4(g*13) % 30 = 0 AS outlier FROM generate_series(0, $ROWS - 1) g" -c "CREATE SEQUENCE sq"
load() { psql_db -d "$DB" -c "INSERT INTO $1 (dataset_id, study_index, given_label, guessed_label, predicted_label, label_quality, normalized_margin, is_cl_flagged, is_mturk_checked, is_validated_error, issue_rank, outlier_score, is_outlier) SELECT 3, study_index, given, CASE WHEN flagged THEN predicted END, predicted, quality, quality, flagged, false, false, CASE WHEN flagged THEN study_index::int END, quality, outlier FROM source ORDER BY study_index"; }
two() { psql_db -d "$DB" -c "INSERT INTO $1 (dataset_id, study_index, given_label, predicted_label, label_quality, is_cl_flagged, is_mturk_checked, is_validated_error) SELECT 3, study_index, given, predicted, quality, flagged, false, false FROM source WHERE study_index < $ROWS / 2 ORDER BY study_index" & local f=$!; psql_db -d "$DB" -c "INSERT INTO $1 (dataset_id, study_index, given_label, predicted_label, label_quality, is_cl_flagged, is_mturk_checked, is_validated_error) SELECT 3, study_index, given, predicted, quality, flagged, false, false FROM source WHERE study_index >= $ROWS / 2 ORDER BY study_index"; wait $f; }
echo "rows $ROWS load $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in ${VARIANTS:-a b}; do
psql_db -d "$DB" -c "DROP TABLE IF EXISTS t" -c "CREATE TABLE t ($COLS) WITH (autovacuum_enabled = off)"
case $variant in
a) timed "a: insert into bare" load t; timed "a: 17 builds" psql_db -d "$DB" -c "SET maintenance_work_mem='256MB'" -c "$(full t)" -c "$(partial t)" ;;
b) timed "b: 12 partial created" psql_db -d "$DB" -c "$(partial t)"; timed "b: insert" load t; timed "b: 5 builds" psql_db -d "$DB" -c "SET maintenance_work_mem='256MB'" -c "$(full t)" ;;
c) timed "c: insert into bare" load t; timed "c: 5 full builds" psql_db -d "$DB" -c "SET maintenance_work_mem='256MB'" -c "$(full t)"; timed "c: 12 partial builds" psql_db -d "$DB" -c "SET maintenance_work_mem='256MB'" -c "$(partial t)" ;;
d) timed "d: insert into bare" load t; timed "d: 5 full builds 256MB" psql_db -d "$DB" -c "SET maintenance_work_mem='256MB'" -c "$(full t)"; psql_db -d "$DB" -c "DROP TABLE t" -c "CREATE TABLE t ($COLS) WITH (autovacuum_enabled = off)"; load t; timed "d: 5 full builds 1GB" psql_db -d "$DB" -c "SET maintenance_work_mem='1GB'" -c "$(full t)" ;;
e) timed "e: two insert streams" two t; timed "e: 5 full builds" psql_db -d "$DB" -c "SET maintenance_work_mem='256MB'" -c "$(full t)" ;;
esac
done
