#!/bin/sh
# The locality team's pages with 20,000 households and 2 million records stored (issue 9): "my people", a person's
# page and the team's board. Builds the database once (the demo, which includes the locality team, then records in
# bulk), starts the web app on it and times each page. Results: benchmarks/results/amd-epyc-2core/LocalityPages.md.
#   benchmarks/pages/locality-pages.sh [DIR]     (DIR defaults to /tmp/lf-locality-bench)
set -eu
cd "$(dirname "$0")/../.."
DIR=${1:-/tmp/lf-locality-bench}
mkdir -p "$DIR"
dotnet build src/LocalFlow.Web -c Release -v q -nologo
dotnet build benchmarks/LocalFlow.Benchmarks -c Release -v q -nologo
if [ ! -f "$DIR/localflow.db" ]; then
  dotnet benchmarks/LocalFlow.Benchmarks/bin/Release/net10.0/LocalFlow.Benchmarks.dll engine-setup "$DIR/localflow.db" 20000 2000000
fi
(cd src/LocalFlow.Web && exec dotnet bin/Release/net10.0/LocalFlow.Web.dll --data-dir "$DIR" --demo false --urls http://127.0.0.1:5189) > "$DIR/web.log" 2>&1 &
WEB=$!
trap 'kill $WEB' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null http://127.0.0.1:5189/SignIn && break; sleep 1; done
python3 benchmarks/pages/locality_pages.py http://127.0.0.1:5189 20 "$WEB"
