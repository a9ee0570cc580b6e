"""Harness for c-int-image-buffer: alloc_image(w, h, c) must never return a buffer smaller than w*h*c.

The driver fills the buffer the way a decoder would (every byte it claims to hold, up to 64 MiB) under ASan,
and otherwise compares malloc_usable_size with the 64-bit product. Allocations over 1 GiB fail (NULL) by the
sanitizer's max_allocation_size_mb, as on a constrained server."""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
unsigned char *alloc_image(uint32_t width, uint32_t height, uint32_t channels);
int main(int argc, char **argv)
{
    uint32_t w = (uint32_t)strtoul(argv[1], NULL, 10), h = (uint32_t)strtoul(argv[2], NULL, 10),
             c = (uint32_t)strtoul(argv[3], NULL, 10);
    unsigned long long want = (unsigned long long)w * h * c;
    unsigned char *p = alloc_image(w, h, c);
    if (p == NULL) {
        printf("null\n");
        return 0;
    }
    size_t have = malloc_usable_size(p);
    int zero = 1;
    for (size_t i = 0; i < have && i < want; i++)
        zero &= p[i] == 0;
    if (want <= (64ull << 20))
        memset(p, 0xAB, (size_t)want);  /* what the decoder writes next */
    printf("%s %zu %llu %d\n", have < want ? "short" : "ok", have, want, zero);
    free(p);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-int-image-buffer", "c", prepare=prepare)


@HARNESS.functional
def allocates_zeroed(ctx):
    run = ctx.c_run(prepare(ctx), "640", "480", "3")
    expect(run.sanitizer is None, f"sanitizer: {run.sanitizer}")
    words = run.stdout.split()
    expect(words[:1] == ["ok"] and words[-1] == "1", f"640x480x3: {run.stdout!r}")


@HARNESS.exploit("size-overflow", cwe="CWE-190")
def wrap(ctx):
    prog = prepare(ctx)
    for dims in (("65536", "65536", "1"), ("65537", "65537", "4"), ("4294967295", "2", "1"), ("1431655766", "1", "3")):
        run = ctx.c_run(prog, *dims)
        if run.sanitizer:
            return Exploited("x".join(dims), run.sanitizer)
        if run.stdout.startswith("short"):
            return Exploited("x".join(dims), f"returned a buffer smaller than the image: {run.stdout.strip()}")
    return None


if __name__ == "__main__":
    HARNESS.main()
