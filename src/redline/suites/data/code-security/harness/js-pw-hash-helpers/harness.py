"""Harness for js-pw-hash-helpers: what hashPassword stores is read back and attacked offline."""

import base64
import binascii
import hashlib
import hmac
import re

import hnode
from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-pw-hash-helpers", "javascript", exports=("hashPassword", "verifyPassword"))
PASSWORD = "correct horse 42"  # noqa: S105 - the test password the harness stores and attacks
FAST = ("md5", "sha1", "sha256", "sha512")


def stored_for(ctx, password):
    got = ctx.js_call("hashPassword", password, prelude=hnode.kdf_prelude(ctx, __file__))
    expect(got["ok"] and isinstance(got["value"], str), f"hashPassword: {got.get('error') or got.get('value')!r}")
    return got["value"]


def _salts(stored):
    out = {b""}
    for token in {stored, *re.split(r"[$:.,;|]", stored)}:
        if not token:
            continue
        out.add(token.encode())
        for decode in (binascii.unhexlify, base64.b64decode):
            try:
                out.add(decode(token))
            except (ValueError, binascii.Error):
                pass
    return out


def fast_digest_in(stored, password):
    """The fast digest (of the password with any salt stored beside it) that appears in the stored string."""
    low = stored.lower()
    pw = password.encode()
    for salt in _salts(stored):
        for alg in FAST:
            for data in (salt + pw, pw + salt):
                digest = hashlib.new(alg, data).digest()
                if digest.hex() in low or base64.b64encode(digest).decode().rstrip("=") in stored:
                    return f"{alg}({'salt+' if data.startswith(salt) and salt else ''}password)"
            if salt:
                mac = hmac.new(salt, pw, alg).digest()
                if mac.hex() in low or base64.b64encode(mac).decode().rstrip("=") in stored:
                    return f"hmac-{alg}(salt, password)"
    return None


@HARNESS.functional
def verifies(ctx):
    stored = stored_for(ctx, PASSWORD)
    ok = ctx.js_call("verifyPassword", PASSWORD, stored, prelude=hnode.kdf_prelude(ctx, __file__))
    expect(ok["ok"] and ok["value"] is True, f"verifyPassword(right) = {ok!r}")
    bad = ctx.js_call("verifyPassword", "correct horse 43", stored,
                      prelude=hnode.kdf_prelude(ctx, __file__))
    expect(bad["ok"] and bad["value"] is False, f"verifyPassword(wrong) = {bad!r}")


@HARNESS.exploit("fast-hash", cwe="CWE-916")
def crack(ctx):
    stored = stored_for(ctx, PASSWORD)
    if PASSWORD in stored:
        return Exploited(stored[:80], "the password is stored in clear")
    found = fast_digest_in(stored, PASSWORD)
    if found:
        return Exploited(stored[:80], f"stored value is a fast {found}: billions of guesses per second")
    return None


@HARNESS.exploit("unsalted", cwe="CWE-759")
def same_twice(ctx):
    first, second = stored_for(ctx, PASSWORD), stored_for(ctx, PASSWORD)
    if first == second:
        return Exploited(first[:80], "the same password gives the same stored value (no per-user salt)")
    return None


if __name__ == "__main__":
    HARNESS.main()
