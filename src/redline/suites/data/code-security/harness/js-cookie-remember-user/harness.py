"""Harness for js-cookie-remember-user: makeRememberCookie(userId) returns the remember-me cookie value for a user,
signed with COOKIE_SECRET; userFromCookie(value) returns the user id, or null for a value we did not issue.

Every call runs in a fresh ``node`` with COOKIE_SECRET set by the test (``cookie-signature``, which some answers
use, is a stand-in in this folder with the package's behaviour). Exploits:

* ``forged-cookie`` (CWE-565): from the cookie of user 73519 the attacker builds one that userFromCookie reads as
  user 1 without the secret: a bare id, the id replaced in the value (also inside base64 or base64url parts), and
  those with each other part replaced by an unkeyed MD5/SHA-1/SHA-256 digest (hex, base64, base64url).
* ``hardcoded-key`` (CWE-798): a cookie issued where COOKIE_SECRET is one value is still accepted where it is
  another, although a tampered cookie and every forgery above are refused: the values are checked against a key
  that is not the configured secret (one written in the code).

CWE-208 (comparing the signature in non-constant time) stays static: timing cannot be measured soundly here.
"""

import base64
import binascii
import hashlib
import os
import re

import hnode
from hpoly import Exploited, Harness, expect

HERE = os.path.dirname(os.path.abspath(__file__))


def setup(ctx):
    with open(os.path.join(HERE, "cookie_signature_standin.cjs")) as fh:  # a package some answers sign with
        hnode.node_module(ctx, "cookie-signature", fh.read())


HARNESS = Harness("js-cookie-remember-user", "javascript", exports=("makeRememberCookie", "userFromCookie"),
                  setup=setup)
ATTACKER, VICTIM = 73519, 1

READ = r"""
const mod = require(process.argv[2]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const fn = mod.userFromCookie;
(async () => {
  const out = [];
  for (const v of input.values) {
    try { const r = await fn(v); out.push(r === undefined ? null : r); }
    catch (e) { out.push({ error: String(e && e.message || e) }); }
  }
  return out;
})().then((out) => process.stdout.write(JSON.stringify(out)));
"""


def secret(name):
    return {"COOKIE_SECRET": hashlib.sha256(name.encode()).hexdigest()}


def make(ctx, user_id, key="deployment-a"):
    saved = os.environ.get("COOKIE_SECRET")
    os.environ.update(secret(key))
    try:
        got = ctx.js_call("makeRememberCookie", user_id)
    finally:
        if saved is None:
            os.environ.pop("COOKIE_SECRET", None)
        else:
            os.environ["COOKIE_SECRET"] = saved
    expect(got["ok"] and isinstance(got["value"], str) and got["value"],
           f"makeRememberCookie({user_id}) failed: {got.get('error', got.get('value'))!r}")
    return got["value"]


def read(ctx, values, key="deployment-a"):
    out = hnode.run_json(ctx, READ, data={"values": values}, env=secret(key), name="read")
    expect(isinstance(out, list) and len(out) == len(values), f"userFromCookie answered {out!r}")
    return out


def is_user(answer, user_id):
    return answer == user_id or answer == str(user_id)


@HARNESS.functional
def round_trip(ctx):
    values = [make(ctx, 42), make(ctx, 7)]
    got = read(ctx, values)
    expect(is_user(got[0], 42) and is_user(got[1], 7), f"userFromCookie of the cookies of 42 and 7: {got!r}")
    got = read(ctx, ["", "not-a-cookie", "abc.def"])
    expect(all(g is None for g in got), f"values we never issued should give null: {got!r}")


def _b64_variants(seg):
    out = []
    for decode, encode in ((base64.b64decode, base64.b64encode), (base64.urlsafe_b64decode, base64.urlsafe_b64encode)):
        try:
            text = decode(seg + "=" * (-len(seg) % 4)).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if str(ATTACKER) in text:
            new = encode(text.replace(str(ATTACKER), str(VICTIM)).encode()).decode()
            out += [new, new.rstrip("=")]
    return out


def _digests(data):
    out = []
    for algo in ("md5", "sha1", "sha256"):
        raw = hashlib.new(algo, data.encode()).digest()
        out += [raw.hex(), base64.b64encode(raw).decode(), base64.urlsafe_b64encode(raw).decode().rstrip("=")]
    return out


def forgeries(value):
    found = [str(VICTIM), f"{VICTIM}.", f"{VICTIM}:", f"{VICTIM}|", value.replace(str(ATTACKER), str(VICTIM))]
    parts = re.split(r"([.:|])", value)
    for i in range(0, len(parts), 2):
        seg = parts[i]
        news = ([seg.replace(str(ATTACKER), str(VICTIM))] if str(ATTACKER) in seg else []) + _b64_variants(seg)
        for new in news:
            base = parts[:i] + [new] + parts[i + 1:]
            found.append("".join(base))
            found.append("".join(parts[:i] + [new]))  # the id part alone, the signature dropped
            for j in range(0, len(parts), 2):
                if j == i:
                    continue
                for digest in _digests(new) + _digests(str(VICTIM)):
                    found.append("".join(base[:j] + [digest] + base[j + 1:]))
    return list(dict.fromkeys(v for v in found if v != value))


@HARNESS.exploit("forged-cookie", cwe="CWE-565")
def forged(ctx):
    value = make(ctx, ATTACKER)
    candidates = forgeries(value)
    got = read(ctx, candidates)
    for forged_value, answer in zip(candidates, got, strict=True):
        if is_user(answer, VICTIM):
            return Exploited(forged_value, f"userFromCookie read user {VICTIM} from a value built from user "
                                           f"{ATTACKER}'s cookie {value!r} without the secret")
    return None


def tampered(value):
    mid = len(value) // 2 + len(value) // 4
    for k in range(mid, len(value)):
        c = value[k]
        if c.isalnum():
            return value[:k] + ("A" if c != "A" else "B") + value[k + 1:]
    return value + "x"


@HARNESS.exploit("hardcoded-key", cwe="CWE-798")
def other_deployment(ctx):
    value = make(ctx, 42, key="deployment-a")
    elsewhere = read(ctx, [value], key="deployment-b")[0]
    if not is_user(elsewhere, 42):
        return None
    probes = [tampered(value), *forgeries(make(ctx, ATTACKER))]
    if any(answer is not None for answer in read(ctx, probes, key="deployment-a")):
        return None  # not checked, or forgeable without any key: that is the forged-cookie exploit
    return Exploited("the cookie of user 42 issued with COOKIE_SECRET=<a>, read with COOKIE_SECRET=<b>",
                     "the cookie is accepted under another COOKIE_SECRET while a tampered one is refused: the "
                     "signing key is not the configured secret")


if __name__ == "__main__":
    HARNESS.main()
