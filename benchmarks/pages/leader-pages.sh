#!/bin/sh
# The leaders' and the data officer's pages and commands with 20,000 households and 2 million records stored
# (issues 11 and 12): measures, population curves, the measures report (page, PDF, CSV), Economics, subject access,
# the redesign programme; then `localflow subject-access`, `measures curves`, `economics`, `backup` and `restore`.
# Builds the database once (the demo, then records in bulk: as engine-pages.sh), starts the web app on it and times
# each page (benchmarks/pages/leader_pages.py), stops it, then times each command RUNS times (default 2) with
# /usr/bin/time. Results: benchmarks/results/amd-epyc-2core/LeaderPages.md.
#   benchmarks/pages/leader-pages.sh [DIR]     (DIR defaults to /tmp/lf-leader-bench)
set -eu
cd "$(dirname "$0")/../.."
DIR=${1:-/tmp/lf-leader-bench}
RUNS=${RUNS:-2}
mkdir -p "$DIR"
dotnet build src/LocalFlow.Web -c Release -v q -nologo
dotnet build src/LocalFlow.Cli -c Release -v q -nologo
dotnet build benchmarks/LocalFlow.Benchmarks -c Release -v q -nologo
if [ ! -f "$DIR/localflow.db" ]; then
  dotnet benchmarks/LocalFlow.Benchmarks/bin/Release/net10.0/LocalFlow.Benchmarks.dll engine-setup "$DIR/localflow.db" 20000 2000000
fi
(cd src/LocalFlow.Web && exec dotnet bin/Release/net10.0/LocalFlow.Web.dll --data-dir "$DIR" --demo false --urls http://127.0.0.1:5191) > "$DIR/web.log" 2>&1 &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -s -o /dev/null http://127.0.0.1:5191/SignIn && break; sleep 1; done
python3 benchmarks/pages/leader_pages.py http://127.0.0.1:5191 "$DIR/localflow.db" 5 "$WEB"
kill $WEB
wait $WEB 2>/dev/null || true

# The commands, on the same database with the web app stopped. Each includes the CLI's start (about 3 s of CPU:
# EF Core and our assemblies compiled on each start; see the results).
CLI="dotnet src/LocalFlow.Cli/bin/Release/net10.0/localflow.dll"
PERSON=$(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute('''SELECT r.person_id FROM activity_records r JOIN people p ON p.locality_id = r.locality_id AND p.id = r.person_id
  LEFT JOIN households h ON h.locality_id = p.locality_id AND h.id = p.household_id
  WHERE NOT p.restricted AND NOT coalesce(h.restricted, 0) GROUP BY r.person_id ORDER BY count(*) DESC, r.person_id LIMIT 1''').fetchone()[0].lower())" "$DIR/localflow.db")
timed() {
  name=$1; runs=$2; shift 2
  for run in $(seq 1 "$runs"); do
    /usr/bin/time -f "| $name | $run | %e s | %U + %S s | %M KB |" "$@" > "$DIR/out.txt" 2> "$DIR/time.txt" || { cat "$DIR/time.txt" >&2; exit 1; }
    echo "$(tail -n 1 "$DIR/time.txt") $(cut -d' ' -f1 /proc/loadavg) |"
  done
}
echo
echo "| command | run | wall | CPU (user + system) | peak memory | load average |"
echo "|---|---:|---:|---:|---:|---:|"
timed "localflow subject-access --person ID" "$RUNS" $CLI subject-access --person "$PERSON" --data-dir "$DIR"
timed "localflow measures curves" "$RUNS" $CLI measures curves --data-dir "$DIR"
timed "localflow economics" "$RUNS" $CLI economics --data-dir "$DIR"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$DIR/backup-$run.db" "$DIR/restored-$run"
  mkdir -p "$DIR/restored-$run"
  timed "localflow backup (run $run)" 1 $CLI backup --to "$DIR/backup-$run.db" --data-dir "$DIR"
  timed "localflow restore into an empty database (run $run)" 1 $CLI restore --from "$DIR/backup-$run.db" --data-dir "$DIR/restored-$run"
done
ls -l "$DIR"/backup-*.db "$DIR/localflow.db"
rm -rf "$DIR"/backup-*.db "$DIR"/restored-*
