"""SQL for the better-sqlite3 stand-in (better_sqlite3_standin.cjs), in real SQLite, one statement per request.

A request is {db, mode, sql, params}; the answer {ok, cols, rows} / {ok, value} / {ok: false, error}. Each
statement opens its own autocommit connection, so ``changes`` counts that statement only. Two ways in: as a
script, one statement per process (request on stdin, answer on stdout), or ``serve_fifo`` in the harness's own
process, answering the stand-in through a pair of named pipes (``hnode.sqlite_env`` starts it): a Python start
per statement cost a SQL sample most of its CPU.
"""
import json
import os
import sqlite3
import sys
import threading
from typing import Any


def handle(req: dict[str, Any]) -> dict[str, Any]:
    try:
        con = sqlite3.connect(req["db"], isolation_level=None)
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__ + ": " + str(exc)}
    try:
        if req["mode"] == "exec":
            con.executescript(req["sql"])
            return {"ok": True, "value": None}
        p = req["params"]
        cur = con.execute(req["sql"], p if isinstance(p, dict) else tuple(p))
        cols = [d[0] for d in cur.description or ()]
        if req["mode"] == "run":
            return {"ok": True, "value": {"changes": con.total_changes, "lastInsertRowid": cur.lastrowid}}
        rows = cur.fetchall() if req["mode"] == "all" else [r for r in [cur.fetchone()] if r is not None]
        return {"ok": True, "cols": cols, "rows": [list(r) for r in rows]}
    except Exception as exc:
        return {"ok": False, "error": type(exc).__name__ + ": " + str(exc)}
    finally:
        con.close()


def answer(raw: bytes | str) -> str:
    try:
        out = handle(json.loads(raw))
    except Exception as exc:
        out = {"ok": False, "error": type(exc).__name__ + ": " + str(exc)}
    return json.dumps(out)


def serve_fifo(folder: str) -> None:
    """Make ``folder/req`` and ``folder/rep`` and answer requests on them from a daemon thread. One client at a
    time: the stand-in holds ``folder/lock`` (created exclusively) for a statement, and runs the script instead
    when another process holds it."""
    os.makedirs(folder, exist_ok=True)
    req, rep = os.path.join(folder, "req"), os.path.join(folder, "rep")
    os.mkfifo(req, 0o600)
    os.mkfifo(rep, 0o600)

    def loop() -> None:
        while True:
            try:
                with open(req, "rb") as fh:  # the client writes one request and closes
                    raw = fh.read()
                out = answer(raw)
                with open(rep, "w") as fh:
                    fh.write(out)
            except Exception:  # noqa: BLE001, S112 - a client killed mid-statement: serve the next one
                continue

    threading.Thread(target=loop, daemon=True, name="rl-sql-fifo").start()


if __name__ == "__main__":
    sys.stdout.write(answer(sys.stdin.read()))
