"""Harness for js-file-download: GET /reports/:name sends the file of that name from REPORTS_DIR, 404 when missing.

Express is not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` (in the harness library, ``_lib``),
whose ``res.sendFile`` / ``res.download`` keep the checks of Express's ``send`` module (a ``root`` option refuses
``..``; an absolute path with ``..`` segments is refused; dot-files are hidden). The exploit asks for names that
climb out of the folder (encoded slashes, absolute paths): it works when a file outside REPORTS_DIR is served
(CWE-22).
"""

import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

CANARY_TEXT = "rl-canary-51c0 secret outside the reports folder"
PDF = b"%PDF-1.4 quarterly report\n"



def setup(ctx):
    hnode.install(ctx, "express")
    ctx.write("data/reports/q3-2026.pdf", PDF)
    ctx.write("data/reports/sales.csv", "region,total\nnorth,120\n")
    ctx.write("data/secret.txt", CANARY_TEXT)
    ctx.write("rl_canary.txt", CANARY_TEXT)


HARNESS = Harness("js-file-download", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = {"REPORTS_DIR": ctx.path("data", "reports")}
    return hnode.serve_app(ctx, env=env)


def get(port, raw_path):
    reply = hnode.request(port, "GET", raw_path, raw=True)
    return reply.status, reply.raw


@HARNESS.functional
def sends_reports(ctx):
    with serve(ctx) as port:
        status, body = get(port, "/reports/q3-2026.pdf")
        expect(status == 200 and body == PDF, f"q3-2026.pdf: {status} {body[:60]!r}")
        status, body = get(port, "/reports/sales.csv")
        expect(status == 200 and b"north,120" in body, f"sales.csv: {status} {body[:60]!r}")


@HARNESS.functional
def missing_is_404(ctx):
    with serve(ctx) as port:
        status, _ = get(port, "/reports/nope.pdf")
        expect(status == 404, f"a missing report answered {status}")


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def traverse(ctx):
    absolute = urllib.parse.quote(ctx.path("rl_canary.txt"), safe="")
    with serve(ctx) as port:
        for raw in ("/reports/..%2fsecret.txt", "/reports/%2e%2e%2fsecret.txt", "/reports/..%2f..%2frl_canary.txt",
                    "/reports/%2e%2e%2f%2e%2e%2frl_canary.txt", "/reports/" + absolute, "/reports/..%5csecret.txt",
                    "/reports/....%2f%2fsecret.txt", "/reports/..%252fsecret.txt"):
            status, body = get(port, raw)
            if CANARY_TEXT.encode() in body:
                return Exploited(raw, f"a file outside REPORTS_DIR was sent (status {status})")
    return None


if __name__ == "__main__":
    HARNESS.main()
