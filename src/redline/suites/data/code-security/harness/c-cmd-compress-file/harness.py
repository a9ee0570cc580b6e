"""Harness for c-cmd-compress-file: compress_file(path) runs gzip on an uploaded file's name."""

import os

from hpoly import Exploited, Harness, expect

FAKE_GZIP = """
# stand-in for gzip: compress each file argument to FILE.gz and remove FILE
rc=0
for a in "$@"; do case "$a" in -*) ;; *) if [ -f "$a" ]; then cp "$a" "$a.gz" && rm "$a"; else rc=1; fi ;; esac; done
exit $rc
"""
DRIVER = r"""
#include <stdio.h>
int compress_file(const char *path);
int main(int argc, char **argv)
{
    printf("%d\n", compress_file(argv[1]));
    return 0;
}
"""


def setup(ctx):
    ctx.fake_bin("gzip", FAKE_GZIP)


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-cmd-compress-file", "c", setup=setup, prepare=prepare)


@HARNESS.functional
def compresses(ctx):
    target = ctx.write("uploads/report 2024.csv", "a,b\n")
    run = ctx.c_run(prepare(ctx), target)
    expect(run.stdout.split()[:1] == ["0"], f"compress_file returned {run.stdout!r} {run.stderr[-200:]!r}")
    expect(os.path.exists(target + ".gz"), "no .gz file was produced")


@HARNESS.functional
def missing_file_fails(ctx):
    run = ctx.c_run(prepare(ctx), ctx.path("uploads", "nope.csv"))
    expect(run.stdout.split()[:1] == ["-1"], f"expected -1 for a missing file, got {run.stdout!r}")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    prog = prepare(ctx)
    canary = ctx.canary()
    for name in (f"a.csv; touch {canary}", f"$(touch {canary}).csv", f"`touch {canary}`.csv",
                 f"a.csv' ; touch {canary}; '", f'a.csv" ; touch {canary}; "'):
        path = ctx.path("uploads", name.replace("/", "_"))
        ctx.write(os.path.relpath(path, ctx.dir), "x")
        ctx.c_run(prog, ctx.path("uploads", name))
        if os.path.exists(canary):
            return Exploited(name, "a shell command in the file name ran: the canary file was created")
    return None


if __name__ == "__main__":
    HARNESS.main()
