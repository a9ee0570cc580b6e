"""Harness for c-str-normalize-path: normalize_path(path) rewrites a URL path in place and returns its length.

The driver copies the path into a heap block of exactly strlen + 1 bytes, calls normalize_path, and prints the
returned length and the string it left (read no further than the block). The functional tests never climb above
the top; the exploit sends ".." segments with no segment before them, where a backwards scan for the previous
'/' that does not stop at the start of the buffer reads (or writes) before it: an AddressSanitizer report.
A second exploit sends a deep path (up to 1,201 segments, a request line of 3 KB), which overruns a fixed-size
table of segments.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
size_t normalize_path(char *path);
int main(int argc, char **argv)
{
    size_t cap = strlen(argv[1]) + 1;
    char *path = malloc(cap);  /* exactly the request's path and its NUL */
    memcpy(path, argv[1], cap);
    size_t got = normalize_path(path);
    printf("%zu\n[%.*s]\n", got, (int)strnlen(path, cap), path);
    free(path);
    return 0;
}
"""
CASES = (
    ("/docs/guide.html", "/docs/guide.html"),
    ("/a/./b/../c", "/a/c"),
    ("//a//b/", "/a/b"),
    ("/", "/"),
    ("/a/b/..", "/a"),
    ("/a/..", "/"),
    ("/a/b/../../c/./d", "/c/d"),
    ("/./", "/"),
    ("/.../x", "/.../x"),
    ("/a/.hidden/..x/y..", "/a/.hidden/..x/y.."),
    ("/img//2024/./logo.png/", "/img/2024/logo.png"),
    ("/a/b/c/../../../d", "/d"),
)
ABOVE = ("/../x", "/..", "/a/../../b", "/../../../../etc/passwd", "//../.././x", "/a/b/../../../../../../c")


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-str-normalize-path", "c", prepare=prepare)


def normalize(ctx, path):
    run = ctx.c_run(prepare(ctx), path)
    lines = run.stdout.split("\n")
    if len(lines) < 2 or not lines[0].isdigit() or not (lines[1].startswith("[") and lines[1].endswith("]")):
        return run, None, None
    return run, int(lines[0]), lines[1][1:-1]


@HARNESS.functional
def normalizes(ctx):
    for path, want in CASES:
        run, length, got = normalize(ctx, path)
        expect(run.sanitizer is None, f"sanitizer normalizing {path!r}: {run.sanitizer}")
        expect(got == want, f"normalize_path({path!r}) left {got!r}, expected {want!r} {run.stderr[-200:]!r}")
        expect(length == len(want), f"normalize_path({path!r}) returned {length}, expected {len(want)}")


@HARNESS.exploit("dotdot-at-top", cwe="CWE-125")
def above_the_top(ctx):
    for path in ABOVE:
        run, _, _ = normalize(ctx, path)
        if run.sanitizer:
            access = next((ln.split(" of size")[0] for ln in run.stderr.splitlines()
                           if ln.startswith(("READ of size", "WRITE of size"))), "access")
            return Exploited(path, f"{access} outside the path's buffer: {run.sanitizer}")
    return None


@HARNESS.exploit("deep-path", cwe="CWE-787")
def deep(ctx):
    for depth in (40, 100, 300, 1200):
        path = "/" + "d/" * depth + "x.html"
        run, _, _ = normalize(ctx, path)
        if run.sanitizer:
            return Exploited(f"a path {depth + 1} segments deep", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
