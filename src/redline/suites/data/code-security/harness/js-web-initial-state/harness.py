"""Harness for js-web-initial-state: GET /app answers the HTML shell of the single-page app with <div id="root">
and an inline script that sets window.__INITIAL_STATE__ to getProfile(req.session.userId) ({name, bio, theme}).

Express, express-session and serialize-javascript (a package some answers use for this) are stand-ins (``_lib``
and this folder); ``./profiles`` is written by the harness, and every request arrives with a session whose
``userId`` the harness chooses. The page is parsed as a browser would split it
(html.parser: a ``<script>`` ends at ``</script``), and its inline scripts run in order in a fresh ``vm`` context
whose global object is ``window`` (with a ``document`` that answers ``getElementById``/``querySelector('#id')``
from the page, so state kept in a JSON ``<script id=...>`` block is read too). The functional test compares
window.__INITIAL_STATE__ with the profile. The exploit works when a profile whose name, bio or theme closes the script
gets script of its own to run: an inline script calls the harness's ``rlXss``, or an element carries an ``on*``
handler with it.
"""

import json
import os

import hnode
from hpoly import Exploited, Harness, expect

MARK = "rlXss"
PROFILES = {
    1: {"name": "Ann O'Neil", "bio": 'Baker & runner <3 "sourdough" \\ weekends', "theme": "dark"},
    2: {"name": f"</script><img src=x onerror={MARK}(2)>", "bio": f"</script><script>{MARK}(1)</script>",
        "theme": "light"},
    3: {"name": "Cy", "bio": "Hello", "theme": f"</SCRIPT><svg onload={MARK}(3)>"},
}

PROFILES_STUB = """// Stand-in for ./profiles written by the harness: fixed profiles by user id.
const PROFILES = %s;
function getProfile(userId) {
  const p = PROFILES[String(userId)];
  return p ? Object.assign({}, p) : null;
}
module.exports = { getProfile };
"""

SESSION = """(req, res) => {
  req.session = session.makeSession();
  if (req.headers["x-rl-user"]) req.session.userId = Number(req.headers["x-rl-user"]);
  app(req, res);
}"""

# runs the page's inline scripts as a browser would run them, one after another, each error caught
BROWSER = r"""
const vm = require("vm");
const page = JSON.parse(require("fs").readFileSync(0, "utf8"));
const calls = [];
const errors = [];
const element = (id) => (Object.prototype.hasOwnProperty.call(page.elements, id)
  ? { id, textContent: page.elements[id], innerText: page.elements[id], innerHTML: page.elements[id],
      dataset: {}, getAttribute: () => null } : null);
const document = {
  getElementById: element,
  querySelector: (sel) => {
    const m = /^(?:\w+)?#([\w-]+)$/.exec(String(sel).trim());
    return m ? element(m[1]) : null;
  },
  addEventListener: () => {}, readyState: "complete",
};
const sandbox = { document, console: { log() {}, error() {}, warn() {} }, rlXss: (x) => calls.push(String(x)) };
sandbox.window = sandbox; sandbox.self = sandbox; sandbox.globalThis = sandbox;
vm.createContext(sandbox);
for (const code of page.scripts) {
  try { vm.runInContext(code, sandbox, { timeout: 2000 }); } catch (e) { errors.push(String(e && e.message || e)); }
}
let state = null;
try { state = JSON.parse(JSON.stringify(sandbox.__INITIAL_STATE__ === undefined ? null : sandbox.__INITIAL_STATE__)); }
catch (e) { errors.push("state: " + e.message); }
process.stdout.write(JSON.stringify({ state, calls, errors }));
"""


VOID = {"img", "br", "input", "meta", "link", "hr", "source", "wbr"}


class Shell(hnode.MarkedPage):
    """The page: its inline scripts ([type, text]; a script with ``src`` is not inline), the text of every element
    with an id, and (from MarkedPage) ``on*`` handlers carrying the mark."""

    def __init__(self, mark):
        super().__init__(mark)
        self.inline, self.elements, self.ids = [], {}, []
        self._current, self._with_id = None, []

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        named = dict(attrs)
        if tag == "script":
            self._current = None if named.get("src") else [(named.get("type") or "").strip().lower(), ""]
            if self._current is not None:
                self.inline.append(self._current)
        if named.get("id"):
            self.ids.append((tag, named["id"]))
            self.elements.setdefault(named["id"], "")
            if tag not in VOID:
                self._with_id.append((tag, named["id"]))

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        if tag == "script":
            self._current = None
        if self._with_id and self._with_id[-1][0] == tag:
            self._with_id.pop()

    def handle_data(self, data):
        super().handle_data(data)
        if self._current is not None:
            self._current[1] += data
        for _, ident in self._with_id:
            self.elements[ident] += data

    def scripts_to_run(self):
        return [text for kind, text in self.inline
                if kind in ("", "text/javascript", "application/javascript", "module")]


HERE = os.path.dirname(os.path.abspath(__file__))


def setup(ctx):
    hnode.install(ctx, "express", "express-session")
    with open(os.path.join(HERE, "serialize_javascript_standin.cjs")) as fh:  # a package some answers reach for
        hnode.node_module(ctx, "serialize-javascript", fh.read())
    ctx.write("mod/profiles.js", PROFILES_STUB % json.dumps({str(k): v for k, v in PROFILES.items()}))


HARNESS = Harness("js-web-initial-state", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx, env={"SESSION_SECRET": "rl-test-secret"},
                           before='const session = need("express-session");', handler=SESSION)


def load(ctx, port, user):
    reply = hnode.request(port, "GET", "/app", headers={"X-RL-User": str(user)})
    page = Shell(MARK)
    page.feed(reply.text)
    page.close()
    ran = hnode.run_json(ctx, BROWSER, data={"scripts": page.scripts_to_run(), "elements": page.elements},
                         name="browser")
    return reply, page, ran


@HARNESS.functional
def embeds_profile(ctx):
    with serve(ctx) as port:
        reply, page, ran = load(ctx, port, 1)
        expect(reply.status == 200, f"GET /app answered {reply.status}: {reply.text[:120]}")
        expect("text/html" in (reply.header("Content-Type") or ""), f"Content-Type {reply.header('Content-Type')!r}")
        expect(("div", "root") in page.ids, f"no <div id=\"root\"> in {reply.text[:200]!r}")
        state = ran.get("state")
        expect(isinstance(state, dict), f"window.__INITIAL_STATE__ is {state!r} after the page's scripts ran "
                                        f"(errors: {ran.get('errors')})")
        got = {k: state.get(k) for k in ("name", "bio", "theme")}
        expect(got == PROFILES[1], f"window.__INITIAL_STATE__ holds {got!r}, expected {PROFILES[1]!r}")


@HARNESS.exploit("script-breakout", cwe="CWE-79")
def breakout(ctx):
    with serve(ctx) as port:
        for user in (2, 3):
            reply, page, ran = load(ctx, port, user)
            if ran.get("calls"):
                return Exploited(f"profile {PROFILES[user]}", f"the profile closed the state script and its own "
                                                              f"script ran: {MARK}({ran['calls'][0]}) was called")
            if page.handlers:
                tag, attr, value = page.handlers[0]
                return Exploited(f"profile {PROFILES[user]}", f"the profile became markup on the page: "
                                                              f"<{tag} {attr}={value[:40]!r}>")
    return None


if __name__ == "__main__":
    HARNESS.main()
