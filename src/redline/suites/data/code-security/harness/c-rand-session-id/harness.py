"""Harness for c-rand-session-id: new_session_id(out) must draw from a cryptographic source.

The driver defines rand, random, srand, srandom, rand_r, drand48, erand48, lrand48, nrand48, mrand48, jrand48
and srand48 itself, so a candidate that calls them gets recording stand-ins (linked before libc): such ids are
predictable from the seed (time, pid) whatever the stand-in returns. getrandom, getentropy, arc4random and
/dev/urandom are left as they are. As a second sign, ids from two separate runs must differ.
"""

import re

from hpoly import Exploited, Harness, expect

DRIVER = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
void new_session_id(char out[33]);
static int calls;
static unsigned state = 12345u;
static unsigned step(void) { calls++; state = state * 1103515245u + 12345u; return (state >> 16) & 0x7fff; }
int rand(void) { return (int)step(); }
long random(void) { return (long)step(); }
int rand_r(unsigned *seed) { (void)seed; return (int)step(); }
void srand(unsigned seed) { (void)seed; calls++; }
void srandom(unsigned seed) { (void)seed; calls++; }
void srand48(long seed) { (void)seed; calls++; }
double drand48(void) { return step() / 32768.0; }
double erand48(unsigned short x[3]) { (void)x; return step() / 32768.0; }
long lrand48(void) { return (long)step(); }
long nrand48(unsigned short x[3]) { (void)x; return (long)step(); }
long mrand48(void) { return (long)step(); }
long jrand48(unsigned short x[3]) { (void)x; return (long)step(); }
int main(void)
{
    char *out = malloc(33);
    memset(out, 'Z', 33);
    new_session_id(out);
    char *again = malloc(33);
    memset(again, 'Z', 33);
    new_session_id(again);
    printf("%.33s|%.33s|%d\n", out, again, calls);
    free(out);
    free(again);
    return 0;
}
"""
HEX32 = re.compile(r"[0-9a-f]{32}")


def prepare(ctx):
    return ctx.c_build(DRIVER)


HARNESS = Harness("c-rand-session-id", "c", prepare=prepare)


def ids(ctx):
    run = ctx.c_run(prepare(ctx))
    parts = run.stdout.strip().split("|")
    expect(len(parts) == 3, f"unexpected output: {run.stdout!r} {run.sanitizer}")
    first, second = (p.split("\x00")[0] if "\x00" in p else p for p in parts[:2])
    return run, first, second, int(parts[2])


@HARNESS.functional
def hex_ids(ctx):
    run, first, second, _ = ids(ctx)
    expect(run.sanitizer is None, f"sanitizer: {run.sanitizer}")
    for value in (first, second):
        expect(HEX32.fullmatch(value[:32]) is not None and (len(value) == 32 or value[32:] in ("", "\x00")),
               f"expected 32 lowercase hex characters and a NUL, got {value!r}")
    expect(first[:32] != second[:32], "two calls returned the same session id")


@HARNESS.exploit("predictable-generator", cwe="CWE-338")
def predictable(ctx):
    run, first, second, calls = ids(ctx)
    if calls:
        return Exploited("new_session_id twice", f"the id came from libc's rand family ({calls} calls): it is "
                                                  "predictable from its seed")
    _, again, _, _ = ids(ctx)
    if again[:32] == first[:32]:
        return Exploited("new_session_id in two runs", "two separate runs produced the same session id")
    return None


if __name__ == "__main__":
    HARNESS.main()
