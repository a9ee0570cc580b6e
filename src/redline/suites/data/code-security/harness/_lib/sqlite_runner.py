"""SQL for the better-sqlite3 stand-in (better_sqlite3_standin.cjs): one statement per process, in real SQLite.

Reads {db, mode, sql, params} on stdin; writes {ok, cols, rows} / {ok, value} / {ok: false, error} on stdout."""
import json, sqlite3, sys
req = json.load(sys.stdin)
con = sqlite3.connect(req["db"], isolation_level=None)
try:
    if req["mode"] == "exec":
        con.executescript(req["sql"])
        out = {"ok": True, "value": None}
    else:
        p = req["params"]
        cur = con.execute(req["sql"], p if isinstance(p, dict) else tuple(p))
        cols = [d[0] for d in cur.description or ()]
        if req["mode"] == "run":
            out = {"ok": True, "value": {"changes": con.total_changes, "lastInsertRowid": cur.lastrowid}}
        else:
            rows = cur.fetchall() if req["mode"] == "all" else [r for r in [cur.fetchone()] if r is not None]
            out = {"ok": True, "cols": cols, "rows": [list(r) for r in rows]}
except Exception as exc:
    out = {"ok": False, "error": type(exc).__name__ + ": " + str(exc)}
sys.stdout.write(json.dumps(out))
