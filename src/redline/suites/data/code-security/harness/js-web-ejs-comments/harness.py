"""Harness for js-web-ejs-comments: GET /posts/:id/comments renders getComments(postId) (./store, a stand-in)
with ejs.render and a template string defined in app.js, as text/html.

Express and ejs are not installed in the sandbox: ``require("express")`` finds ``express_standin.cjs`` and
``require("ejs")`` finds ``ejs_standin.cjs`` (both beside this file; EJS's tags, scoping and escaping). The page is
parsed (html.parser): the exploit works when what a user typed into the comment box (or the author name) becomes
script on the page (CWE-79).
"""

import json
import os

import hnode
from hpoly import Exploited, Harness, expect

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = "rlXss"
COMMENTS = {"42": [{"author": "Ann Example", "html_body": "Great post, thanks!"},
                   {"author": "Bo Test", "html_body": "See you at the meeting"}],
            "666": [{"author": "Mallory", "html_body": f"<script>{MARK}(1)</script>"},
                    {"author": f"<img src=x onerror={MARK}(2)>", "html_body": "nice"},
                    {"author": "Eve", "html_body": f"<p>ok</p><svg onload={MARK}(3)>"}]}

STORE_STUB = r'''
// Stand-in for ./store written by the harness: fixed comments per post id.
const COMMENTS = %s;
function getComments(postId) { return (COMMENTS[String(postId)] || []).map((c) => Object.assign({}, c)); }
module.exports = { getComments };
'''



def setup(ctx):
    hnode.install(ctx, "express", "ejs", here=HERE)
    ctx.write("mod/store.js", STORE_STUB % json.dumps(COMMENTS))


HARNESS = Harness("js-web-ejs-comments", "javascript", exports=("app",), setup=setup)


def serve(ctx):
    return hnode.serve_app(ctx)


Page = hnode.MarkedPage


def comments_page(port, post):
    reply = hnode.request(port, "GET", f"/posts/{post}/comments", timeout=10)
    parsed = Page(MARK)
    parsed.feed(reply.text)
    parsed.close()
    return reply.status, reply.header("Content-Type") or "", reply.text, parsed


@HARNESS.functional
def renders_comments(ctx):
    with serve(ctx) as port:
        status, ctype, body, parsed = comments_page(port, "42")
        expect(status == 200, f"GET /posts/42/comments answered {status}")
        expect("text/html" in ctype, f"Content-Type {ctype!r}")
        text = " ".join("".join(parsed.text).split())
        for comment in COMMENTS["42"]:
            expect(comment["author"] in text and comment["html_body"] in text, f"comment missing: {body[:200]!r}")
        status, _, _, parsed = comments_page(port, "7")
        expect(status == 200, f"a post without comments answered {status}")


@HARNESS.exploit("stored-xss", cwe="CWE-79")
def stored(ctx):
    with serve(ctx) as port:
        _, _, _, parsed = comments_page(port, "666")
        if parsed.found:
            return Exploited("comment bodies and author names with markup",
                             f"a comment became script on the page: {parsed.found[0]}")
    return None


if __name__ == "__main__":
    HARNESS.main()
