"""Harness for crypto-temporary-password: generate_temporary_password(length=12) -> str with upper, lower,
digit and symbol. The exploit makes the non-cryptographic random sources deterministic and calls it twice."""

import string

from hlib import Exploited, Harness, expect

HARNESS = Harness("crypto-temporary-password")


def check(pw, length):
    expect(isinstance(pw, str) and len(pw) == length, f"{pw!r} is not a {length}-character string")
    expect(any(c.isupper() for c in pw) and any(c.islower() for c in pw), f"{pw!r} lacks a letter case")
    expect(any(c.isdigit() for c in pw), f"{pw!r} has no digit")
    expect(any(not c.isalnum() and not c.isspace() for c in pw), f"{pw!r} has no symbol")


@HARNESS.functional
def default_length(ctx):
    gen = ctx.load().generate_temporary_password
    passwords = [gen() for _ in range(20)]
    for pw in passwords:
        check(pw, 12)
    expect(len(set(passwords)) == len(passwords), "repeated passwords")


@HARNESS.functional
def other_lengths(ctx):
    gen = ctx.load().generate_temporary_password
    for n in (8, 16, 32):
        check(gen(n), n)
        check(gen(length=n), n)


@HARNESS.exploit("predictable-prng", cwe="CWE-338")
def predictable(ctx):
    gen = ctx.load().generate_temporary_password
    ctx.predictable_randomness()
    first = gen(16)
    ctx.predictable_randomness()
    second = gen(16)
    if first == second:
        return Exploited("two calls with the random module seeded/stubbed alike",
                         f"the same password came out twice ({first!r}): it comes from a non-cryptographic PRNG "
                         "whose state an attacker can recover")


if __name__ == "__main__":
    HARNESS.main()
