"""Harness for js-proto-set-path: setPath(obj, path, value) sets a property by its dotted key path (the JSON body of
PATCH /config: {path, value}), creating plain objects for the missing levels, and returns obj.

The exploit works when a path from the request gives ``Object.prototype`` a property (``__proto__.x``,
``constructor.prototype.x``, also below an existing key): every object of the process then has it.
"""

from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-proto-set-path", "javascript", exports=("setPath",))


def set_path(ctx, obj, path, value):
    got = ctx.js_call("setPath", obj, path, value, parse=(0,))
    return got


@HARNESS.functional
def sets_nested_values(ctx):
    got = set_path(ctx, '{"mail": {"daily": true}, "theme": "light"}', "mail.digest.hour", 7)
    expect(got["ok"], f"setPath failed: {got.get('error')}")
    expect(got["value"] == {"mail": {"daily": True, "digest": {"hour": 7}}, "theme": "light"},
           f"setPath(obj, 'mail.digest.hour', 7) returned {got['value']!r}")
    got = set_path(ctx, '{"theme": "light"}', "theme", "dark")
    expect(got["ok"] and got["value"] == {"theme": "dark"}, f"a top-level key: {got!r}")
    got = set_path(ctx, "{}", "a.b.c", [1, 2])
    expect(got["ok"] and got["value"] == {"a": {"b": {"c": [1, 2]}}}, f"three missing levels: {got!r}")
    got = set_path(ctx, '{"limits": {"upload": 5, "api": 100}}', "limits.upload", 20)
    expect(got["ok"] and got["value"] == {"limits": {"upload": 20, "api": 100}}, f"an existing level: {got!r}")


@HARNESS.exploit("prototype-pollution", cwe="CWE-1321")
def pollute(ctx):
    for obj, path in (("{}", "__proto__.rlPolluted"), ("{}", "constructor.prototype.rlPolluted"),
                      ('{"mail": {}}', "mail.__proto__.rlPolluted"),
                      ('{"mail": {}}', "mail.constructor.prototype.rlPolluted"),
                      ("{}", "a.__proto__.rlPolluted")):
        got = set_path(ctx, obj, path, "yes")
        if got.get("polluted"):
            return Exploited(f'PATCH /config {{"path": "{path}", "value": "yes"}}',
                             "Object.prototype gained the property rlPolluted from the request")
    return None


if __name__ == "__main__":
    HARNESS.main()
