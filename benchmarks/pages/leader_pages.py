#!/usr/bin/env python3
"""Times the leaders' and the data officer's pages of a running LocalFlow web app at locality scale (issues 11 and 12):
the measures (/Measures, a saved measure, /Measures/Population, /Measures/Report as a page, PDF and CSV), the
locality picture (/Locality/Picture), /Economics,
the person page's "Everything held" (subject access, as a page and as JSON) and the redesign programme's pages.

Usage: leader_pages.py BASE_URL DATABASE_FILE [later_views] [server_pid] [only]

`only`, a regular expression, times only the pages whose "user path" matches it (e.g. "^(commissioner|steering) ").

For each page, as the demo user named beside it:
  1. a warm-up view (JIT and Razor compilation on a cold server),
  2. a new flow data-version stamp for the demo's locality in DATABASE_FILE (as any import, undo or record change
     stores), then a view: the "first view after a data change" (pages built on the locality's engine wait for its
     rebuild from every stored record),
  3. `later_views` (default 5) more views with nothing changed: the "later views".
Each time is the whole request as the browser sees it (server work and the transfer, on localhost). With the web
server's process id it also gives the server's CPU time per later view (user + system, from /proc): on a shared
machine wall-clock times grow with the load, CPU time much less. Prints a Markdown table with the load average.
The subject access page is for the person with the most stored records who is not restricted (the largest
"Everything held" the data officer may open).
"""
import os
import re
import sqlite3
import statistics
import sys

from signed_in import SignedIn, data_changed, load

base, db_file = sys.argv[1], sys.argv[2]
later = int(sys.argv[3]) if len(sys.argv) > 3 else 5
server = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
only = re.compile(sys.argv[5]) if len(sys.argv) > 5 else None
sessions = {}


def signed_in(user):
    if user not in sessions:
        sessions[user] = SignedIn(base, user)
    return sessions[user]


def cpu_seconds():
    """The server's user + system CPU time so far, in seconds (0 without a process id)."""
    if server is None:
        return 0.0
    with open(f"/proc/{server}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_link(user, path, pattern):
    _, status, body = signed_in(user).get(path)
    assert status == 200, (user, path, status)
    found = re.search(pattern, body)
    assert found, (user, path, pattern)
    return found.group(0).decode()


with sqlite3.connect(db_file) as c:
    busiest, held = c.execute("""SELECT r.person_id, count(*) FROM activity_records r JOIN people p ON p.locality_id = r.locality_id AND p.id = r.person_id
        LEFT JOIN households h ON h.locality_id = p.locality_id AND h.id = p.household_id
        WHERE NOT p.restricted AND NOT coalesce(h.restricted, 0) GROUP BY r.person_id ORDER BY count(*) DESC, r.person_id LIMIT 1""").fetchone()
    records = c.execute("SELECT count(*) FROM activity_records").fetchone()[0]
    households = c.execute("SELECT count(*) FROM households").fetchone()[0]
person = busiest.lower()
measure = first_link("analyst", "/Measures", rb"/Measures/Measure/[0-9]+")
question = first_link("commissioner", "/Redesign/Questions", rb"/Redesign/Question/[0-9a-f-]{36}")
question_id = question.rsplit("/", 1)[1]
pages = [
    ("analyst", "/Measures"),
    ("analyst", measure),
    ("analyst", "/Measures/Population"),
    ("study", "/Measures/Population"),
    ("analyst", "/Measures/Report"),
    ("analyst", "/Measures/Report?handler=Pdf"),
    ("analyst", "/Measures/Report?handler=Csv"),
    ("study", "/Measures/Report"),
    ("analyst", "/Locality/Picture"),
    ("commissioner", "/Locality/Picture"),
    ("keyworker", "/Locality/Picture"),
    ("analyst", "/Economics"),
    ("commissioner", "/Economics"),
    ("dataofficer", f"/Locality/Person/{person}/SubjectAccess"),
    ("dataofficer", f"/Locality/Person/{person}/SubjectAccess?handler=Json"),
    ("commissioner", "/Redesign"),
    ("commissioner", "/Redesign/Programme"),
    ("commissioner", "/Redesign/Groups"),
    ("commissioner", "/Redesign/Questions"),
    ("commissioner", "/Redesign/Jigsaw"),
    ("commissioner", question),
    ("commissioner", f"/Redesign/CostBenefit/{question_id}"),
    ("steering", f"/Redesign/Gateway/{question_id}"),
    ("commissioner", "/Redesign/Pathway"),
    ("study", "/Redesign/Pathway"),
    ("commissioner", "/Redesign/Strategies"),
]
print(f"{records:,} records, {households:,} households; subject access for the person with the most records ({held:,}).\n")
print(f"| page | as | size | warm-up (cold server) | first view after a data change | later views: median of {later} | later views: slowest | server CPU per later view | load average |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for user, path in pages:
    if only is not None and not only.search(f"{user} {path}"):
        continue
    get = signed_in(user).get
    warm, status, body = get(path)
    assert status == 200 and b"Sign in" not in body[:2000], (user, path, status)
    data_changed(db_file)
    first, _, _ = get(path)
    before = cpu_seconds()
    times = [get(path)[0] for _ in range(later)]
    used = f"{(cpu_seconds() - before) / later * 1000:.0f} ms" if server else "—"
    shown = re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "{id}", path)
    print(f"| {shown} | {user} | {len(body) / 1024:.0f} KB | {warm:.2f} s | {first:.2f} s | {statistics.median(times) * 1000:.0f} ms | {max(times) * 1000:.0f} ms | {used} | {load()} |", flush=True)
