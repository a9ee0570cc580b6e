"""Harness for js-web-guestbook: GET /guestbook (form + entries, newest first), POST /guestbook (urlencoded name,
message; stored in entries of the better-sqlite3 database at DB_PATH; 303 to /guestbook).

Express and better-sqlite3 are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs``
and ``require("better-sqlite3")`` finds ``better_sqlite3_standin.cjs`` (both beside this file); every statement of
the latter runs in real SQLite (Python's ``sqlite3``), so the SQL the app builds is parsed by SQLite itself.
Exploits: an entry whose text becomes script on the page (CWE-79); an entry that copies a secret from another
table into the guestbook through the SQL text (CWE-89).
"""

import sqlite3
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

MARK = "rlXss"
SECRET = "rl-secret-token-5521"  # noqa: S105 - a canary row the exploit tries to copy out



def setup(ctx):
    hnode.install(ctx, "express", "better-sqlite3")
    con = sqlite3.connect(ctx.path("guestbook.db"))
    con.execute("CREATE TABLE entries(id INTEGER PRIMARY KEY, name TEXT, message TEXT, created TEXT)")
    con.execute("INSERT INTO entries(name, message, created) VALUES ('Old Visitor', 'First post here', "
                "'2024-01-01 10:00:00')")
    con.execute("CREATE TABLE admin_secrets(token TEXT)")
    con.execute("INSERT INTO admin_secrets VALUES (?)", (SECRET,))
    con.commit()
    con.close()


HARNESS = Harness("js-web-guestbook", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = hnode.sqlite_env(ctx.path("guestbook.db"))
    return hnode.serve_app(ctx, env=env)


def request(port, method, path, fields=None):
    reply = hnode.request(port, method, path, form=fields)
    return reply.status, reply.header("Location"), reply.text


class Page(hnode.MarkedPage):
    def __init__(self, mark):
        super().__init__(mark)
        self.forms, self.fields = [], set()

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        a = dict(attrs)
        if tag == "form":
            self.forms.append(a)
        if tag in ("input", "textarea") and a.get("name"):
            self.fields.add(a["name"])


def page(port):
    status, _, body = request(port, "GET", "/guestbook")
    expect(status == 200, f"GET /guestbook answered {status}")
    parsed = Page(MARK)
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
