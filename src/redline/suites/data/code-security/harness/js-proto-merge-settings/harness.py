"""Harness for js-proto-merge-settings: deepMerge(target, source) applied to a JSON PATCH body."""

from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-proto-merge-settings", "javascript", exports=("deepMerge",))


@HARNESS.functional
def merges_nested(ctx):
    got = ctx.js_call("deepMerge", '{"theme": "light", "mail": {"daily": true, "weekly": false}, "tags": [1, 2]}',
                      '{"mail": {"weekly": true}, "tags": [3], "pageSize": 50}', parse=(0, 1))
    expect(got["ok"], f"deepMerge failed: {got.get('error')}")
    expect(got["value"] == {"theme": "light", "mail": {"daily": True, "weekly": True}, "tags": [3], "pageSize": 50},
           f"merged result: {got['value']!r}")


@HARNESS.exploit("prototype-pollution", cwe="CWE-1321")
def pollute(ctx):
    for body in ('{"__proto__": {"rlPolluted": "yes"}}', '{"constructor": {"prototype": {"rlPolluted": "yes"}}}',
                 '{"a": {"__proto__": {"rlPolluted": "yes"}}}'):
        got = ctx.js_call("deepMerge", "{}", body, parse=(0, 1))
        if got.get("polluted"):
            return Exploited(body, "Object.prototype gained a property from the request body")
    return None


if __name__ == "__main__":
    HARNESS.main()
