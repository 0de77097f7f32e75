#!/usr/bin/env python3
"""Runs one differential scenario through requests.Session against the loopback recording servers.

Usage: requests_scenarios.py SCENARIO BASE_A BASE_B
The mocha test test/unit/runner/differential.test.ts runs the same scenario through our engine and compares
the headers that arrive at the servers. Exit 3 when requests is missing.
"""
import sys
from urllib.parse import quote

try:
    import requests
except ImportError:
    sys.stderr.write("python3 has no 'requests' module (pip install requests)\n")
    sys.exit(3)


def cookies_set_then_sent(s, a, b):
    s.get(a + "/set?c=" + quote("sid=1; Path=/", safe="") + "&c=" + quote("lang=en", safe=""))
    s.get(a + "/check")


def session_headers_and_request_override(s, a, b):
    s.headers.update({"X-Client": "session", "X-Extra": "1"})
    s.get(a + "/one", headers={"X-Client": "request"})
    s.get(a + "/two")


def session_auth_and_request_authorization(s, a, b):
    s.auth = ("user", "pass")
    s.get(a + "/one", headers={"Authorization": "Bearer mine"})
    s.get(a + "/two")


def request_cookie_merge(s, a, b):
    s.get(a + "/set?c=" + quote("sid=jar", safe="") + "&c=" + quote("theme=light", safe=""))
    s.get(a + "/check", cookies={"theme": "dark", "extra": "1"})
    s.get(a + "/after")


def redirect_chain_with_cookies(s, a, b):
    last = "/redirect?c=" + quote("r2=2", safe="") + "&to=" + quote("/final", safe="")
    s.get(a + "/redirect?c=" + quote("r1=1", safe="") + "&to=" + quote(last, safe=""))
    s.get(a + "/after")


def cross_origin_redirect_with_authorization(s, a, b):
    s.get(a + "/set?c=" + quote("sid=a", safe=""))
    s.get(a + "/redirect?to=" + quote(b + "/landing", safe=""), headers={"Authorization": "Bearer secret"})


SCENARIOS = {f.__name__.replace("_", "-"): f for f in [
    cookies_set_then_sent,
    session_headers_and_request_override,
    session_auth_and_request_authorization,
    request_cookie_merge,
    redirect_chain_with_cookies,
    cross_origin_redirect_with_authorization,
]}

if __name__ == "__main__":
    name, base_a, base_b = sys.argv[1:4]
    with requests.Session() as session:
        SCENARIOS[name](session, base_a, base_b)
    print("ok " + requests.__version__)
