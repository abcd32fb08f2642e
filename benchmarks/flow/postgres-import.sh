#!/bin/bash
# PostgreSQL bulk import speed (issue 11: at least 100,000 records a second with binary COPY).
# Starts a throwaway PostgreSQL server as test.sh does (fsync off: the same settings as the tests), stores the demo
# locality, then times three batches of RECORDS records through FlowStore.BulkInsertAsync (binary COPY).
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
