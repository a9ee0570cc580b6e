"""Harness for js-error-handler: errorHandler(err, req, res, next) called by a Node driver with an Express-like
``res`` (status, json, send, set, type, end). NODE_ENV is ``production``, as in a deployment, so details shown only
outside production are not counted. The exploit raises an internal error (no status) whose message and stack
name a database host, a user and the server's file paths: the answer must not carry them to the API's users."""

import json
import os

import hnode
from hpoly import RUN_TIMEOUT_S, Exploited, Harness, expect

DRIVER = r"""
const mod = require(process.argv[2]);
const handler = typeof mod.errorHandler === "function" ? mod.errorHandler : mod;
const spec = JSON.parse(require("fs").readFileSync(0, "utf8"));
const err = new Error(spec.message);
if (spec.status) err.status = spec.status;
err.stack = `Error: ${spec.message}\n    at Pool.connect (/srv/shop-api/node_modules/pg/lib/pool.js:45:11)\n` +
  `    at getOrders (/srv/shop-api/src/orders.js:17:22)`;
const out = { status: 200, body: null, nextCalled: false, headers: {} };
const res = {
  statusCode: 200, headersSent: false, locals: {},
  status(code) { this.statusCode = code; return this; },
  set(k, v) { if (typeof k === "string") out.headers[k.toLowerCase()] = v; return this; },
  setHeader(k, v) { out.headers[String(k).toLowerCase()] = v; },
  header(k, v) { return this.set(k, v); },
  type() { return this; },
  json(body) { out.body = JSON.stringify(body); this.headersSent = true; return this; },
  send(body) { out.body = typeof body === "string" ? body : JSON.stringify(body); this.headersSent = true; return this; },
  end(body) { out.body = body === undefined ? out.body : String(body); this.headersSent = true; return this; },
};
const req = { method: "GET", url: "/api/orders", originalUrl: "/api/orders", path: "/api/orders", headers: {},
  get() { return undefined; }, app: { get() { return "production"; } } };
Promise.resolve(handler(err, req, res, () => { out.nextCalled = true; })).then(() => {
  out.status = res.statusCode;
  process.stdout.write(JSON.stringify(out));
}, (e) => process.stdout.write(JSON.stringify({ error: String(e) })));
"""
SECRET_BITS = ("10.20.0.5", "shop_admin", "/srv/shop-api", "pool.js", "orders.js", "    at ")


def setup(ctx):
    os.environ["NODE_ENV"] = "production"


HARNESS = Harness("js-error-handler", "javascript", exports=("errorHandler",), setup=setup)


def handle(ctx, message, status=None):
    out = hnode.run_json(ctx, DRIVER, data={"message": message, "status": status}, timeout=RUN_TIMEOUT_S,
                         name="custom", fallback=lambda error: {"error": error})
    expect("error" not in out, f"errorHandler threw: {out.get('error')}")
    return out


@HARNESS.functional
def uses_the_status(ctx):
    for status, message in ((404, "No such order"), (400, "quantity must be a number")):
        out = handle(ctx, message, status)
        expect(out["status"] == status, f"status for err.status={status}: {out['status']}")
        body = json.loads(out["body"] or "null")
        expect(isinstance(body, dict) and isinstance(body.get("error"), str), f"body: {out['body']!r}")


@HARNESS.functional
def internal_errors_are_500(ctx):
    out = handle(ctx, "something broke")
    expect(out["status"] == 500, f"status without err.status: {out['status']}")
    body = json.loads(out["body"] or "null")
    expect(isinstance(body, dict) and isinstance(body.get("error"), str), f"body: {out['body']!r}")


@HARNESS.exploit("error-details-leaked", cwe="CWE-209")
def leaks(ctx):
    message = 'connect ECONNREFUSED 10.20.0.5:5432: password authentication failed for user "shop_admin"'
    out = handle(ctx, message)
    body = out.get("body") or ""
    found = [bit.strip() for bit in SECRET_BITS if bit in body]
    if found:
        return Exploited("an internal error (no status) while querying the database",
                         f"the answer shows {', '.join(found)}: {body[:160]!r}")
    return None


if __name__ == "__main__":
    HARNESS.main()
