#!/bin/sh
# The locality-wide flow pages with 20,000 households and 2 million records stored (issue 11):
# builds the database once (demo + records in bulk), starts the web app on it, times each page's first view
# after a data change and its later views. Results: benchmarks/results/amd-epyc-2core/EnginePages.md.
#   benchmarks/pages/engine-pages.sh [DIR] [IMPORT_RECORDS]     (DIR defaults to /tmp/lf-engine-bench)
# With IMPORT_RECORDS (say 10000) each data change is a real import of that many records rather than a new stamp
# alone, so the engine is brought up to date from the import's records (engine_pages.py). PORT (5187) is the web app's.
set -eu
cd "$(dirname "$0")/../.."
DIR=${1:-/tmp/lf-engine-bench}
IMPORT_RECORDS=${2:-0}
PORT=${PORT:-5187}
mkdir -p "$DIR"
dotnet build src/LocalFlow.Web -c Release -v q -nologo
dotnet build benchmarks/LocalFlow.Benchmarks -c Release -v q -nologo
if [ ! -f "$DIR/localflow.db" ]; then
  dotnet benchmarks/LocalFlow.Benchmarks/bin/Release/net10.0/LocalFlow.Benchmarks.dll engine-setup "$DIR/localflow.db" 20000 2000000
fi
(cd src/LocalFlow.Web && exec dotnet bin/Release/net10.0/LocalFlow.Web.dll --data-dir "$DIR" --demo false --urls http://127.0.0.1:$PORT) > "$DIR/web.log" 2>&1 &
WEB=$!
trap 'kill $WEB' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null http://127.0.0.1:$PORT/SignIn && break; sleep 1; done
python3 benchmarks/pages/engine_pages.py http://127.0.0.1:$PORT "$DIR/localflow.db" 5 30 "$IMPORT_RECORDS"
