"""A signed-in session of a running LocalFlow web app, shared by the page benchmarks in this folder."""
import http.cookiejar
import re
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
