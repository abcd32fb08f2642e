#!/bin/sh
# Load test of the demo's main pages, signed in (issue 14, item 14): wrk against the web app on 127.0.0.1 only,
# bounded: DURATION seconds per page (default 30) with THREADS threads (2) and CONNECTIONS connections (16).
# Starts the web app on a fresh demo in DIR, signs each demo user in once through the sign-in page
# (benchmarks/pages/signed_in.py), checks each page answers 200 to that cookie, then runs wrk on it and prints a
# Markdown table: requests a second, latency (mean, p50, p90, p99), errors and non-2xx answers, and the load average
# before and after each page (the machine may be shared). The web app is stopped at the end.
#   benchmarks/load/load.sh [DIR]     (DIR defaults to /tmp/lf-load; needs wrk: apt-get install wrk)
# Results: benchmarks/results/load.md.
set -eu
cd "$(dirname "$0")/../.."
DIR=${1:-/tmp/lf-load}
PORT=${PORT:-5195}
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
dotnet build src/LocalFlow.Web -c Release -v q -nologo
rm -rf "$DIR"
mkdir -p "$DIR"
(cd src/LocalFlow.Web && exec dotnet bin/Release/net10.0/LocalFlow.Web.dll --data-dir "$DIR" --urls "http://127.0.0.1:$PORT") > "$DIR/web.log" 2>&1 &
WEB=$!
trap 'kill $WEB 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do curl -s -o /dev/null "http://127.0.0.1:$PORT/SignIn" && break; sleep 1; done
python3 benchmarks/load/load.py "http://127.0.0.1:$PORT" "${DURATION:-30}" "${THREADS:-2}" "${CONNECTIONS:-16}"
kill $WEB
wait $WEB 2>/dev/null || true
