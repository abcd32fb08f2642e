"""A signed-in session of a running LocalFlow web app, shared by the page benchmarks in this folder."""
import http.cookiejar
import os
import re
import sqlite3
import time
import urllib.parse
import urllib.request

DEMO_PASSWORD = "northfield-demo"


class SignedIn:
    """Signs in as a demo user through the sign-in page, then times whole requests as the browser sees them."""

    def __init__(self, base, user):
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        _, _, page = self.get("/SignIn")
        token = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1).decode()
        form = urllib.parse.urlencode({"UserName": user, "Password": DEMO_PASSWORD, "__RequestVerificationToken": token}).encode()
        self.opener.open(urllib.request.Request(self.base + "/SignIn", data=form), timeout=600).read()

    def get(self, path):
        """(seconds, status, body) of one whole request: server work and the HTML transfer."""
        start = time.perf_counter()
        with self.opener.open(self.base + path, timeout=600) as r:
            body = r.read()
            status = r.status
        return time.perf_counter() - start, status, body


def load():
    """The machine's one-minute load average (the machine is shared: say so beside every figure)."""
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def data_changed(db_file):
    """A change in the demo's locality only: a new flow data-version stamp of its own (FlowDataVersion.KeyOf), as any
    import, undo or record change there stores (not the shared stamp, which agency changes set). The next view
    rebuilds the locality's engine from the stored records."""
    with sqlite3.connect(db_file) as c:
        locality = c.execute("SELECT min(id) FROM localities").fetchone()[0]
        c.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                  (f"flow.data-version.{locality}", os.urandom(8).hex()))
