#!/usr/bin/env python3
"""Times the locality-wide flow pages (Cohort, Hand-offs, Signals, Conditions) of a running LocalFlow web app.

Usage: engine_pages.py BASE_URL DATABASE_FILE [later_views] [warm_wait_seconds] [import_records]

Signs in as the demo's study team user, then for each page:
  1. warms the page once (JIT and Razor compilation, engine built),
  2. stores a new flow data-version stamp for the demo's locality in DATABASE_FILE (`flow.data-version.<locality id>`,
     as any import, undo or record change in that locality does; not the shared stamp, which agency changes set), so the
     next view rebuilds the locality's engine from the two million stored records: the "first view",
  3. views it `later_views` more times with nothing changed: the "later views";
  4. stores a new stamp again, waits `warm_wait_seconds` (default 30) for the server's background warmer
     (FlowEngineWarmer) to rebuild the engine, and views it: the first view a user gets after a change once the
     warmer has caught up.
With `import_records` (say 10000), each data change in steps 2 and 4 is instead a real import of that many records
into the locality (`LocalFlow.Benchmarks engine-import`, another process storing them as the flow import stores a
file: the import, its records and the stamp that says only it changed the data), so the engine is brought up to date
by reading the import's records alone (issue 11). The import's own time is not in the view's.
Each time is the whole request as the browser sees it (server work and the HTML transfer, on localhost).
"""
import os
import statistics
import subprocess
import sys
import time

from signed_in import SignedIn, data_changed, load

base, db_file = sys.argv[1], sys.argv[2]
later = int(sys.argv[3]) if len(sys.argv) > 3 else 5
warm_wait = float(sys.argv[4]) if len(sys.argv) > 4 else 30
import_records = int(sys.argv[5]) if len(sys.argv) > 5 else 0
benchmarks = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "LocalFlow.Benchmarks", "bin", "Release", "net10.0", "LocalFlow.Benchmarks.dll")
imports = 0


def changed():
    """A data change: a new stamp, or with import_records a real import of that many records."""
    global imports
    if import_records <= 0:
        data_changed(db_file)
        return
    imports += 1
    subprocess.run(["dotnet", benchmarks, "engine-import", db_file, str(import_records), f"pages-{time.time_ns()}-{imports}"], check=True, stdout=subprocess.DEVNULL)
session = SignedIn(base, "study")
get = session.get


print(f"| page | warm-up (cold server) | first view at once after a data change | later views: median | later views: slowest | first view {warm_wait:.0f} s after a data change | load average |")
print("|---|---:|---:|---:|---:|---:|---:|")
for path in ["/Flow/Cohort", "/Flow/Handoffs", "/Flow/Signals", "/Conditions"]:
    warm, status, body = get(path)
    assert status == 200 and b"Sign in" not in body[:2000], path
    changed()
    first, _, _ = get(path)
    times = [get(path)[0] for _ in range(later)]
    changed()
    time.sleep(warm_wait)
    warmed, _, _ = get(path)
    print(f"| {path} | {warm:.2f} s | {first:.2f} s | {statistics.median(times) * 1000:.0f} ms | {max(times) * 1000:.0f} ms | {warmed:.2f} s | {load()} |", flush=True)
