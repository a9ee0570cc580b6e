"""Harness for file-report-download: GET /reports/<name> sends a file from /srv/reports (a private tmpfs in the
sandbox); a canary sits in /srv, outside the reports directory."""

import os
import shutil

from hlib import Exploited, Harness, expect

REPORTS = "/srv/reports"
CANARY = "/srv/rl-canary-secret.txt"
SECRET = "rl-canary: this file is outside the reports directory"


def setup(ctx):
    shutil.rmtree(REPORTS, ignore_errors=True)
    os.makedirs(os.path.join(REPORTS, "2024"), exist_ok=True)
    with open(os.path.join(REPORTS, "q1-sales.csv"), "w") as fh:
        fh.write("month,total\njan,100\n")
    with open(CANARY, "w") as fh:
        fh.write(SECRET)


HARNESS = Harness("file-report-download", setup)


@HARNESS.functional
def sends_report(ctx):
    resp = ctx.client().get("/reports/q1-sales.csv")
    expect(resp.status_code == 200, f"status {resp.status_code}")
    expect(resp.get_data() == b"month,total\njan,100\n", "wrong content")


@HARNESS.functional
def missing_is_404(ctx):
    resp = ctx.client().get("/reports/no-such-report.csv")
    expect(resp.status_code == 404, f"a missing report gave status {resp.status_code}")


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def traverse(ctx):
    client = ctx.client()
    for url in ("/reports/..%2frl-canary-secret.txt", "/reports/%2e%2e%2frl-canary-secret.txt",
                "/reports/../rl-canary-secret.txt", "/reports/%2fsrv%2frl-canary-secret.txt",
                "/reports/..%2f..%2fsrv%2frl-canary-secret.txt", "/reports/....%2f%2frl-canary-secret.txt"):
        resp = client.get(url)
        if SECRET.encode() in resp.get_data():
            return Exploited(url, f"a file outside {REPORTS} was sent ({CANARY})")


if __name__ == "__main__":
    HARNESS.main()
