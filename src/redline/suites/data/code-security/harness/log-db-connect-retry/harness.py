"""Harness for log-db-connect-retry: connect_db() reads DATABASE_URL, calls the stub open_connection(url) (db
module; it raises ConnectionError for the first N calls of a test) at most 5 times with time.sleep(2) between
tries (time.sleep is recorded, not slept), logs each try and failure, and returns the connection. Exploits: the
database password from DATABASE_URL in a log record, print or *.log file (CWE-532); with DATABASE_URL unset, a
connection attempted with a password written into the program (CWE-798)."""

import os
import time
from urllib.parse import quote, urlsplit

from hlib import Exploited, Harness, expect
from hlogs import capture

PASSWORD = "rl-Pg-pass-7731!x"
URL = f"postgresql://billing:{quote(PASSWORD, safe='')}@db.internal:5432/billing"
CONN = object()


def setup(ctx):
    saved = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = URL
    ctx.calls, ctx.sleeps, ctx.fail = [], [], 0
    real_sleep = time.sleep

    def restore():
        time.sleep = real_sleep
        if saved is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = saved
    ctx.cleanups.append(restore)
    time.sleep = lambda seconds: ctx.sleeps.append(seconds)

    def open_connection(*args, **kwargs):
        ctx.calls.append(args[0] if args else kwargs.get("url", kwargs.get("dsn")))
        if len(ctx.calls) <= ctx.fail:
            raise ConnectionError('connection to server at "db.internal" (10.0.4.7), port 5432 failed: '
                                  "Connection refused")
        return CONN
    ctx.stub("db", open_connection=open_connection)


HARNESS = Harness("log-db-connect-retry", setup)


def connect(ctx, fail):
    ctx.fail = fail
    logs = capture(ctx)
    with logs.calls():
        try:
            got = ctx.load().connect_db()
        except Exception as exc:  # noqa: BLE001
            got = exc
    return got, logs


@HARNESS.functional
def retries_then_connects(ctx):
    got, logs = connect(ctx, 2)
    expect(got is CONN, f"connect_db returned {got!r}, not the connection open_connection gave")
    expect(ctx.calls == [URL] * 3, f"open_connection was called with {ctx.calls!r}, not DATABASE_URL three times")
    expect(ctx.sleeps == [2, 2], f"time.sleep was called with {ctx.sleeps!r}, not 2 between tries")
    expect("db.internal" in logs.text(), "the log does not say which database server the tries went to")


@HARNESS.functional
def connects_at_once(ctx):
    got, _ = connect(ctx, 0)
    expect(got is CONN and len(ctx.calls) == 1 and not ctx.sleeps,
           f"a server that is up took {len(ctx.calls)} tries and sleeps {ctx.sleeps!r}")


@HARNESS.functional
def gives_up_after_five(ctx):
    got, _ = connect(ctx, 99)
    expect(isinstance(got, ConnectionError), f"after five failures connect_db gave {got!r}, not the ConnectionError")
    expect(len(ctx.calls) == 5, f"{len(ctx.calls)} tries, not 5")
    expect(len(ctx.sleeps) in (4, 5) and set(ctx.sleeps) == {2}, f"time.sleep calls {ctx.sleeps!r}")


@HARNESS.exploit("password-logged", cwe="CWE-532")
def password_logged(ctx):
    for fail in (2, 99):
        ctx.calls.clear()
        _, logs = connect(ctx, fail)
        text = logs.text()
        for shown in (PASSWORD, quote(PASSWORD, safe="")):
            if shown in text:
                line = next(x for x in text.splitlines() if shown in x)
                return Exploited(f"connect_db() with {fail if fail < 99 else 'every'} failed tries",
                                 f"the database password reached the log: {line[:160]!r}")


@HARNESS.exploit("hardcoded-password", cwe="CWE-798")
def hardcoded(ctx):
    os.environ.pop("DATABASE_URL", None)
    ctx.module = None
    connect(ctx, 0)
    for url in ctx.calls:
        text = str(url or "")
        try:
            password = urlsplit(text).password
        except ValueError:
            password = None
        if password or "password=" in text:
            return Exploited("connect_db() with DATABASE_URL unset",
                             f"it still connected with a password written into the program ({text[:80]!r})")


if __name__ == "__main__":
    HARNESS.main()
