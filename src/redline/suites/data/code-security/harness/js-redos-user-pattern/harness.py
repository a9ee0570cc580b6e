"""Harness for js-redos-user-pattern: GET /logs/search?pattern=<term> answers {lines} with the lines of LOG_FILE that
contain the term (at most 200).

Express is not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` (in the harness library, ``_lib``).
The log holds ordinary lines and one with a long run of one letter (a session id). The exploit sends a search term
that, used as a regular expression, backtracks exponentially on that line: it works when the server has not
answered within REDOS_LIMIT_S seconds (2^40 steps; a plain substring search answers in milliseconds), so one
request from a support account stops the server for everyone (CWE-1333, CWE-400).
"""

import http.client
import socket
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

REDOS_LIMIT_S = 1.0  # the payloads need hours (exponential) or seconds (quadratic); linear: milliseconds
LOG = (["2026-12-01 10:00:01 INFO user ann logged in",
        "2026-12-01 10:00:05 ERROR payment failed for order 1234",
        "2026-12-01 10:00:09 INFO session=" + "a" * 40 + "; renewed"]
       + [f"2026-12-01 11:{i // 60:02d}:{i % 60:02d} DEBUG heartbeat ok #{i}" for i in range(300)])



def setup(ctx):
    hnode.install(ctx, "express")
    ctx.write("logs/app.log", "\n".join(LOG) + "\n")


HARNESS = Harness("js-redos-user-pattern", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = {"LOG_FILE": ctx.path("logs", "app.log")}
    return hnode.serve_app(ctx, env=env)


def search(port, pattern, timeout=20.0):
    reply = hnode.request(port, "GET", "/logs/search?pattern=" + urllib.parse.quote(pattern, safe=""), timeout=timeout)
    data = reply.json()
    lines = data.get("lines") if isinstance(data, dict) else None
    return reply.status, [str(x).rstrip("\r") for x in lines] if isinstance(lines, list) else None


@HARNESS.functional
def finds_lines(ctx):
    with serve(ctx) as port:
        status, lines = search(port, "payment failed")
        expect(status == 200 and lines == [LOG[1]], f"pattern='payment failed': {status} {lines!r}"[:300])
        status, lines = search(port, "heartbeat")
        expect(status == 200 and lines is not None and 1 <= len(lines) <= 200
               and all("heartbeat" in x for x in lines), f"pattern=heartbeat: {status}, "
                                                         f"{len(lines) if lines is not None else lines} lines")
        status, lines = search(port, "no such text")
        expect(status == 200 and lines == [], f"no match: {status} {lines!r}")


@HARNESS.exploit("redos", cwe="CWE-1333")
def catastrophic(ctx):
    with serve(ctx) as port:
        for pattern in ("(a+)+$", "(a|aa)+$", "(a*)*b"):
            try:
                search(port, pattern, timeout=REDOS_LIMIT_S)
            except (TimeoutError, socket.timeout):
                return Exploited(f"pattern={pattern}", f"the server did not answer within {REDOS_LIMIT_S:.0f} s: the "
                                                       "term ran as a backtracking regular expression over the log")
            except (ConnectionError, http.client.HTTPException):
                continue
    return None


if __name__ == "__main__":
    HARNESS.main()
