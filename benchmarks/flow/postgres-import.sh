#!/bin/bash
# PostgreSQL import speed (issue 11: at least 100,000 records a second with binary COPY).
# Starts a throwaway PostgreSQL server as test.sh does (fsync off: the same settings as the tests), stores the demo
# locality, then times three files of RECORDS records each stored as the flow import stores a checked file
# (FlowStore.ImportAsync: the import row, the records by binary COPY, the audit entry, one transaction).
# Then, to show where the server spends its time, psql copies the first file's rows back in from a binary COPY file
# (server side, no .NET) into three tables: with no index and no foreign key, with activity_records' indexes, and
# with its indexes and foreign keys.
#   benchmarks/flow/postgres-import.sh [RECORDS]      (default 1,000,000)
# Results: benchmarks/results/amd-epyc-2core/PostgresImport.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-1000000}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
work=$(mktemp -d /tmp/lf-pg-import.XXXXXX)
port=$((20000 + RANDOM % 20000))
pg_user=$(id -un)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then pg_user=postgres; chown postgres "$work"; fi
cleanup() { run_pg "$pg_bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
run_pg "$pg_bin/initdb" -D "$work/data" -A trust -U "$pg_user" -E UTF8 >"$work/initdb.log"
run_pg "$pg_bin/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
dotnet build benchmarks/LocalFlow.Benchmarks -c Release -v q -nologo --no-restore
dotnet benchmarks/LocalFlow.Benchmarks/bin/Release/net10.0/LocalFlow.Benchmarks.dll pg-import "Host=127.0.0.1;Port=$port;Username=$pg_user;Database=postgres;Command Timeout=0" 200 "$records"
psql() { "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 "$@"; }
chmod 777 "$work"
echo "server side (psql, COPY FROM a binary file of the first import's rows; load $(cut -d' ' -f1-3 /proc/loadavg)):"
psql <<SQL
COPY (SELECT * FROM activity_records WHERE import_id = (SELECT id FROM flow_imports WHERE file_name = 'bench-1.csv')) TO '$work/rows.bin' (FORMAT binary);
CREATE TABLE copy_plain (LIKE activity_records);
CREATE TABLE copy_indexed (LIKE activity_records INCLUDING INDEXES);
CREATE TABLE copy_keyed (LIKE activity_records INCLUDING INDEXES);
SELECT format('ALTER TABLE copy_keyed ADD %s', pg_get_constraintdef(oid)) FROM pg_constraint WHERE conrelid = 'activity_records'::regclass AND contype = 'f' \gexec
\timing on
\echo no index, no foreign key:
COPY copy_plain FROM '$work/rows.bin' (FORMAT binary);
\echo the indexes:
COPY copy_indexed FROM '$work/rows.bin' (FORMAT binary);
\echo the indexes and the foreign keys:
COPY copy_keyed FROM '$work/rows.bin' (FORMAT binary);
SQL
