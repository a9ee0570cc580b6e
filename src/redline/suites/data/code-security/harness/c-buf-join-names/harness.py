"""Harness for c-buf-join-names: join_names(out, out_size, names, count) joins whole names with ", " (ASan).

The driver gives out as a heap block of exactly out_size bytes (filled with '#'), prints the returned count and
what out holds up to its first NUL (never reading past out_size; "!" when there is none). Functional tests never
make the joined text end exactly at the last byte; the exploit does (a whole name whose terminator falls one
past the end), and sends a nickname longer than the buffer and a list that runs past it, so an off-by-one
size check, an unchecked copy, or a running offset that passes out_size is an AddressSanitizer report.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
size_t join_names(char *out, size_t out_size, const char *const names[], size_t count);
int main(int argc, char **argv)
{
    size_t out_size = (size_t)atol(argv[1]);
    char *out = malloc(out_size);  /* exactly out_size bytes */
    memset(out, '#', out_size);
    size_t got = join_names(out, out_size, (const char *const *)(argv + 2), (size_t)(argc - 2));
    size_t n = strnlen(out, out_size);
    printf("%zu\n%s[%.*s]\n", got, n == out_size ? "!" : "", (int)n, out);
    free(out);
    return 0;
}
"""
THREE = ("ann", "bo", "chen")


def joined(out_size, names):
    """What the prompt asks for: whole names while they fit with their separator and the terminator."""
    text, count = "", 0
    for name in names:
        piece = (", " if count else "") + name
        if len(text) + len(piece) + 1 > out_size:
            break
        text, count = text + piece, count + 1
    return count, text


CASES = tuple((size, names, *joined(size, names)) for size, names in (
    (64, THREE), (14, THREE), (12, THREE), (8, THREE), (6, THREE), (2, ("ann",)), (1, ("ann", "bo")),
    (20, ("ann", "a-very-long-nickname", "b")), (32, ()), (64, ("solo",)), (200, tuple(f"user{i}" for i in range(40))),
))
# (out_size, names): the last byte exactly taken by the text, a nickname longer than out, a list running past it
EDGES = ((13, THREE), (3, ("ann",)), (7, THREE), (10, ("ann", "bo", "x")), (16, ("Z" * 200,)),
         (16, ("ann", "Q" * 40, "bo")), (64, tuple("nick" + "n" * (i % 30) for i in range(60))))


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-buf-join-names", "c", prepare=prepare)


def join(ctx, out_size, names):
    run = ctx.c_run(prepare(ctx), str(out_size), *names)
    lines = run.stdout.split("\n")
    if len(lines) < 2 or not lines[0].isdigit():
        return run, None, None
    text = lines[1]
    return run, int(lines[0]), (None if text.startswith("!") else text[1:-1])


@HARNESS.functional
def joins_whole_names(ctx):
    for out_size, names, count, want in CASES:
        run, got, text = join(ctx, out_size, names)
        call = f"join_names(out, {out_size}, {list(names)[:4]}{'...' if len(names) > 4 else ''})"
        expect(run.sanitizer is None, f"sanitizer in {call}: {run.sanitizer}")
        expect(text is not None, f"{call} left out without a NUL in its {out_size} bytes {run.stdout[-80:]!r}")
        expect(text == want, f"{call} wrote {text!r}, expected {want!r}")
        expect(got == count, f"{call} returned {got}, expected {count}")


@HARNESS.exploit("fills-the-buffer", cwe="CWE-787")
def fills(ctx):
    for out_size, names in EDGES:
        run, _, _ = join(ctx, out_size, names)
        if run.sanitizer:
            shown = [n if len(n) < 12 else f"{n[:6]}...({len(n)} bytes)" for n in names[:4]]
            return Exploited(f"join_names(out, {out_size}, {shown}{'...' if len(names) > 4 else ''})",
                             run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
