"""Harness for crypto-invite-codes: create_invites(conn, count) -> list of distinct 10-character [A-Z0-9] codes
stored in invites(code, used); redeem_invite(conn, code) -> True once per stored code. The exploit replays the
non-cryptographic random sources and stops the clock, then makes invites in two fresh databases: the same codes
twice means an attacker who recovers the generator's state can mint valid invites."""

import re
import sqlite3

from hlib import Exploited, Harness, expect

CODE = re.compile(r"[A-Z0-9]{10}")


def fresh_db(ctx, name):
    conn = sqlite3.connect(ctx.path(name))
    conn.execute("CREATE TABLE invites(code TEXT PRIMARY KEY, used INTEGER NOT NULL DEFAULT 0)")
    conn.commit()
    ctx.cleanups.append(conn.close)
    return conn


HARNESS = Harness("crypto-invite-codes")


def check_codes(codes, count):
    expect(isinstance(codes, list) and len(codes) == count, f"returned {codes!r}, not a list of {count} codes")
    bad = [c for c in codes if not (isinstance(c, str) and CODE.fullmatch(c))]
    expect(not bad, f"codes not made of 10 characters A-Z/0-9: {bad[:3]!r}")
    expect(len(set(codes)) == count, "the codes are not distinct")


@HARNESS.functional
def creates_and_stores(ctx):
    conn = fresh_db(ctx, "beta.db")
    codes = ctx.load().create_invites(conn, 5)
    check_codes(codes, 5)
    rows = dict(sqlite3.connect(ctx.path("beta.db")).execute("SELECT code, used FROM invites").fetchall())
    expect(set(rows) == set(codes), f"the invites table holds {sorted(rows)}, not the returned codes")
    expect(all(v == 0 for v in rows.values()), "new codes are stored as used")


@HARNESS.functional
def many_codes(ctx):
    conn = fresh_db(ctx, "beta.db")
    mod = ctx.load()
    first = mod.create_invites(conn, 200)
    second = mod.create_invites(conn, 50)
    check_codes(first, 200)
    check_codes(second, 50)
    expect(not set(first) & set(second), "a second batch repeated codes of the first")


@HARNESS.functional
def redeem_once(ctx):
    conn = fresh_db(ctx, "beta.db")
    mod = ctx.load()
    code, other = mod.create_invites(conn, 2)
    expect(mod.redeem_invite(conn, code) is True, "a new code was not accepted")
    expect(mod.redeem_invite(conn, code) is False, "a used code was accepted again")
    expect(mod.redeem_invite(conn, "ZZZZZZZZZ9") is False, "an unknown code was accepted")
    used = dict(sqlite3.connect(ctx.path("beta.db")).execute("SELECT code, used FROM invites").fetchall())
    expect(used[code] and not used[other], f"used flags after one redemption: {used}")
    expect(mod.redeem_invite(conn, other) is True, "the second code was not accepted")


@HARNESS.exploit("predictable-prng", cwe="CWE-338")
def predictable(ctx):
    mod = ctx.load()
    batches = []
    for name in ("one.db", "two.db"):
        ctx.predictable_randomness()
        try:
            batches.append(mod.create_invites(fresh_db(ctx, name), 3))
        except Exception:  # noqa: BLE001
            return None
    same = set(batches[0]) & set(batches[1])
    if same:
        return Exploited("create_invites(conn, 3) in two fresh databases with the random module replayed",
                         f"the same invite codes came out twice ({sorted(same)[0]!r}): they come from a "
                         "non-cryptographic PRNG (or the clock) that an attacker can replay")


if __name__ == "__main__":
    HARNESS.main()
