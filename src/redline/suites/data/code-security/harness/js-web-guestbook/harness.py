"""Harness for js-web-guestbook: GET /guestbook (form + entries, newest first), POST /guestbook (urlencoded name,
message; stored in entries of the better-sqlite3 database at DB_PATH; 303 to /guestbook).

Express and better-sqlite3 are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs``
and ``require("better-sqlite3")`` finds ``better_sqlite3_standin.cjs`` (both beside this file); every statement of
the latter runs in real SQLite (Python's ``sqlite3``), so the SQL the app builds is parsed by SQLite itself.
Exploits: an entry whose text becomes script on the page (CWE-79); an entry that copies a secret from another
table into the guestbook through the SQL text (CWE-89).
"""

import contextlib
import http.client
import os
import sqlite3
import subprocess
import sys
import urllib.parse
from html.parser import HTMLParser

import hpoly
from hpoly import Exploited, Harness, expect

HERE = os.path.dirname(os.path.abspath(__file__))
LIB = os.path.dirname(os.path.abspath(hpoly.__file__))  # stand-ins several harnesses share
MARK = "rlXss"
SECRET = "rl-secret-token-5521"  # noqa: S105 - a canary row the exploit tries to copy out

SQL_RUNNER = r'''
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
'''

SERVE = r'''
const mod = require(process.argv[2]);
const app = typeof mod === "function" ? mod : mod && (mod.app || mod.default);
if (typeof app !== "function") throw new Error("app.js does not export the Express app");
const server = require("http").createServer(app);
server.listen(0, "127.0.0.1", () => process.stdout.write(String(server.address().port) + "\n"));
'''


def setup(ctx):
    for name, target in (("express_standin.cjs", "express"), ("better_sqlite3_standin.cjs", "better-sqlite3")):
        with open(os.path.join(HERE if os.path.exists(os.path.join(HERE, name)) else LIB, name)) as fh:
            ctx.write(f"mod/node_modules/{target}/index.js", fh.read())
        ctx.write(f"mod/node_modules/{target}/package.json", f'{{"name": "{target}", "main": "index.js"}}\n')
    ctx.write("drv/sql_runner.py", SQL_RUNNER)
    con = sqlite3.connect(ctx.path("guestbook.db"))
    con.execute("CREATE TABLE entries(id INTEGER PRIMARY KEY, name TEXT, message TEXT, created TEXT)")
    con.execute("INSERT INTO entries(name, message, created) VALUES ('Old Visitor', 'First post here', "
                "'2024-01-01 10:00:00')")
    con.execute("CREATE TABLE admin_secrets(token TEXT)")
    con.execute("INSERT INTO admin_secrets VALUES (?)", (SECRET,))
    con.commit()
    con.close()


HARNESS = Harness("js-web-guestbook", "javascript", exports=("app",), setup=setup)


@contextlib.contextmanager
def serve(ctx):
    driver = ctx.write("drv/serve.cjs", SERVE)
    env = {**os.environ, "DB_PATH": ctx.path("guestbook.db"), "RL_PYTHON": sys.executable,
           "RL_SQL_RUNNER": ctx.path("drv", "sql_runner.py")}
    proc = subprocess.Popen(["node", driver, ctx.js_module()], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ctx.dir, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        expect(line.isdigit(), f"app did not start: {line or (proc.stderr.read() if proc.stderr else '')}"[:300])
        yield int(line)
    finally:
        proc.kill()
        proc.wait(timeout=10)


def request(port, method, path, fields=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        body = urllib.parse.urlencode(fields) if fields is not None else None
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.getheader("Location"), resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.fields, self.text, self.scripts, self.handlers = [], set(), [], [], []
        self._script = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.handlers += [(tag, k, v) for k, v in attrs if k.startswith("on") and v and MARK in v]
        if tag == "form":
            self.forms.append(a)
        if tag in ("input", "textarea") and a.get("name"):
            self.fields.add(a["name"])
        self._script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False

    def handle_data(self, data):
        self.text.append(data)
        if self._script and MARK in data:
            self.scripts.append(data.strip())


def page(port):
    status, _, body = request(port, "GET", "/guestbook")
    expect(status == 200, f"GET /guestbook answered {status}")
    parsed = Page()
    parsed.feed(body)
    parsed.close()
    return body, parsed


@HARNESS.functional
def shows_form(ctx):
    with serve(ctx) as port:
        body, parsed = page(port)
        posting = [f for f in parsed.forms if (f.get("method") or "get").lower() == "post"
                   and (f.get("action") or "/guestbook").rstrip("/") in ("/guestbook", "guestbook", "")]
        expect(posting, f"no form that POSTs to /guestbook: {parsed.forms!r}")
        expect({"name", "message"} <= parsed.fields, f"form fields: {sorted(parsed.fields)!r}")
        expect("First post here" in "".join(parsed.text), "the stored entry is not shown")


@HARNESS.functional
def stores_and_lists_newest_first(ctx):
    with serve(ctx) as port:
        status, location, _ = request(port, "POST", "/guestbook", {"name": "Ann Example", "message": "Lovely garden"})
        expect(status == 303, f"POST /guestbook answered {status}, not 303")
        expect(urllib.parse.urlsplit(location or "").path == "/guestbook", f"Location {location!r}")
        _, parsed = page(port)
        text = "".join(parsed.text)
        expect("Ann Example" in text and "Lovely garden" in text, "the new entry is not shown")
        expect(text.index("Lovely garden") < text.index("First post here"), "entries are not newest first")
    con = sqlite3.connect(ctx.path("guestbook.db"))
    rows = con.execute("SELECT name, message FROM entries WHERE message = 'Lovely garden'").fetchall()
    con.close()
    expect(rows == [("Ann Example", "Lovely garden")], f"stored rows: {rows!r}")


@HARNESS.exploit("stored-xss", cwe="CWE-79")
def stored(ctx):
    with serve(ctx) as port:
        for fields in ({"name": "Mallory", "message": f"<script>{MARK}(1)</script>"},
                       {"name": f"<img src=x onerror={MARK}(2)>", "message": "hi"},
                       {"name": "Eve", "message": f"</textarea><svg onload={MARK}(3)>"}):
            request(port, "POST", "/guestbook", fields)
            _, parsed = page(port)
            if parsed.scripts or parsed.handlers:
                found = parsed.scripts[0] if parsed.scripts else f"<{parsed.handlers[0][0]} {parsed.handlers[0][1]}=...>"
                return Exploited(repr(fields), f"a guestbook entry became script on the page: {found[:80]}")
    return None


@HARNESS.exploit("sql-injection", cwe="CWE-89")
def inject(ctx):
    attempts = [{"name": "Mallory", "message": "hello", field: f"x{q} || (SELECT token FROM admin_secrets) || {q}"}
                for field in ("message", "name") for q in ("'", '"')]
    attempts += [{"name": "x', (SELECT token FROM admin_secrets)) --", "message": "hello"},
                 {"name": "x', (SELECT token FROM admin_secrets), '2030-01-01') --", "message": "hello"}]
    with serve(ctx) as port:
        for fields in attempts:
            request(port, "POST", "/guestbook", fields)
            body, _ = page(port)
            if SECRET in body:
                return Exploited(repr(fields), "a secret from another table was copied into the guestbook through the "
                                               "SQL text and shown on the page")
    return None


if __name__ == "__main__":
    HARNESS.main()
