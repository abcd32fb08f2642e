#!/usr/bin/env python3
"""Times the locality team's pages of a running LocalFlow web app: "my people" (/Locality), a person's page
(/Locality/Person/{id}, for Melvyn and for a household the key worker works with) and the team's board (/Locality/Board).

Usage: locality_pages.py BASE_URL [views] [server_pid]

Signs in as the demo's key worker (keyworker), warms each page once (JIT and Razor compilation), then views it
`views` times (default 20). Each time is the whole request as the browser sees it (server work and the HTML
transfer, on localhost). Prints a Markdown table with the median, 90th percentile and slowest view, and the load.
With the web server's process id, it also gives the server's CPU time per view (user + system, from /proc): on a
shared machine the wall-clock times grow with the load, the CPU time much less.
"""
import os
import re
import statistics
import sys

from signed_in import SignedIn, load

base = sys.argv[1]
views = int(sys.argv[2]) if len(sys.argv) > 2 else 20
server = sys.argv[3] if len(sys.argv) > 3 else None
session = SignedIn(base, "keyworker")
get = session.get


def cpu_seconds():
    """The server's user + system CPU time so far, in seconds (0 without a process id)."""
    if server is None:
        return 0.0
    with open(f"/proc/{server}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


_, _, mine = get("/Locality")
people = list(dict.fromkeys(re.findall(rb'href="(/Locality/Person/[0-9a-f-]{36})"', mine)))
assert people, "the key worker has people"
pages = [("/Locality (my people)", "/Locality"), ("/Locality/Person (first of my people)", people[0].decode()),
         ("/Locality/Person (another of my people)", people[len(people) // 2].decode()), ("/Locality/Board", "/Locality/Board")]
print(f"| page | warm-up | median of {views} | 90th percentile | slowest | server CPU per view | load average |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, path in pages:
    warm, status, body = get(path)
    assert status == 200 and b"Sign in" not in body[:2000], path
    before = cpu_seconds()
    times = sorted(get(path)[0] for _ in range(views))
    used = f"{(cpu_seconds() - before) / views * 1000:.0f} ms" if server else "—"
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    print(f"| {name} | {warm * 1000:.0f} ms | {statistics.median(times) * 1000:.0f} ms | {p90 * 1000:.0f} ms | {times[-1] * 1000:.0f} ms | {used} | {load()} |", flush=True)
