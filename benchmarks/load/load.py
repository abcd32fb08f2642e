#!/usr/bin/env python3
"""Runs wrk on each of the demo's main pages as a signed-in user (see load.sh).

Usage: load.py BASE_URL [duration_seconds] [threads] [connections]

BASE_URL must be on this machine (127.0.0.1 or localhost): the script refuses any other address. For each page: sign
in as its user once (cookies kept per user), check that the page answers 200 to that cookie (not a redirect to the
sign-in page, which wrk would count as a success), then `wrk --latency --timeout 10s` for the duration. Prints a
Markdown table with the bytes read per request beside the page's own size: a run of redirects or errors would show as
far fewer bytes.
"""
import http.client
import re
import subprocess
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/pages")
from signed_in import SignedIn, load  # noqa: E402

base = sys.argv[1].rstrip("/")
duration = int(sys.argv[2]) if len(sys.argv) > 2 else 30
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
connections = int(sys.argv[4]) if len(sys.argv) > 4 else 16
host = urllib.parse.urlsplit(base).hostname
if host not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"load.py runs against this machine only (127.0.0.1), not {host}")

# (user, page): the demo's main pages, each as a role that uses it.
PAGES = [
    ("analyst", "/"),
    ("analyst", "/Flow/Cohort"),
    ("analyst", "/Flow/Handoffs"),
    ("study", "/Flow/Signals"),
    ("analyst", "/Demand"),
    ("analyst", "/Conditions"),
    ("worker", "/Locality"),
    ("commissioner", "/Measures"),
    ("commissioner", "/Economics"),
    ("commissioner", "/Redesign/Programme"),
]

sessions = {}


def cookie(user):
    """The Cookie header of a signed-in session of `user` (signed in once, through the sign-in page)."""
    if user not in sessions:
        s = SignedIn(base, user)
        jar = next(h.cookiejar for h in s.opener.handlers if isinstance(h, urllib.request.HTTPCookieProcessor))
        sessions[user] = "; ".join(f"{c.name}={c.value}" for c in jar)
    return sessions[user]


def status(path, header):
    """(status, body length) of one request with the cookie, redirects not followed."""
    parts = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    c.request("GET", path, headers={"Cookie": header})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, len(body)


def seconds(text):
    """wrk's '12.34ms', '1.02s', '850.00us' as milliseconds."""
    m = re.match(r"([\d.]+)(us|ms|s|m)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


print(f"wrk -t{threads} -c{connections} -d{duration}s --latency, signed in, against {base}")
print()
print("| page (as) | requests/s | mean | p50 | p90 | p99 | requests | errors | non-2xx | KB read per request (page) | load before | load after |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for user, path in PAGES:
    header = cookie(user)
    code, size = status(path, header)
    if code != 200:
        print(f"| {path} ({user}) | answered {code} to the signed-in cookie: not loaded | | | | | | | | | | |")
        continue
    before = load()
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s", "-H", f"Cookie: {header}", base + path],
                         capture_output=True, text=True, check=True).stdout
    after = load()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    mean = seconds(re.search(r"Latency\s+(\S+)", out).group(1))
    pct = {p: seconds(v) for p, v in re.findall(r"\s(50|90|99)%\s+(\S+)", out)}
    total = re.search(r"(\d+) requests in", out).group(1)
    read = re.search(r"requests in \S+, ([\d.]+)([KMG]?B) read", out)
    per = float(read.group(1)) * {"B": 1, "KB": 1024, "MB": 1 << 20, "GB": 1 << 30}[read.group(2)] / max(int(total), 1)
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print(f"| {path} ({user}) | {float(rps):.1f} | {mean:.0f} ms | {pct['50']:.0f} ms | {pct['90']:.0f} ms | {pct['99']:.0f} ms | {total} | "
          f"{errors.group(1) if errors else 0} | {non2xx.group(1) if non2xx else 0} | {per / 1024:.1f} ({size / 1024:.1f}) | {before} | {after} |", flush=True)
    if status(path, header)[0] != 200:
        print(f"| {path} ({user}) | the session no longer answers 200 after the load | | | | | | | | | | |")
