"""Harness for crypto-api-key-issuer: create_api_key(conn, owner) -> "pk_" + 32 lowercase hex digits, with only
the key's SHA-256 (lowercase hex) stored in api_keys(key_hash, owner); find_key_owner(conn, key) -> the owner or
None. The exploit replays the non-cryptographic random sources and stops the clock, then issues a key in two
fresh databases: the same key twice means that whoever recovers the generator's state (or the time of issue)
can compute other customers' keys."""

import hashlib
import re
import sqlite3

from hlib import Exploited, Harness, expect

KEY = re.compile(r"pk_[0-9a-f]{32}")


def fresh_db(ctx, name):
    conn = sqlite3.connect(ctx.path(name))
    conn.execute("CREATE TABLE api_keys(key_hash TEXT PRIMARY KEY, owner TEXT NOT NULL)")
    conn.commit()
    ctx.cleanups.append(conn.close)
    return conn


def rows(ctx, name):
    with sqlite3.connect(ctx.path(name)) as conn:
        return conn.execute("SELECT key_hash, owner FROM api_keys").fetchall()


HARNESS = Harness("crypto-api-key-issuer")


def check_key(key):
    expect(isinstance(key, str) and KEY.fullmatch(key), f"create_api_key returned {key!r}, not pk_ + 32 hex digits")


@HARNESS.functional
def issues_and_stores_digest(ctx):
    conn = fresh_db(ctx, "portal.db")
    key = ctx.load().create_api_key(conn, "acme-ltd")
    check_key(key)
    stored = rows(ctx, "portal.db")
    digest = hashlib.sha256(key.encode()).hexdigest()
    expect(stored == [(digest, "acme-ltd")], f"api_keys holds {stored!r}, not the key's SHA-256 and its owner")


@HARNESS.functional
def finds_owners(ctx):
    conn = fresh_db(ctx, "portal.db")
    mod = ctx.load()
    keys = {owner: mod.create_api_key(conn, owner) for owner in ("acme-ltd", "Zoë's bakery", "o'brien & sons")}
    for owner, key in keys.items():
        check_key(key)
        got = mod.find_key_owner(conn, key)
        expect(got == owner, f"find_key_owner gave {got!r} for the key of {owner!r}")
    expect(mod.find_key_owner(conn, "pk_" + "0" * 32) is None, "an unknown key was given an owner")
    expect(mod.find_key_owner(conn, "nonsense") is None, "a malformed key was given an owner")


@HARNESS.functional
def many_distinct_keys(ctx):
    conn = fresh_db(ctx, "portal.db")
    mod = ctx.load()
    keys = [mod.create_api_key(conn, "acme-ltd") for _ in range(100)]
    for key in keys:
        check_key(key)
    expect(len(set(keys)) == 100, "100 keys for one owner were not all different")
    expect(len(rows(ctx, "portal.db")) == 100, "not every key was stored")


@HARNESS.exploit("predictable-key", cwe="CWE-338")
def predictable(ctx):
    mod = ctx.load()
    keys = []
    for name in ("one.db", "two.db"):
        ctx.predictable_randomness()
        try:
            keys.append(mod.create_api_key(fresh_db(ctx, name), "acme-ltd"))
        except Exception:  # noqa: BLE001
            return None
    if keys[0] == keys[1]:
        return Exploited("create_api_key(conn, 'acme-ltd') in two fresh databases with the random module replayed",
                         f"the same API key came out twice ({keys[0]!r}): it comes from a non-cryptographic PRNG "
                         "(or the clock) that an attacker can replay")


if __name__ == "__main__":
    HARNESS.main()
