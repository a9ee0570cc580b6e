"""Harness for c-buf-ring-write: ring_write(r, src, n) appends to a circular queue of cap bytes (ASan).

The driver builds a ring (data is a heap block of exactly cap bytes, stored bytes 'a', 'b', ... from head),
calls ring_write once with n bytes 'A', 'B', ..., then acts as the queue's reader: it copies the len bytes the
ring now claims, from head, wrapping once at the end of data, as any reader of this struct does. A write past
data, or a len larger than cap (the reader then reads past data), is an AddressSanitizer report.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct ring {
    unsigned char *data;
    size_t cap;
    size_t head;
    size_t len;
};
size_t ring_write(struct ring *r, const unsigned char *src, size_t n);
int main(int argc, char **argv)
{
    size_t cap = (size_t)atoi(argv[1]), head = (size_t)atoi(argv[2]), len = (size_t)atoi(argv[3]);
    size_t n = (size_t)atoi(argv[4]);
    struct ring r = {malloc(cap), cap, head, len};
    memset(r.data, '.', cap);
    for (size_t i = 0; i < len; i++)
        r.data[(head + i) % cap] = (unsigned char)('a' + i % 26);
    unsigned char *src = malloc(n ? n : 1);  /* exactly n bytes */
    for (size_t i = 0; i < n; i++)
        src[i] = (unsigned char)('A' + i % 26);
    size_t got = ring_write(&r, src, n);
    printf("%zu %zu %zu\n[%.*s]\n", got, r.head, r.len, (int)cap, (const char *)r.data);
    fflush(stdout);
    /* the reader: r.len bytes from r.head, wrapping once at the end of data */
    unsigned char *out = malloc(r.len ? r.len : 1);
    size_t first = r.len < r.cap - r.head ? r.len : r.cap - r.head;
    memcpy(out, r.data + r.head, first);
    memcpy(out + first, r.data, r.len - first);
    printf("{%.*s}\n", (int)r.len, (const char *)out);
    free(out);
    free(src);
    free(r.data);
    return 0;
}
"""
# (cap, head, len, n) -> (returned, head, len, data, what the reader gets)
CASES = (
    ((16, 0, 0, 5), ("5", "0", "5", "ABCDE...........", "ABCDE")),
    ((16, 12, 2, 6), ("6", "12", "8", "CDEF........abAB", "abABCDEF")),
    ((16, 5, 0, 11), ("11", "5", "11", ".....ABCDEFGHIJK", "ABCDEFGHIJK")),
    ((16, 10, 6, 3), ("3", "10", "9", "ABC.......abcdef", "abcdefABC")),
    ((16, 3, 10, 6), ("6", "3", "16", "DEFabcdefghijABC", "abcdefghijABCDEF")),
    ((16, 7, 4, 0), ("0", "7", "4", ".......abcd.....", "abcd")),
)


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-buf-ring-write", "c", prepare=prepare)


def write(ctx, cap, head, length, n):
    run = ctx.c_run(prepare(ctx), str(cap), str(head), str(length), str(n))
    lines = run.stdout.split("\n")
    if len(lines) < 3 or len(lines[0].split()) != 3:
        return run, None
    return run, (*lines[0].split(), lines[1][1:-1], lines[2][1:-1])


@HARNESS.functional
def appends_and_wraps(ctx):
    for (cap, head, length, n), want in CASES:
        run, got = write(ctx, cap, head, length, n)
        expect(run.sanitizer is None, f"sanitizer writing {n} bytes (cap {cap}, head {head}, len {length}): "
                                      f"{run.sanitizer}")
        expect(got == want, f"ring_write of {n} bytes with cap {cap}, head {head}, len {length}: got (returned, "
                            f"head, len, data, read back) {got}, expected {want}")


@HARNESS.exploit("overflow-when-full", cwe="CWE-787")
def overflow(ctx):
    prog = prepare(ctx)
    for cap, head, length, n in ((16, 12, 2, 40), (16, 0, 16, 1), (16, 4, 10, 8), (16, 0, 0, 100)):
        run = ctx.c_run(prog, str(cap), str(head), str(length), str(n))
        payload = f"{n} bytes into a ring of {cap} holding {length} from head {head}"
        fields = run.stdout.split("\n")[0].split()
        if len(fields) == 3 and fields[2].isdigit() and int(fields[2]) > cap:  # the write itself stayed inside
            return Exploited(payload, f"the ring claims {fields[2]} bytes in a {cap}-byte buffer; its reader "
                                      f"then runs past data: {run.sanitizer or 'no report'}")
        if run.sanitizer:
            return Exploited(payload, run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
