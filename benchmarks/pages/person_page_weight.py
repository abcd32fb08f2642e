#!/usr/bin/env python3
"""The weight of the locality team's person page (/Locality/Person/{id}): bytes of HTML and time per view, for every
person of a running LocalFlow web app's demo, as the demo's key worker sees them.

Usage: person_page_weight.py BASE_URL DATABASE [views]

DATABASE is the app's SQLite file (read only, for the people's ids and names). Signs in as `keyworker` (Kim Key, who
works with the team's households), views each person's page once to find the heaviest, then views Ruth's page and the
five heaviest `views` times each (default 10). Prints a Markdown table: bytes, median and slowest view, and the load.
Also prints what the heaviest page is made of (bytes per top-level section), to see what makes it heavy.
"""
import re
import sqlite3
import statistics
import sys

from signed_in import SignedIn, load

base, database = sys.argv[1], sys.argv[2]
views = int(sys.argv[3]) if len(sys.argv) > 3 else 10
session = SignedIn(base, "keyworker")

with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as db:
    people = db.execute("select lower(id), given_name || ' ' || family_name from people order by family_name, given_name").fetchall()


sizes = []
for pid, name in people:
    seconds, status, body = session.get(f"/Locality/Person/{pid}")
    if status == 200:
        sizes.append((len(body), pid, name))
sizes.sort(reverse=True)
print(f"{len(sizes)} person pages: median {statistics.median(s for s, _, _ in sizes):,.0f} bytes, heaviest {sizes[0][0]:,} bytes "
      f"({sizes[0][2]}), lightest {sizes[-1][0]:,} bytes")
print()
ruth = [s for s in sizes if s[2].startswith("Ruth ")]
chosen = ruth[:1] + [s for s in sizes[:5] if s not in ruth[:1]]
print(f"| person | bytes | median of {views} | slowest | load average |")
print("|---|---:|---:|---:|---:|")
for size, pid, name in chosen:
    times = sorted(session.get(f"/Locality/Person/{pid}")[0] for _ in range(views))
    print(f"| {name} | {size:,} | {statistics.median(times) * 1000:.0f} ms | {times[-1] * 1000:.0f} ms | {load()} |", flush=True)

print()
_, _, body = session.get(f"/Locality/Person/{sizes[0][1]}")
html = body.decode()
main = html[html.find("<main"):html.find("</main>")]
print(f"What the heaviest page ({sizes[0][2]}) is made of: {len(body):,} bytes, of which <main> {len(main):,}")
marks = [(m.start(), m.group(1) or m.group(2)) for m in re.finditer(r'<h2 class="govuk-heading-m"[^>]*>([^<]*)|<h3 class="govuk-heading-s"[^>]*>([^<]*)', main)]
marks = [(0, "(top of main)")] + marks + [(len(main), "")]
for (start, title), (end, _) in zip(marks, marks[1:]):
    print(f"  {end - start:>7,}  {title}")
for what, pattern in [("<option>", r"<option"), ("<form>", r"<form"), ("antiforgery tokens", r"__RequestVerificationToken"), ("<svg>", r"<svg")]:
    print(f"  {len(re.findall(pattern, html)):>7}  {what}")
