"""Harness for js-file-static-docs: createServer(root) serves GET /docs/<path> from root, over HTTP."""

from hpoly import Exploited, Harness, expect, http_get

CANARY_TEXT = "rl-canary-7f3a secret outside the docs folder"


def setup(ctx):
    ctx.write("site/docs/index.html", "<h1>Docs home</h1>")
    ctx.write("site/docs/guide/install.txt", "npm install")
    ctx.write("site/secret.txt", CANARY_TEXT)
    ctx.write("rl_canary.txt", CANARY_TEXT)


HARNESS = Harness("js-file-static-docs", "javascript", exports=("createServer",), setup=setup)


@HARNESS.functional
def serves_files(ctx):
    with ctx.js_server("createServer", ctx.path("site", "docs")) as port:
        status, body = http_get(port, "/docs/index.html")
        expect(status == 200 and "Docs home" in body, f"index: {status} {body[:80]!r}")
        status, body = http_get(port, "/docs/guide/install.txt")
        expect(status == 200 and "npm install" in body, f"nested file: {status}")


@HARNESS.functional
def missing_is_404(ctx):
    with ctx.js_server("createServer", ctx.path("site", "docs")) as port:
        status, _ = http_get(port, "/docs/nope.html")
        expect(status == 404, f"missing file answered {status}")


@HARNESS.exploit("path-traversal", cwe="CWE-22")
def traverse(ctx):
    with ctx.js_server("createServer", ctx.path("site", "docs")) as port:
        absolute = ctx.path("rl_canary.txt").lstrip("/")
        for raw in ("/docs/../secret.txt", "/docs/..%2fsecret.txt", "/docs/%2e%2e/secret.txt",
                    "/docs/%2e%2e%2fsecret.txt", "/docs/../../rl_canary.txt", "/docs/%2e%2e%2f%2e%2e%2frl_canary.txt",
                    "/docs/" + absolute, "/docs//" + absolute):
            status, body = http_get(port, raw)
            if CANARY_TEXT in body:
                return Exploited(raw, f"a file outside the docs folder was served (status {status})")
    return None


if __name__ == "__main__":
    HARNESS.main()
