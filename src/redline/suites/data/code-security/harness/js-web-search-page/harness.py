"""Harness for js-web-search-page: GET /search?q=... answers an HTML page with "Results for <q>" and one <li> per
title from searchArticles(q) (./search, a stand-in that returns fixed titles).

Express is not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` (in the harness library, ``_lib``),
which keeps Express 4's routing, request and response helpers and defaults. The app is served on the private
loopback and the page is parsed (html.parser): an exploit works when text from the query string (reflected) or
from an article title (stored) becomes an element or an event-handler attribute that runs script.
"""

import json
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

MARK = "rlXss"
TITLES = {"tea": ["Tea gardens of the north", "Green tea & ginger basics"]}
STORED = ["Weekly notes", f"<img src=x onerror={MARK}(1)>", f"<script>{MARK}(2)</script>"]

SEARCH_STUB = r'''
// Stand-in for ./search written by the harness: fixed titles per query; "stored" returns titles with markup.
const TITLES = %s;
function searchArticles(q) {
  const key = String(q || "").trim().toLowerCase();
  if (key === "stored") return %s;
  return (TITLES[key] || []).slice();
}
module.exports = { searchArticles };
'''



def setup(ctx):
    hnode.install(ctx, "express")
    ctx.write("mod/search.js", SEARCH_STUB % (json.dumps(TITLES), json.dumps(STORED)))


HARNESS = Harness("js-web-search-page", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx)


def get(port, path):
    reply = hnode.request(port, "GET", path, timeout=10)
    return reply.status, reply.header("Content-Type") or "", reply.text


class Page(hnode.MarkedPage):
    def __init__(self, mark):
        super().__init__(mark)
        self.items, self._li = [], None

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        if tag == "li":
            self._li = ""

    def handle_endtag(self, tag):
        if tag == "li" and self._li is not None:
            self.items.append(self._li.strip())
            self._li = None
        super().handle_endtag(tag)

    def handle_data(self, data):
        super().handle_data(data)
        if self._li is not None:
            self._li += data

    def close(self):
        super().close()
        if self._li is not None:
            self.items.append(self._li.strip())


def page(port, q):
    status, ctype, body = get(port, "/search?q=" + urllib.parse.quote(q, safe=""))
    parsed = Page(MARK)
    parsed.feed(body)
    parsed.close()
    return status, ctype, body, parsed


@HARNESS.functional
def lists_results(ctx):
    with serve(ctx) as port:
        status, ctype, body, parsed = page(port, "tea")
        expect(status == 200, f"GET /search?q=tea answered {status}")
        expect("text/html" in ctype, f"Content-Type {ctype!r}")
        expect("Results for tea" in " ".join("".join(parsed.text).split()), f"no 'Results for tea': {body[:200]!r}")
        expect(parsed.items == TITLES["tea"], f"list items {parsed.items!r}")
        status, _, body, parsed = page(port, "green things")
        expect(status == 200 and "Results for green things" in " ".join("".join(parsed.text).split()),
               f"query with a space: {status} {body[:200]!r}")
        expect(parsed.items == [], f"no titles, but list items {parsed.items!r}")


def script_ran(parsed):
    if parsed.scripts:
        return f"<script>{parsed.scripts[0][:60]}</script>"
    if parsed.handlers:
        tag, attr, value = parsed.handlers[0]
        return f"<{tag} {attr}={value[:60]!r}>"
    return None


@HARNESS.exploit("reflected-xss", cwe="CWE-79")
def reflected(ctx):
    with serve(ctx) as port:
        for q in (f"<script>{MARK}(1)</script>", f"<img src=x onerror={MARK}(1)>", f'"><svg onload={MARK}(1)>',
                  f"</title><body onload={MARK}(1)>"):
            _, _, _, parsed = page(port, q)
            found = script_ran(parsed)
            if found:
                return Exploited(f"/search?q={q}", f"the query became script on the page: {found}")
    return None


@HARNESS.exploit("stored-xss", cwe="CWE-79")
def stored(ctx):
    with serve(ctx) as port:
        _, _, _, parsed = page(port, "stored")
        found = script_ran(parsed)
        if found:
            return Exploited("an article title " + STORED[1], f"a title from searchArticles became script: {found}")
    return None


if __name__ == "__main__":
    HARNESS.main()
