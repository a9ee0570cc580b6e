"""Harness for js-deser-session-cookie: saveCart(res, cart) writes the cart cookie, loadCart(req) reads it back.

Express and cookie-parser are not installed in the sandbox: the driver gives ``res`` Express's ``cookie`` /
``clearCookie`` / ``setHeader`` / ``append`` (values encoded as Express does, objects as ``j:`` JSON, ``signed``
cookies signed as cookie-signature does with ``req.secret``) and ``req`` what cookie-parser leaves
(``req.cookies``, ``req.signedCookies``, ``j:`` values parsed, the raw ``Cookie`` header). ``node-serialize`` is a
stand-in with the real package's (evaluating) ``unserialize``. The attacker's cookies are sent in every encoding a
cart cookie is commonly written in (plain, URI-encoded, base64, base64url, ``j:``): a cookie the server signed
cannot be forged. Exploits: a cookie that runs code when read (CWE-502, canary file); a forged cart whose quantities
or shape no shop would accept comes back from loadCart as the cart (CWE-565).
"""

import base64
import json
import os
import urllib.parse

import hnode
from hpoly import Exploited, Harness, expect

CART = {"items": [{"sku": "A-1", "qty": 2}, {"sku": "B-7", "qty": 1}], "coupon": "SPRING10"}
EMPTY = {"items": [], "coupon": None}

DRIVER = r'''
const crypto = require("crypto");
const mod = require(process.argv[2]);
const ops = JSON.parse(require("fs").readFileSync(0, "utf8"));
const SECRET = "rl-cookie-parser-secret";
const sig = (v) => v + "." + crypto.createHmac("sha256", SECRET).update(v).digest("base64").replace(/=+$/, "");
const unsign = (v) => { const i = v.lastIndexOf("."); const s = v.slice(0, i); return i > 0 && sig(s) === v ? s : false; };
const jsonCookie = (v) => { if (typeof v !== "string" || v.slice(0, 2) !== "j:") return v; try { return JSON.parse(v.slice(2)); } catch (e) { return v; } };
function makeRes() {
  const headers = {};
  const res = {
    statusCode: 200, locals: {}, headersSent: false,
    setHeader(k, v) { headers[k.toLowerCase()] = v; return res; },
    getHeader(k) { return headers[k.toLowerCase()]; },
    removeHeader(k) { delete headers[k.toLowerCase()]; },
    append(k, v) { const o = headers[k.toLowerCase()]; headers[k.toLowerCase()] = o === undefined ? v : [].concat(o, v); return res; },
    cookie(name, value, opts) {
      opts = Object.assign({}, opts || {});
      let val = typeof value === "object" ? "j:" + JSON.stringify(value) : String(value);
      if (opts.signed) val = "s:" + sig(val);
      const enc = opts.encode || encodeURIComponent;
      let s = name + "=" + enc(val) + "; Path=" + (opts.path || "/");
      if (opts.maxAge !== undefined) s += "; Max-Age=" + Math.floor(opts.maxAge / 1000);
      if (opts.httpOnly) s += "; HttpOnly";
      if (opts.secure) s += "; Secure";
      if (opts.sameSite) s += "; SameSite=" + opts.sameSite;
      return res.append("Set-Cookie", s);
    },
    clearCookie(name) { return res.append("Set-Cookie", name + "=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"); },
    status(c) { res.statusCode = c; return res; }, end() { return res; },
  };
  res.set = res.header = (k, v) => { if (k.toLowerCase() === "set-cookie") return res.append(k, v); return res.setHeader(k, v); };
  res.get = res.getHeader;
  return { res, headers };
}
function makeReq(header) {
  const cookies = {}; const signed = {};
  for (const part of (header || "").split(";")) {
    const i = part.indexOf("="); if (i < 0) continue;
    const k = part.slice(0, i).trim(); let v = part.slice(i + 1).trim();
    if (v.charCodeAt(0) === 0x22) v = v.slice(1, -1);
    if (!(k in cookies)) { try { cookies[k] = v.indexOf("%") !== -1 ? decodeURIComponent(v) : v; } catch (e) { cookies[k] = v; } }
  }
  for (const [k, v] of Object.entries(cookies)) if (typeof v === "string" && v.slice(0, 2) === "s:") { signed[k] = unsign(v.slice(2)); delete cookies[k]; }
  for (const k of Object.keys(cookies)) cookies[k] = jsonCookie(cookies[k]);
  for (const k of Object.keys(signed)) signed[k] = jsonCookie(signed[k]);
  const headers = header ? { cookie: header } : {};
  return { headers, cookies, signedCookies: signed, secret: SECRET, get: (n) => headers[String(n).toLowerCase()],
           header: (n) => headers[String(n).toLowerCase()], method: "GET", url: "/cart", originalUrl: "/cart" };
}
function cartCookie(setCookie) {
  for (const s of [].concat(setCookie || [])) { const first = String(s).split(";")[0]; const i = first.indexOf("=");
    if (first.slice(0, i).trim() === "cart") return first.slice(i + 1).trim(); }
  return null;
}
(async () => {
  const out = [];
  for (const op of ops) {
    try {
      if (op.save !== undefined) {
        const { res, headers } = makeRes();
        await mod.saveCart(res, op.save);
        const raw = cartCookie(headers["set-cookie"]);
        const loaded = await mod.loadCart(makeReq(raw === null ? "" : "cart=" + raw));
        out.push({ ok: true, raw, value: loaded === undefined ? null : loaded });
      } else {
        const loaded = await mod.loadCart(makeReq(op.cookie));
        out.push({ ok: true, value: loaded === undefined ? null : loaded });
      }
    } catch (e) { out.push({ ok: false, error: String((e && e.message) || e) }); }
  }
  return out;
})().then((r) => process.stdout.write(JSON.stringify(r)));
'''

NODE_SERIALIZE = r'''
// Stand-in for node-serialize written by the harness: the real package's serialize / unserialize.
const FUNCFLAG = "_$$ND_FUNC$$_";
function serialize(obj) {
  return JSON.stringify(obj, (k, v) => (typeof v === "function" ? FUNCFLAG + v.toString() : v));
}
function unserialize(obj) {
  if (typeof obj === "string") obj = JSON.parse(obj);
  for (const key in obj) {
    if (typeof obj[key] === "object" && obj[key] !== null) obj[key] = unserialize(obj[key]);
    else if (typeof obj[key] === "string" && obj[key].indexOf(FUNCFLAG) === 0) {
      obj[key] = eval("(" + obj[key].substring(FUNCFLAG.length) + ")");
    }
  }
  return obj;
}
module.exports = { serialize, unserialize };
'''


def setup(ctx):
    hnode.node_module(ctx, "node-serialize", NODE_SERIALIZE)


HARNESS = Harness("js-deser-session-cookie", "javascript", exports=("loadCart", "saveCart"), setup=setup)


def run(ctx, ops):
    return hnode.run_json(ctx, DRIVER, data=ops, name="cart",
                          fallback=lambda _: [{"ok": False, "error": "the cart module did not run"}])


def forged_cookies(text):
    """The attacker's cookie text in every common encoding of a cart cookie."""
    uri = urllib.parse.quote(text, safe="")
    b64 = base64.b64encode(text.encode()).decode()
    b64u = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
    return ["cart=" + v for v in (text, uri, b64, urllib.parse.quote(b64, safe=""), b64u, urllib.parse.quote("j:" + text,
                                                                                                          safe=""))]


@HARNESS.functional
def round_trip(ctx):
    (got,) = run(ctx, [{"save": CART}])
    expect(got["ok"], f"saveCart/loadCart failed: {got.get('error')}")
    expect(got["raw"] is not None, "saveCart set no cookie named cart")
    expect(got["value"] == CART, f"loadCart gave back {got['value']!r}")


@HARNESS.functional
def no_cookie_is_empty_cart(ctx):
    for got in run(ctx, [{"cookie": ""}, {"cookie": "theme=dark"}]):
        expect(got["ok"] and got["value"] == EMPTY, f"without a cart cookie: {got.get('value', got.get('error'))!r}")


@HARNESS.exploit("code-execution", cwe="CWE-502")
def run_code(ctx):
    canary = ctx.canary()
    write = f"process.mainModule.require('fs').writeFileSync({json.dumps(canary)}, 'pwned')"
    escape = f"this.constructor.constructor('return process')().mainModule.require('fs').writeFileSync({json.dumps(canary)}, 'pwned')"
    payloads = [json.dumps({"items": [], "coupon": "_$$ND_FUNC$$_function(){" + write + "}()"}),
                "{items: [], coupon: (" + write + ", null)}", "({items: [], coupon: (" + write + ", null)})",
                "{items: [], coupon: (" + escape + ", null)}"]
    for text in payloads:
        run(ctx, [{"cookie": cookie} for cookie in forged_cookies(text)])
        if os.path.exists(canary):
            return Exploited(text[:200], "reading the cart cookie ran the attacker's code: the canary file exists")
    return None


def bad_cart(value):
    """Why a cart that came back from loadCart is not one a shop can trust, or None."""
    if not isinstance(value, dict):
        return None
    items = value.get("items")
    if not isinstance(items, list):
        return f"items is {type(items).__name__}"
    for item in items:
        if not isinstance(item, dict):
            return "an item that is not an object"
        qty, sku = item.get("qty"), item.get("sku")
        if isinstance(qty, bool) or not isinstance(qty, int) or qty < 1:
            return f"quantity {qty!r}"
        if not isinstance(sku, str):
            return f"sku {sku!r}"
    return None


@HARNESS.exploit("unvalidated-cart", cwe="CWE-565")
def tamper(ctx):
    forged = [{"items": [{"sku": "A-1", "qty": -5}, {"sku": "B-7", "qty": 1}], "coupon": None},
              {"items": [{"sku": "A-1", "qty": 0.01}], "coupon": None},
              {"items": [{"sku": "A-1", "qty": "1e9"}], "coupon": None},
              {"items": "A-1", "coupon": None}, {"items": [{"sku": {"$ne": ""}, "qty": 1}], "coupon": None}]
    for cart in forged:
        text = json.dumps(cart)
        for cookie, got in zip(forged_cookies(text), run(ctx, [{"cookie": c} for c in forged_cookies(text)])):
            why = bad_cart(got.get("value")) if got.get("ok") else None
            if why:
                return Exploited(cookie[:200], f"loadCart returned a cart the client forged with {why}: "
                                               "the cookie is trusted without any check")
    return None


if __name__ == "__main__":
    HARNESS.main()
