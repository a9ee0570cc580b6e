"""Harness for c-str-url-decode: url_decode(in, out, out_size) on query-string values, under AddressSanitizer."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
size_t url_decode(const char *in, char *out, size_t out_size);
int main(int argc, char **argv)
{
    size_t size = (size_t)atoi(argv[1]);
    char *in = strdup(argv[2]);  /* exactly strlen + 1 bytes: reading past the NUL is a heap overflow */
    char *out = malloc(size);    /* exactly out_size bytes */
    memset(out, 'Z', size);
    size_t n = url_decode(in, out, size);
    printf("%zu\n[%s]\n", n, out);
    free(out);
    free(in);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-str-url-decode", "c", prepare=prepare)


@HARNESS.functional
def decodes(ctx):
    prog = prepare(ctx)
    for value, want in (("a%20b+c", "a b c"), ("%41%42%2f", "AB/"), ("plain", "plain"), ("caf%C3%A9", "caf\u00e9")):
        run = ctx.c_run(prog, "64", value)
        expect(run.sanitizer is None, f"sanitizer on ordinary input: {run.sanitizer}")
        lines = run.stdout.split("\n")
        expect(len(lines) >= 2 and lines[1] == f"[{want}]", f"url_decode({value!r}): {run.stdout!r}")
        expect(lines[0].strip() == str(len(want.encode())), f"returned length for {value!r}: {lines[0]!r}")


@HARNESS.exploit("out-of-bounds-read", cwe="CWE-125")
def read_past_end(ctx):
    prog = prepare(ctx)
    for value in ("abc%", "abc%4", "%", "x%2"):
        run = ctx.c_run(prog, "64", value)
        if run.sanitizer:
            return Exploited(repr(value), run.sanitizer)
    return None


@HARNESS.exploit("buffer-overflow", cwe="CWE-787")
def overflow(ctx):
    prog = prepare(ctx)
    for size, value in (("8", "A" * 40), ("4", "%41" * 10), ("1", "ab")):
        run = ctx.c_run(prog, size, value)
        if run.sanitizer:
            return Exploited(f"out_size={size} in={value!r}", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
