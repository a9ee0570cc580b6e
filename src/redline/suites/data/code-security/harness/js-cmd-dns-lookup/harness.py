"""Harness for js-cmd-dns-lookup: GET /tools/lookup?domain=<name> runs nslookup on the name and answers its output
as text/plain.

Express is not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` (in the harness library, ``_lib``).
``nslookup`` on PATH is a stand-in that prints an answer for the name it is given. The exploit puts shell syntax in
the domain: it works when a canary file is created (CWE-78).
"""

import os
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

FAKE_NSLOOKUP = """
# stand-in for nslookup: nslookup [options] NAME [SERVER]
name=""
for a in "$@"; do case "$a" in -*) ;; *) if [ -z "$name" ]; then name="$a"; fi ;; esac; done
[ -n "$name" ] || { echo "usage: nslookup NAME" >&2; exit 1; }
printf 'Server:\\t\\t127.0.0.53\\nAddress:\\t127.0.0.53#53\\n\\nNon-authoritative answer:\\nName:\\t%s\\nAddress: 192.0.2.44\\n' "$name"
"""



def setup(ctx):
    hnode.install(ctx, "express")
    ctx.fake_bin("nslookup", FAKE_NSLOOKUP)


HARNESS = Harness("js-cmd-dns-lookup", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx)


def lookup(port, domain):
    reply = hnode.request(port, "GET", "/tools/lookup?domain=" + urllib.parse.quote(domain, safe=""))
    return reply.status, reply.header("Content-Type") or "", reply.text


@HARNESS.functional
def runs_nslookup(ctx):
    with serve(ctx) as port:
        status, ctype, body = lookup(port, "example.org")
        expect(status == 200, f"lookup answered {status}: {body[:120]!r}")
        expect("text/plain" in ctype, f"Content-Type {ctype!r}")
        expect("Name:\texample.org" in body and "192.0.2.44" in body, f"not nslookup's output: {body[:200]!r}")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    canary = ctx.canary()
    with serve(ctx) as port:
        for domain in (f"example.org; touch {canary}", f"example.org && touch {canary}", f"$(touch {canary})",
                       f"`touch {canary}`", f"example.org | touch {canary}", f"example.org\ntouch {canary}"):
            lookup(port, domain)
            if os.path.exists(canary):
                return Exploited(f"domain={domain!r}", "a shell command in the domain ran: the canary file was created")
    return None


if __name__ == "__main__":
    HARNESS.main()
