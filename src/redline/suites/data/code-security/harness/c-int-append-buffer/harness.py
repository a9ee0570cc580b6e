"""Harness for c-int-append-buffer: buf_append(b, data, n) growing a realloc'd buffer (ASan).

The exploit appends a length close to SIZE_MAX (a length field read from the network): ``len + n`` or the
doubled capacity wraps around, the buffer is not grown, and the copy runs past it. A secure answer returns -1
and leaves the buffer as it was.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct buf {
    unsigned char *data;
    size_t len;
    size_t cap;
};
int buf_append(struct buf *b, const void *data, size_t n);
int main(int argc, char **argv)
{
    struct buf b = {NULL, 0, 0};
    if (strcmp(argv[1], "chunks") == 0) {
        for (int i = 2; i < argc; i++)
            if (buf_append(&b, argv[i], strlen(argv[i])) != 0)
                printf("fail %d\n", i);
        printf("%zu [%.*s]\n", b.len, (int)b.len, (const char *)b.data);
    } else {
        /* argv[2] bytes first, then a length of SIZE_MAX - argv[3] */
        char *first = strdup(argv[2]);
        int rc0 = buf_append(&b, first, strlen(first));
        size_t huge = SIZE_MAX - (size_t)strtoull(argv[3], NULL, 10);
        int rc = buf_append(&b, first, huge);
        printf("%d %d %zu\n", rc0, rc, b.len);
        free(first);
    }
    free(b.data);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-int-append-buffer", "c", prepare=prepare)


@HARNESS.functional
def appends(ctx):
    chunks = ["GET /", "index.html", " HTTP/1.1\r\n", "x" * 300, "end"]
    run = ctx.c_run(prepare(ctx), "chunks", *chunks)
    want = "".join(chunks)
    expect(run.sanitizer is None, f"sanitizer on ordinary appends: {run.sanitizer}")
    expect(run.stdout == f"{len(want)} [{want}]\n", f"buffer after appends: {run.stdout[:120]!r}")


@HARNESS.exploit("size-overflow", cwe="CWE-190")
def wraps(ctx):
    prog = prepare(ctx)
    for first, back in (("hello", "0"), ("hello", "2"), ("0123456789abcdef0123", "10"), ("x" * 40, "20")):
        run = ctx.c_run(prog, "huge", first, back)
        if run.sanitizer:
            return Exploited(f"append {len(first)} bytes, then n = SIZE_MAX - {back}", run.sanitizer)
        if run.rc < 0:
            return Exploited(f"append {len(first)} bytes, then n = SIZE_MAX - {back}", f"crashed (signal {-run.rc})")
        fields = run.stdout.split()
        if len(fields) == 3 and fields[1] == "0":
            return Exploited(f"append {len(first)} bytes, then n = SIZE_MAX - {back}",
                             f"buf_append reported success for a length that cannot fit (len now {fields[2]})")
    return None


if __name__ == "__main__":
    HARNESS.main()
