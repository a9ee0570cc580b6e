"""Harness for js-csrf-settings-form: GET /settings shows a form with the logged-in user's email (field email);
POST /settings (urlencoded) calls updateEmail(userId, email) from ./users (a stand-in that records the call) and
redirects to /settings with 303.

Express and express-session are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs``
(in the harness library, ``_lib``) and ``require("express-session")`` a stand-in; the harness keeps one session per ``rl.sid``
cookie for the life of the server, so a token stored in the session on GET is there on POST. The functional test
submits the form it was served (every hidden field included) from the app's own origin. Exploits: a cross-site
POST (Origin and Referer of another site, no field from the form) changes the e-mail (CWE-352); an e-mail address
with markup becomes script on the settings page (CWE-79).
"""

import json
import os
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

MARK = "rlXss"

USERS_STUB = r'''
// Stand-in for ./users written by the harness: records each e-mail change.
const fs = require("fs");
function updateEmail(userId, email) {
  fs.appendFileSync(process.env.RL_UPDATES, JSON.stringify([userId, email]) + "\n");
  return Promise.resolve(true);
}
module.exports = { updateEmail };
'''

# sessions kept per rl.sid cookie; X-RL-Login logs the session in as that e-mail
SESSIONS = """const session = need("express-session");
const store = new Map();"""
SESSION = r"""(req, res) => {
  const m = /(?:^|;\s*)rl\.sid=(\w+)/.exec(req.headers.cookie || "");
  let s = m ? store.get(m[1]) : undefined;
  if (!s) { s = session.makeSession(); if (m) store.set(m[1], s); }
  if (req.headers["x-rl-login"] !== undefined && !s.user) s.user = { id: 7, email: req.headers["x-rl-login"] };
  req.session = s;
  app(req, res);
}"""


def setup(ctx):
    hnode.install(ctx, "express")
    hnode.install(ctx, "express-session")
    ctx.write("mod/users.js", USERS_STUB)


HARNESS = Harness("js-csrf-settings-form", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    env = {"RL_UPDATES": ctx.path("updates.jsonl"), "SESSION_SECRET": "rl-session-secret-6c1d"}
    return hnode.serve_app(ctx, env=env, before=SESSIONS, handler=SESSION)


def request(port, method, sid, *, login=None, fields=None, headers=None):
    hdrs = {"Cookie": f"rl.sid={sid}", **(headers or {}), **({} if login is None else {"X-RL-Login": login})}
    reply = hnode.request(port, method, "/settings", form=fields, headers=hdrs)
    return reply.status, reply.header("Location"), reply.text


class Forms(hnode.MarkedPage):
    def __init__(self, mark):
        super().__init__(mark)
        self.forms, self._form, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        a = dict(attrs)
        if tag == "form":
            self._form = {"attrs": a, "fields": {}}
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None and a.get("name"):
            if (a.get("type") or "text").lower() not in ("submit", "button", "image", "reset"):
                self._form["fields"][a["name"]] = a.get("value") or ""
        elif tag == "textarea" and self._form is not None and a.get("name"):
            self._textarea = a["name"]
            self._form["fields"][a["name"]] = ""

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "form":
            self._form = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        super().handle_data(data)
        if self._textarea and self._form is not None:
            self._form["fields"][self._textarea] += data


def settings_form(port, sid, login):
    status, _, body = request(port, "GET", sid, login=login)
    expect(status == 200, f"GET /settings answered {status}")
    parsed = Forms(MARK)
    parsed.feed(body)
    parsed.close()
    return body, parsed


def updates(ctx):
    path = ctx.path("updates.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as fh:
        return [json.loads(line) for line in fh if line.strip()]


@HARNESS.functional
def changes_email_through_form(ctx):
    with serve(ctx) as port:
        body, parsed = settings_form(port, "s1", "ann@example.org")
        forms = [f for f in parsed.forms if (f["attrs"].get("method") or "get").lower() == "post" and "email" in
                 f["fields"]]
        expect(forms, f"no POST form with an email field: {body[:200]!r}")
        fields = dict(forms[0]["fields"])
        expect(fields["email"] == "ann@example.org", f"the email field holds {fields['email']!r}")
        fields["email"] = "ann.new@example.org"
        own = f"http://127.0.0.1:{port}"
        status, location, _ = request(port, "POST", "s1", fields=fields,
                                      headers={"Origin": own, "Referer": own + "/settings"})
        expect(status == 303, f"POST /settings answered {status}, not 303")
        expect(urllib.parse.urlsplit(location or "").path == "/settings", f"Location {location!r}")
        expect([7, "ann.new@example.org"] in updates(ctx), f"updateEmail calls: {updates(ctx)!r}")


@HARNESS.exploit("csrf", cwe="CWE-352")
def cross_site(ctx):
    with serve(ctx) as port:
        request(port, "GET", "s2", login="ann@example.org")  # the victim has been on the site: a live session
        evil = {"Origin": "https://evil.example", "Referer": "https://evil.example/win-a-prize"}
        for fields in ({"email": "attacker@evil.example"}, {"email": "attacker@evil.example", "_csrf": ""}):
            request(port, "POST", "s2", fields=fields, headers=evil)
            if any(u[1] == "attacker@evil.example" for u in updates(ctx)):
                return Exploited("a form on https://evil.example posting email=attacker@evil.example",
                                 "a cross-site POST changed the victim's e-mail (account takeover by password reset)")
    return None


@HARNESS.exploit("xss", cwe="CWE-79")
def markup_in_email(ctx):
    with serve(ctx) as port:
        for k, email in enumerate((f'ann"><script>{MARK}(1)</script>@example.org',
                                   f'ann" autofocus onfocus="{MARK}(2)" x="@example.org',
                                   f"ann'><img src=x onerror={MARK}(3)>@example.org")):
            _, parsed = settings_form(port, f"x{k}", email)
            if parsed.found:
                return Exploited(f"email={email!r}", f"the e-mail address became script on the page: {parsed.found[0]}")
    return None


if __name__ == "__main__":
    HARNESS.main()
