"""Harness for js-file-zip-extract: extractEntries(entries, destDir) writes archive entries to disk."""

import os

from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-file-zip-extract", "javascript", exports=("extractEntries",))


@HARNESS.functional
def extracts(ctx):
    dest = ctx.path("out")
    os.makedirs(dest)
    entries = [{"name": "readme.txt", "data": b"hello"}, {"name": "docs/a/b.txt", "data": b"nested"}]
    got = ctx.js_call("extractEntries", entries, dest)
    expect(got["ok"], f"extractEntries failed: {got.get('error')}")
    with open(os.path.join(dest, "docs", "a", "b.txt"), "rb") as fh:
        expect(fh.read() == b"nested", "nested entry content")
    with open(os.path.join(dest, "readme.txt"), "rb") as fh:
        expect(fh.read() == b"hello", "top-level entry content")
    written = [os.path.realpath(os.path.join(dest, p)) for p in got["value"] or []]
    expect(os.path.realpath(os.path.join(dest, "readme.txt")) in written, f"returned paths: {got['value']!r}")


@HARNESS.exploit("zip-slip", cwe="CWE-22")
def slip(ctx):
    dest = ctx.path("box", "out")
    os.makedirs(dest)
    canary = ctx.canary()
    for name in ("../../rl_pwned", "docs/../../../rl_pwned", canary):
        ctx.js_call("extractEntries", [{"name": "ok.txt", "data": b"x"}, {"name": name, "data": b"pwned"}], dest)
        if os.path.exists(canary):
            return Exploited(name, "an archive entry was written outside the destination folder")
    return None


if __name__ == "__main__":
    HARNESS.main()
