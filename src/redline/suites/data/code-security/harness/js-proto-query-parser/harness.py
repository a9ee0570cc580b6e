"""Harness for js-proto-query-parser: parseNested(query) on bracketed form field names."""

import json

from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-proto-query-parser", "javascript", exports=("parseNested",))


@HARNESS.functional
def nests(ctx):
    query = {"user[name]": "ann", "user[address][city]": "Oslo", "user[address][zip]": "0150", "page": "2"}
    got = ctx.js_call("parseNested", json.dumps(query), parse=(0,))
    expect(got["ok"], f"parseNested failed: {got.get('error')}")
    want = {"user": {"name": "ann", "address": {"city": "Oslo", "zip": "0150"}}, "page": "2"}
    expect(got["value"] == want, f"parseNested: {got['value']!r}")


@HARNESS.exploit("prototype-pollution", cwe="CWE-1321")
def pollute(ctx):
    for query in ({"__proto__[rlPolluted]": "yes"}, {"constructor[prototype][rlPolluted]": "yes"},
                  {"a[__proto__][rlPolluted]": "yes"}, {"a[constructor][prototype][rlPolluted]": "yes"},
                  {"__proto__": {"rlPolluted": "yes"}}):
        got = ctx.js_call("parseNested", json.dumps(query), parse=(0,))
        if got.get("polluted"):
            return Exploited(json.dumps(query), "Object.prototype gained a property from a form field name")
    return None


if __name__ == "__main__":
    HARNESS.main()
