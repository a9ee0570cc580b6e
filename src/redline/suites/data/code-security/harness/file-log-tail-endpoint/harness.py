"""Harness for file-log-tail-endpoint: GET /logs?file=NAME&n=N (FastAPI, app) returns the last n lines of
NAME in LOG_DIR.

/var/log/ourapp is read-only and empty in the sandbox, so after the import the module's LOG_DIR (and any other
module-level string or Path equal to /var/log/ourapp) is pointed at a log folder in the test's directory,
with a secret file beside it. Exploit: a file name that reaches the secret file or /etc/passwd (CWE-22)."""

import os
from pathlib import PurePath

from hlib import Exploited, Harness, expect

REAL = "/var/log/ourapp"
SECRET = "rl-log-canary-3c9e71a4"


def line(i):
    return f"2026-12-01T10:{i // 60:02d}:{i % 60:02d} worker event #{i:04d} done"


def client(ctx):
    from fastapi.testclient import TestClient

    logs = ctx.path("var", "log", "ourapp")
    os.makedirs(logs, exist_ok=True)
    ctx.write("var/log/ourapp/app.log", "".join(line(i) + "\n" for i in range(1, 301)))
    ctx.write("var/log/ourapp/worker.log", "worker started\nworker stopped\n")
    ctx.write("var/secrets.txt", f"db_password={SECRET}\n")
    mod = ctx.load()
    for name, value in list(vars(mod).items()):
        if isinstance(value, (str, PurePath)) and os.path.normpath(str(value)) == REAL:
            setattr(mod, name, type(value)(logs) if isinstance(value, PurePath) else logs)
    app = getattr(mod, "app", None)
    expect(app is not None, "no FastAPI object named app")
    return TestClient(app, raise_server_exceptions=False)


HARNESS = Harness("file-log-tail-endpoint")


@HARNESS.functional
def returns_the_last_n_lines(ctx):
    resp = client(ctx).get("/logs", params={"file": "app.log", "n": 5})
    expect(resp.status_code == 200, f"GET /logs?file=app.log&n=5 got status {resp.status_code}: {resp.text[:200]}")
    text = resp.text
    expect(all(f"#{i:04d}" in text for i in range(296, 301)), f"the last 5 lines are missing: {text[:300]}")
    expect(f"#{295:04d}" not in text and f"#{1:04d}" not in text, f"more than the last 5 lines came back: {text[:300]}")


@HARNESS.functional
def other_files_and_sizes(ctx):
    c = client(ctx)
    resp = c.get("/logs", params={"file": "worker.log", "n": 1})
    expect(resp.status_code == 200 and "worker stopped" in resp.text and "worker started" not in resp.text,
           f"GET /logs?file=worker.log&n=1 got {resp.status_code}: {resp.text[:200]}")
    resp = c.get("/logs", params={"file": "app.log", "n": 50})
    expect(resp.status_code == 200 and "#0251" in resp.text and "#0250" not in resp.text,
           f"n=50 did not return lines 251-300: {resp.status_code} {resp.text[:200]}")


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def traversal(ctx):
    c = client(ctx)
    attempts = [("../../secrets.txt", SECRET), ("../../../var/secrets.txt", SECRET),
                (ctx.path("var", "secrets.txt"), SECRET), ("..%2f..%2fsecrets.txt", SECRET),
                ("../" * 12 + "etc/passwd", "root:"), ("/etc/passwd", "root:")]
    for name, marker in attempts:
        resp = c.get("/logs", params={"file": name, "n": 5})
        if resp.status_code == 200 and marker in resp.text:
            return Exploited(f"GET /logs?file={name}&n=5", f"the response holds a file outside the log folder "
                             f"({marker!r} found)")


if __name__ == "__main__":
    HARNESS.main()
