#!/bin/bash
# kill -9 in the middle of imports, N times (issue 14, item 14): the long version of tests/LocalFlow.Cli.Tests/KillTests.
# Makes a 40-household demo once, then for each round copies it, starts `localflow demand import` (3,000 demands) or
# `localflow link import` (20,000 identity records) on the copy, and kills the process (SIGKILL) once SQLite's
# write-ahead log has grown by 256 KB (the import's transaction is writing), or after a random delay when ROUND_DELAY
# is set. After each kill it checks that the import is there whole or not at all, that SQLite's integrity check says
# "ok" and that `localflow audit verify` finds the audit chain whole; then it runs the import again to the end.
# Prints one line per round and a summary; exits 1 on the first half-written import or failed check.
#   benchmarks/trust/kill-loop.sh [N] [DIR]        (N defaults to 20, DIR to /tmp/lf-kill-loop)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-20}
DIR=${2:-/tmp/lf-kill-loop}
dotnet build src/LocalFlow.Cli -c Release -v q -nologo > /dev/null
CLI=(dotnet "$PWD/src/LocalFlow.Cli/bin/Release/net10.0/localflow.dll")
rm -rf "$DIR"
mkdir -p "$DIR"
"${CLI[@]}" demo --households 40 --no-users --data-dir "$DIR/template" > /dev/null
# the files to import
python3 - "$DIR" <<'PY'
import sys
d = sys.argv[1]
words = "the bins were missed again and the lane behind the flats is full, " * 12
with open(f"{d}/demands.csv", "w") as f:
    f.write("Said,Outcome,VF,Door\n")
    for i in range(1, 3001):
        f.write(f'"{i}: {words}",Booked,value,Council web form\n')
with open(f"{d}/extract.csv", "w") as f:
    f.write("record id,given names,surname,date of birth,address,postcode\n")
    for i in range(1, 20001):
        f.write(f'K-{i},Ann {i},Smith,1980-02-03,"{i} High Street, Northfield",NF1 2AB\n')
PY
count() { sqlite3 "$1/localflow.db" "SELECT count(*) FROM $2"; }
nothing=0; whole=0; finished=0
for round in $(seq 1 "$N"); do
  db="$DIR/round"
  rm -rf "$db"
  cp -r "$DIR/template" "$db"
  if [ $((round % 2)) -eq 1 ]; then
    what="demand import"; table=demands; rows=3000
    args=(demand import "$DIR/demands.csv" --study 2 --map "verbatim=Said,what_happened=Outcome,value_or_failure=VF,front_door=Door" --data-dir "$db")
  else
    what="link import"; table=source_identities; rows=20000
    args=(link import "$DIR/extract.csv" --source "Kill loop system" --data-dir "$db")
  fi
  before=$(count "$db" $table)
  wal0=$(stat -c %s "$db/localflow.db-wal" 2>/dev/null || echo 0)
  "${CLI[@]}" "${args[@]}" > "$DIR/out.txt" 2>&1 &
  pid=$!
  killed=no
  if [ -n "${ROUND_DELAY:-}" ]; then
    sleep "$(python3 -c "import random; print(random.uniform(0, $ROUND_DELAY))")"
    kill -9 $pid 2>/dev/null && killed=yes
  else
    while kill -0 $pid 2>/dev/null; do
      wal=$(stat -c %s "$db/localflow.db-wal" 2>/dev/null || echo 0)
      if [ "$wal" -ge $((wal0 + 262144)) ]; then
        kill -9 $pid 2>/dev/null && killed=yes
        break
      fi
      sleep 0.002
    done
  fi
  wait $pid 2>/dev/null || true
  after=$(count "$db" $table)
  check=$(sqlite3 "$db/localflow.db" "PRAGMA integrity_check")
  "${CLI[@]}" audit verify --data-dir "$db" > "$DIR/audit.txt" 2>&1 || { echo "round $round: the audit chain is broken after killing the $what:"; cat "$DIR/audit.txt"; exit 1; }
  if [ "$check" != "ok" ]; then echo "round $round: integrity check after killing the $what: $check"; exit 1; fi
  if [ "$after" -eq "$before" ]; then outcome="nothing stored"; nothing=$((nothing + 1));
  elif [ "$after" -eq $((before + rows)) ]; then outcome="all $rows stored"; whole=$((whole + 1));
  else echo "round $round: the killed $what left $((after - before)) of $rows rows: half-written"; exit 1; fi
  [ "$killed" = yes ] || finished=$((finished + 1))
  "${CLI[@]}" "${args[@]}" > "$DIR/out.txt" 2>&1 || { echo "round $round: the $what did not run again after the kill:"; cat "$DIR/out.txt"; exit 1; }
  again=$(count "$db" $table)
  [ "$again" -eq $((before + rows)) ] || [ "$outcome" != "nothing stored" ] || { echo "round $round: the $what run again stored $((again - before)) rows"; exit 1; }
  echo "round $round: $what killed=$killed: $outcome; integrity ok; audit chain whole; ran again to the end"
done
echo "$N rounds: $nothing killed imports stored nothing, $whole were killed in or after their commit and stored everything, $finished finished before the kill; none was half-written."
rm -rf "$DIR"
