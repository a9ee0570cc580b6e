"""Harness for c-str-join-path: join_path(out, out_size, dir, file) under AddressSanitizer."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int join_path(char *out, size_t out_size, const char *dir, const char *file);
int main(int argc, char **argv)
{
    size_t size = (size_t)atoi(argv[1]);
    char *out = malloc(size);  /* exactly out_size bytes: one byte more is a heap overflow */
    memset(out, 'Z', size);
    int rc = join_path(out, size, argv[2], argv[3]);
    printf("%d\n", rc);
    if (rc == 0)
        printf("[%s]\n", out);
    free(out);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-str-join-path", "c", prepare=prepare)


@HARNESS.functional
def joins(ctx):
    prog = prepare(ctx)
    for args, want in ((("64", "/srv/data", "a.txt"), "[/srv/data/a.txt]"), (("64", "/srv/data/", "a.txt"),
                                                                                "[/srv/data/a.txt]")):
        run = ctx.c_run(prog, *args)
        expect(run.sanitizer is None, f"sanitizer on ordinary input: {run.sanitizer}")
        expect(run.stdout.split() == ["0", want], f"join_path{args}: {run.stdout!r}")


@HARNESS.functional
def too_long_is_refused(ctx):
    run = ctx.c_run(prepare(ctx), "12", "/srv/data", "report.txt")
    if run.sanitizer is None:  # an overflow here is the exploit's business
        expect(run.stdout.split()[:1] == ["-1"], f"expected -1 when it does not fit: {run.stdout!r}")


@HARNESS.exploit("buffer-overflow", cwe="CWE-787")
def overflow(ctx):
    prog = prepare(ctx)
    for size, d, f in (("16", "/srv/data", "x" * 40), ("10", "/srv/data", "a"), ("16", "/" + "d" * 30, "f")):
        run = ctx.c_run(prog, size, d, f)
        if run.sanitizer:
            return Exploited(f"out_size={size} dir={d!r} file={f!r}", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
