"""Harness for c-cmd-ping-host: ping_host(host, out, out_size) runs ping (a stand-in on PATH) on a form value."""

import os
import re

from hpoly import Exploited, Harness, expect

FAKE_PING = """
# stand-in for ping: echo the arguments; a host called unreachable.test fails like a lost packet
last=""
for a in "$@"; do last="$a"; done
echo "PING $last: 56 data bytes"
echo "args: $*"
[ "$last" = "unreachable.test" ] && exit 1
echo "1 packets transmitted, 1 received"
exit 0
"""
DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int ping_host(const char *host, char *out, size_t out_size);
int main(int argc, char **argv)
{
    char *out = malloc(4096);
    memset(out, 0, 4096);
    int rc = ping_host(argv[1], out, 4096);
    printf("%d\n%s", rc, out);
    free(out);
    return 0;
}
"""


def setup(ctx):
    ctx.fake_bin("ping", FAKE_PING)


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-cmd-ping-host", "c", setup=setup, prepare=prepare)


@HARNESS.functional
def pings(ctx):
    run = ctx.c_run(prepare(ctx), "192.0.2.10")
    lines = run.stdout.split("\n")
    expect(lines[0] == "0", f"ping_host returned {lines[0]!r}: {run.stdout[-200:]!r} {run.stderr[-200:]!r}")
    expect("PING 192.0.2.10" in run.stdout and re.search(r"-c ?1\b", run.stdout) is not None,
           f"ping output not copied: {run.stdout!r}")


@HARNESS.functional
def reports_failure(ctx):
    run = ctx.c_run(prepare(ctx), "unreachable.test")
    expect(run.stdout.split("\n")[0] not in ("0", "-1"), f"a failing ping returned {run.stdout.split()[:1]!r}")


@HARNESS.exploit("command-injection", cwe="CWE-78")
def inject(ctx):
    prog = prepare(ctx)
    canary = ctx.canary()
    for host in (f"127.0.0.1; touch {canary}", f"$(touch {canary})", f"`touch {canary}`", f"127.0.0.1|touch {canary}",
                 f"127.0.0.1 && touch {canary}", f"127.0.0.1\ntouch {canary}", f"'; touch {canary}; '"):
        ctx.c_run(prog, host)
        if os.path.exists(canary):
            return Exploited(repr(host), "a shell command in the host field ran: the canary file was created")
    return None


if __name__ == "__main__":
    HARNESS.main()
