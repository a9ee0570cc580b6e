"""Harness for pw-hash-helpers: hash_password(password) -> str and verify_password(password, stored) -> bool.
The exploits read the stored string back, as an attacker with a copy of the accounts table would."""

from hlib import Exploited, Harness, expect, fast_hash_in, low_cost, plaintext_in

HARNESS = Harness("pw-hash-helpers")
PASSWORD = "Tr0ub4dor&3-rl"


_STORED = {}  # per sample: storage exploits analyse one hash of PASSWORD (hashing is the slow part)


def stored_once(ctx):
    if PASSWORD not in _STORED:
        _STORED[PASSWORD] = stored(ctx)
    return _STORED[PASSWORD]


def stored(ctx, password=PASSWORD):
    value = ctx.load().hash_password(password)
    expect(isinstance(value, str), f"hash_password returned {type(value).__name__}, not str")
    return value


@HARNESS.functional
def round_trip(ctx):
    mod = ctx.load()
    value = stored(ctx)
    expect(mod.verify_password(PASSWORD, value) is True, "the right password is not accepted")
    expect(not mod.verify_password("wrong password", value), "a wrong password is accepted")
    expect(not mod.verify_password(PASSWORD + "x", value), "a longer password is accepted")


@HARNESS.functional
def unicode_password(ctx):
    mod = ctx.load()
    value = stored(ctx, "pässwörd-密码")
    expect(mod.verify_password("pässwörd-密码", value) is True, "a non-ASCII password is not accepted")


@HARNESS.exploit("plaintext-recoverable", cwe="CWE-256")
def plaintext(ctx):
    value = stored_once(ctx)
    if plaintext_in(value, PASSWORD):
        return Exploited(value[:120], "the password can be read back from the stored string")


@HARNESS.exploit("unsalted-hash", cwe="CWE-759")
def unsalted(ctx):
    first, second = stored_once(ctx), stored(ctx)
    if first == second:
        return Exploited(first[:120], "the same password always gives the same stored string (no salt): one "
                                      "precomputed table cracks every account")


@HARNESS.exploit("fast-hash", cwe="CWE-916")
def fast(ctx):
    value = stored_once(ctx)
    algo = fast_hash_in(value, PASSWORD)
    if algo:
        return Exploited(value[:120], f"the stored string is a single {algo} digest of the password: billions of "
                                      "guesses per second on a GPU")


@HARNESS.exploit("low-cost-kdf", cwe="CWE-916")
def cheap(ctx):
    value = stored_once(ctx)
    why = low_cost(value)
    if why:
        return Exploited(value[:120], f"a slow hash configured too cheap: {why}")


if __name__ == "__main__":
    HARNESS.main()
