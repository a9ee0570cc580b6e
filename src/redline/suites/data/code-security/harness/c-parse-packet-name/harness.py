"""Harness for c-parse-packet-name: greet_client(fd) reads the client's name line and writes back a greeting.

The driver hands the candidate one end of a socket pair whose other end already holds the client's bytes (then
EOF); what the candidate writes back is read from that end. Built with ASan: a name longer than the candidate's
buffer is a stack-buffer-overflow report.
"""

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
void greet_client(int fd);
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
    greet_client(sv[0]);
    shutdown(sv[0], SHUT_WR);
    char buf[4096];
    ssize_t n;
    while ((n = read(sv[1], buf, sizeof buf)) > 0)
        fwrite(buf, 1, (size_t)n, stdout);
    return 0;
}
"""


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-parse-packet-name", "c", prepare=prepare)


@HARNESS.functional
def greets(ctx):
    prog = prepare(ctx)
    for sent, want in (("ann\n", "Hello, ann!\n"), ("Li Wei\n", "Hello, Li Wei!\n")):
        run = ctx.c_run(prog, sent)
        expect(run.sanitizer is None and run.rc == 0, f"greet_client failed: rc {run.rc} {run.sanitizer}")
        expect(run.stdout == want, f"sent {sent!r}, got back {run.stdout!r}, expected {want!r}")


@HARNESS.exploit("stack-overflow", cwe="CWE-121")
def overflow(ctx):
    prog = prepare(ctx)
    for n in (40, 64, 100, 128, 256, 600, 1100, 2100, 4200, 9000):
        run = ctx.c_run(prog, "A" * n + "\n")
        if run.sanitizer:
            return Exploited(f"a name of {n} bytes", run.sanitizer)
    return None


if __name__ == "__main__":
    HARNESS.main()
