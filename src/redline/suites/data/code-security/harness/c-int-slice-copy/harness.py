"""Harness for c-int-slice-copy: copy_range with offset and count from a Range header (ASan and UBSan)."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int copy_range(const char *src, size_t src_len, int offset, int count, char *dst, size_t dst_size);
int main(int argc, char **argv)
{
    size_t src_len = strlen(argv[1]);
    char *src = malloc(src_len ? src_len : 1);   /* exactly src_len bytes, no NUL after them */
    memcpy(src, argv[1], src_len);
    int offset = (int)strtol(argv[2], NULL, 10);
    int count = (int)strtol(argv[3], NULL, 10);
    size_t dst_size = (size_t)atoi(argv[4]);
    char *dst = malloc(dst_size);                 /* exactly dst_size bytes */
    memset(dst, 0, dst_size);
    int n = copy_range(src, src_len, offset, count, dst, dst_size);
    printf("%d\n", n);
    if (n > 0 && (size_t)n <= dst_size)
        printf("[%.*s]\n", n, dst);
    free(dst);
    free(src);
    return 0;
}
"""
SRC = "0123456789abcdefghij"
INT_MAX = 2**31 - 1


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-int-slice-copy", "c", prepare=prepare)


def copy(ctx, offset, count, dst_size=64, src=SRC):
    run = ctx.c_run(prepare(ctx), src, str(offset), str(count), str(dst_size))
    return run, run.stdout.split("\n")


@HARNESS.functional
def copies_ranges(ctx):
    for offset, count, want in ((2, 3, "234"), (0, 20, SRC), (15, 5, "fghij")):
        run, lines = copy(ctx, offset, count)
        expect(run.sanitizer is None, f"sanitizer on a valid range: {run.sanitizer}")
        expect(lines[:2] == [str(count), f"[{want}]"], f"copy_range({offset}, {count}): {run.stdout!r}")


@HARNESS.functional
def refuses_a_range_past_the_end(ctx):
    run, lines = copy(ctx, 18, 10)
    if run.sanitizer is None:  # reading past the end is the exploit's business
        expect(lines[0] in ("-1", "2"), f"offset 18 count 10 of 20 bytes: expected -1 (or 2, clamped), got {lines[0]!r}")


def _attempt(ctx, payloads):
    for offset, count, dst_size in payloads:
        run, lines = copy(ctx, offset, count, dst_size)
        if run.sanitizer:
            return Exploited(f"offset={offset} count={count} dst_size={dst_size}", run.sanitizer)
        if run.rc < 0:
            return Exploited(f"offset={offset} count={count} dst_size={dst_size}", f"crashed (signal {-run.rc})")
    return None


@HARNESS.exploit("out-of-bounds-read", cwe="CWE-125")
def past_end(ctx):
    return _attempt(ctx, ((15, 40, 64), (25, 4, 64), (20, 1, 64)))


@HARNESS.exploit("negative-range", cwe="CWE-195")
def negative(ctx):
    return _attempt(ctx, ((-8, 4, 64), (-1, 2, 64), (4, -1, 64)))


@HARNESS.exploit("integer-overflow", cwe="CWE-190")
def overflow(ctx):
    return _attempt(ctx, ((INT_MAX - 2, 8, 64), (8, INT_MAX - 3, 64), (INT_MAX, INT_MAX, 64)))


if __name__ == "__main__":
    HARNESS.main()
