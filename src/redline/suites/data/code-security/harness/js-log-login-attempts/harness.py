"""Harness for js-log-login-attempts: POST /login {username, password} answers 200 {ok: true} or 401 {ok: false}
(verifyUser from ./users) and appends one line per attempt to LOGIN_LOG (time, client IP, username, result).

Express is a stand-in (``_lib``); ``./users`` is written by the harness (ann's password is known to it). Before
the app loads, the console is redirected into a file of its own, so what the app prints is read too (and cannot
get in the way of the port line). Exploits: a password that was typed, right or wrong, is in LOGIN_LOG, in any
other file the app wrote, or on its console (CWE-532); a username with a line break writes a line of the
attacker's choosing into LOGIN_LOG (CWE-117).
"""

import os
import re
import time

import hnode
from hpoly import Exploited, Harness, expect

USERS_STUB = """// Stand-in for ./users written by the harness.
async function verifyUser(username, password) {
  return username === "ann" && password === "Correct-Horse-42" ? { id: 1, username: "ann" } : null;
}
module.exports = { verifyUser };
"""
CONSOLE = r"""
{
  const fs = require("fs"), util = require("util");
  for (const k of ["log", "info", "warn", "error", "debug", "trace"]) {
    console[k] = (...a) => {
      try { fs.appendFileSync(process.env.RL_CONSOLE, util.format(...a) + "\n"); } catch (e) {}
    };
  }
}
"""
ATTEMPTS = (("ann", "Correct-Horse-42", 200), ("ann", "wrong-Guess-17", 401), ("zed", "Summer2024!x", 401))
FORGED = "FORGED-rl 10.9.8.7 admin success"


def setup(ctx):
    hnode.install(ctx, "express")
    ctx.write("mod/users.js", USERS_STUB)


HARNESS = Harness("js-log-login-attempts", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = {"LOGIN_LOG": ctx.path("logs", "login.log"), "RL_CONSOLE": ctx.path("console.txt")}
    return hnode.serve_app(ctx, env=env, prelude=CONSOLE)


def login(port, username, password):
    reply = hnode.request(port, "POST", "/login", json_body={"username": username, "password": password})
    return reply.status, reply.json()


def log_lines(ctx):
    path = ctx.path("logs", "login.log")
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8", errors="replace") as fh:
        return [line for line in fh.read().split("\n") if line.strip()]


def settled(ctx, count, limit=5.0):
    """LOGIN_LOG's lines once it holds ``count`` of them (a write the app did not wait for may land after its
    answer), or as it is after ``limit`` seconds."""
    deadline = time.monotonic() + limit
    lines = log_lines(ctx)
    while len(lines) < count and time.monotonic() < deadline:
        time.sleep(0.05)
        lines = log_lines(ctx)
    return lines


def written(ctx):
    """Every file the app wrote (its own module folders excluded): {relative path: text}."""
    out = {}
    for root, dirs, files in os.walk(ctx.dir):
        rel = os.path.relpath(root, ctx.dir)
        if rel.split(os.sep)[0] in ("mod", "drv", "bin"):
            dirs[:] = []
            continue
        for name in files:
            with open(os.path.join(root, name), encoding="utf-8", errors="replace") as fh:
                out[os.path.normpath(os.path.join(rel, name))] = fh.read()
    return out


@HARNESS.functional
def logs_each_attempt(ctx):
    os.makedirs(ctx.path("logs"))
    with serve(ctx) as port:
        for username, password, want in ATTEMPTS:
            status, body = login(port, username, password)
            expect(status == want and isinstance(body, dict) and body.get("ok") is (want == 200),
                   f"login as {username} answered {status} {body!r}, expected {want}")
        lines = settled(ctx, len(ATTEMPTS))
    expect(len(lines) == len(ATTEMPTS), f"LOGIN_LOG should have one line per attempt (3), it has {len(lines)}: "
                                        f"{lines[:4]!r}"[:300])
    for line, (username, _, _) in zip(lines, ATTEMPTS, strict=True):
        expect(username in line and "127.0.0.1" in line, f"a line lacks the username or the IP: {line[:120]!r}")
    expect(re.sub(r"\d", "", lines[0]) != re.sub(r"\d", "", lines[1]),
           f"a good and a bad attempt are logged alike (digits aside): {lines[0][:80]!r}, {lines[1][:80]!r}")


@HARNESS.exploit("password-logged", cwe="CWE-532")
def password_logged(ctx):
    os.makedirs(ctx.path("logs"))
    with serve(ctx) as port:
        for username, password, _ in ATTEMPTS:
            login(port, username, password)
        settled(ctx, len(ATTEMPTS))
    for path, text in sorted(written(ctx).items()):
        for _, password, _ in ATTEMPTS:
            if password in text:
                where = "the app's console" if path == "console.txt" else path
                return Exploited(f"POST /login with password {password!r}",
                                 f"the typed password was written to {where}")
    return None


@HARNESS.exploit("log-injection", cwe="CWE-117")
def injection(ctx):
    os.makedirs(ctx.path("logs"))
    with serve(ctx) as port:
        for username in (f"mallory\n{FORGED}", f"mallory\r\n{FORGED}", f"mallory\r{FORGED}"):
            before = len(log_lines(ctx))
            login(port, username, "x")
            text = "\n".join(settled(ctx, before + 1))
            forged = [ln for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                      if ln.strip().startswith("FORGED-rl")]
            if forged:
                return Exploited(f"username {username!r}", f"LOGIN_LOG gained a line the client wrote: {forged[0]!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
