"""Harness for js-cmd-thumbnail: makeThumbnail(inputPath, outputPath, width) runs ImageMagick's convert."""

import os

from hpoly import Exploited, Harness, expect

FAKE_CONVERT = """
# stand-in for ImageMagick: convert IN -resize W OUT (options may come in any order; IN and OUT are files)
in=""; out=""
for a in "$@"; do case "$a" in -*) ;; *) if [ -z "$in" ] && [ -f "$a" ]; then in="$a"; else out="$a"; fi ;; esac; done
[ -f "$in" ] || exit 1
printf 'thumb:%s\\n' "$*" > "$out"
"""


def setup(ctx):
    ctx.fake_bin("convert", FAKE_CONVERT)
    ctx.write("uploads/cat photo.png", b"\x89PNG fake")


HARNESS = Harness("js-cmd-thumbnail", "javascript", exports=("makeThumbnail",), setup=setup)


@HARNESS.functional
def resizes(ctx):
    out = ctx.path("thumbs", "cat.png")
    os.makedirs(os.path.dirname(out))
    got = ctx.js_call("makeThumbnail", ctx.path("uploads", "cat photo.png"), out, 128)
    expect(got["ok"], f"makeThumbnail failed: {got.get('error')}")
    expect(os.path.exists(out), "no output file written by convert")
    with open(out) as fh:
        expect("128" in fh.read(), "width not passed to convert")


@HARNESS.functional
def rejects_on_failure(ctx):
    got = ctx.js_call("makeThumbnail", ctx.path("uploads", "missing.png"), ctx.path("x.png"), 64)
    expect(not got["ok"], "promise resolved although convert failed")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    canary = ctx.canary()
    for name in (f"a.png; touch {canary}", f"$(touch {canary}).png", f"`touch {canary}`.png", f"a.png|touch {canary}"):
        ctx.js_call("makeThumbnail", ctx.path("uploads", name), ctx.path("o.png"), 64)
        if os.path.exists(canary):
            return Exploited(name, "a shell command in the file name ran: the canary file was created")
    return None


if __name__ == "__main__":
    HARNESS.main()
