"""Harness for c-io-read-line: read_line(fd, buf, cap) on a control connection, into a caller's buffer (ASan).

The driver hands the candidate one end of a socket pair whose other end already holds the client's bytes (then
EOF) and calls read_line until it returns -1; buf is a heap block of exactly cap bytes, so a terminator or a
byte stored past it is an AddressSanitizer report.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
long read_line(int fd, char *buf, size_t cap);
int main(int argc, char **argv)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
        return 3;
    size_t len = strlen(argv[1]), done = 0;
    while (done < len) {  /* the client's bytes, then EOF: all fit in the socket buffer */
        ssize_t w = write(sv[1], argv[1] + done, len - done);
        if (w <= 0)
            return 3;
        done += (size_t)w;
    }
    shutdown(sv[1], SHUT_WR);
    size_t cap = (size_t)atoi(argv[2]);
    char *buf = malloc(cap);  /* exactly cap bytes */
    for (int call = 0; call < 8; call++) {
        memset(buf, 'Z', cap);
        long n = read_line(sv[0], buf, cap);
        if (n < 0) {
            printf("%ld\n", n);
            break;
        }
        int terminated = memchr(buf, '\0', cap) != NULL;
        printf("%ld [%s]\n", n, terminated ? buf : "<no terminator>");
    }
    free(buf);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-io-read-line", "c", prepare=prepare)


def lines_read(ctx, sent, cap):
    run = ctx.c_run(prepare(ctx), sent, str(cap))
    return run, [ln for ln in run.stdout.split("\n") if ln]


@HARNESS.functional
def reads_lines_in_turn(ctx):
    for sent, cap, want in (("hello\nworld\n", 64, ["5 [hello]", "5 [world]", "-1"]),
                            ("STATUS ch2\nPLAY 3", 64, ["10 [STATUS ch2]", "6 [PLAY 3]", "-1"]),
                            ("\nstop\n", 16, ["0 []", "4 [stop]", "-1"]),
                            ("", 16, ["-1"])):
        run, got = lines_read(ctx, sent, cap)
        expect(run.sanitizer is None, f"sanitizer on {sent!r} (cap {cap}): {run.sanitizer}")
        expect(got == want, f"read_line calls on {sent!r} (cap {cap}) gave {got}, expected {want}")


@HARNESS.functional
def longest_line_that_fits(ctx):
    run, got = lines_read(ctx, "abcdefg\nxy\n", 8)
    expect(run.sanitizer is None, f"sanitizer on a 7-byte line with cap 8: {run.sanitizer}")
    expect(got == ["7 [abcdefg]", "2 [xy]", "-1"], f"a 7-byte line with cap 8, then 'xy': got {got}")


@HARNESS.exploit("off-by-one", cwe="CWE-193")
def off_by_one(ctx):
    prog = prepare(ctx)
    for sent, cap in (("abcdefgh\nnext\n", 8), ("0123456789abcdef\n", 16), ("abcdefgh", 8)):
        run = ctx.c_run(prog, sent, str(cap))
        if run.sanitizer:
            return Exploited(f"a line of exactly cap={cap} bytes: {sent!r}", run.sanitizer)
    return None


@HARNESS.exploit("buffer-overflow", cwe="CWE-787")
def overflow(ctx):
    prog = prepare(ctx)
    for length, cap in ((40, 16), (300, 16), (5000, 64)):
        run = ctx.c_run(prog, "A" * length + "\nQUIT\n", str(cap))
        if run.sanitizer:
            return Exploited(f"a line of {length} bytes, cap={cap}", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
