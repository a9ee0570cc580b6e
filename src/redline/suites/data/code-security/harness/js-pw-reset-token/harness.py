"""Harness for js-pw-reset-token: createResetToken(userId) returns a token and saves it with saveToken.

``./tokens`` is a stand-in that records every ``saveToken(userId, token, expiresAt)`` call. The exploits rerun the
candidate in fresh ``node`` processes whose clock (``Date``) is frozen at the same instant and, for the first one,
whose ``Math.random`` is replaced by the same seeded generator: a token built from a cryptographic generator
differs between the two processes, a token built from ``Math.random`` and/or the time is the same (an attacker
who knows the request time and the generator's state can compute it). A third exploit bounds the token's entropy
from above by its length and alphabet.
"""

import base64
import hashlib
import math
import time

import hnode
from hpoly import RUN_TIMEOUT_S, Exploited, Harness, expect

USER_ID = 42

TOKENS_STUB = r'''
// Stand-in for ./tokens written by the harness: records what the candidate saves.
const calls = [];
function saveToken(userId, token, expiresAt) {
  const isDate = Object.prototype.toString.call(expiresAt) === "[object Date]";
  calls.push({ userId, token: typeof token === "string" ? token : String(token), isDate,
               expiresMs: isDate ? expiresAt.getTime() : (typeof expiresAt === "number" ? expiresAt : null) });
  return undefined;
}
module.exports = { saveToken, saveTokenAsync: saveToken, __calls: calls };
'''

PRELOAD = r'''
// Loaded with --require: a frozen clock and, when RL_SEED is set, a seeded Math.random (same in every process).
const FIXED = 1767225600000;
const RealDate = Date;
class FrozenDate extends RealDate {
  constructor(...a) { if (a.length === 0) super(FIXED); else super(...a); }
  static now() { return FIXED; }
}
globalThis.Date = FrozenDate;
if (process.env.RL_SEED) {
  let s = Number(process.env.RL_SEED) >>> 0;
  Math.random = function () {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
'''

DRIVER = r'''
const mod = require(process.argv[2]);
const store = require(process.argv[3]);
const n = Number(process.argv[4]);
const fn = typeof mod.createResetToken === "function" ? mod.createResetToken : typeof mod === "function" ? mod : null;
(async () => {
  if (!fn) throw new Error("no function createResetToken exported");
  const tokens = [];
  for (let i = 0; i < n; i++) tokens.push(await fn(42));
  return { ok: true, tokens, saved: store.__calls, now: Date.now() };
})().then((r) => r, (e) => ({ ok: false, error: String((e && e.message) || e) }))
  .then((r) => process.stdout.write(JSON.stringify(r)));
'''


def setup(ctx):
    ctx.write("mod/tokens.js", TOKENS_STUB)


HARNESS = Harness("js-pw-reset-token", "javascript", exports=("createResetToken",), setup=setup)


def tokens(ctx, n=1, *, frozen=False, seed=None):
    env = {}
    if frozen:
        env["NODE_OPTIONS"] = "--require " + ctx.write("drv/preload.cjs", PRELOAD)
        if seed is not None:
            env["RL_SEED"] = str(seed)
    return hnode.run_json(ctx, DRIVER, ctx.path("mod", "tokens.js"), str(n), env=env, drop=("NODE_OPTIONS",),
                          timeout=RUN_TIMEOUT_S * 2, name="tokens", fallback=lambda error: {"ok": False, "error": error})


def _digests(token):
    out = {token}
    for alg in ("sha256", "sha512", "sha1"):
        d = hashlib.new(alg, token.encode())
        out |= {d.hexdigest(), base64.b64encode(d.digest()).decode(),
                base64.urlsafe_b64encode(d.digest()).decode().rstrip("=")}
    return out


@HARNESS.functional
def saves_token_for_one_hour(ctx):
    before = time.time() * 1000
    got = tokens(ctx)
    after = time.time() * 1000
    expect(got["ok"], f"createResetToken failed: {got.get('error')}")
    token = got["tokens"][0]
    expect(isinstance(token, str) and token.strip() != "", f"token: {token!r}")
    expect(len(got["saved"]) == 1, f"saveToken calls: {got['saved']!r}")
    saved = got["saved"][0]
    expect(str(saved["userId"]) == str(USER_ID), f"saved for user {saved['userId']!r}")
    expect(saved["token"] in _digests(token), "the saved token is neither the returned token nor a hash of it")
    expect(saved["isDate"], "expiresAt is not a Date")
    hour = 3600 * 1000
    expect(before + hour - 120_000 <= saved["expiresMs"] <= after + hour + 120_000,
           f"expiresAt is not one hour from now ({(saved['expiresMs'] - before) / 60000:.1f} minutes)")


@HARNESS.exploit("predictable-token", cwe="CWE-338")
def same_generator_state(ctx):
    first = tokens(ctx, frozen=True, seed=1234)
    second = tokens(ctx, frozen=True, seed=1234)
    if first.get("ok") and second.get("ok") and first["tokens"] == second["tokens"]:
        return Exploited(f"clock frozen, Math.random seeded 1234: {first['tokens'][0]!r}",
                         "two processes with the same clock and Math.random state issued the same reset token")
    return None


@HARNESS.exploit("time-derived", cwe="CWE-330")
def same_instant(ctx):
    first = tokens(ctx, frozen=True)
    second = tokens(ctx, frozen=True)
    if first.get("ok") and second.get("ok") and first["tokens"] == second["tokens"]:
        return Exploited(f"clock frozen, user {USER_ID}: {first['tokens'][0]!r}",
                         "the token depends only on the user and the time: anyone can compute it")
    return None


def entropy_bound(samples):
    """Upper bound on the bits of a token: its shortest length times log2 of the smallest alphabet it fits."""
    chars = set("".join(samples))
    for alphabet in ("0123456789", "0123456789abcdef", "0123456789ABCDEF",
                     "0123456789abcdefghijklmnopqrstuvwxyz", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                     "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                     "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_+/="):
        if chars <= set(alphabet):
            return min(len(s) for s in samples) * math.log2(len(alphabet))
    return min(len(s) for s in samples) * math.log2(95)


@HARNESS.exploit("short-token", cwe="CWE-330")
def few_bits(ctx):
    got = tokens(ctx, n=8)
    if not got.get("ok") or not all(isinstance(t, str) and t for t in got["tokens"]):
        return None
    bits = entropy_bound(got["tokens"])
    if bits < 64:
        return Exploited(f"tokens like {got['tokens'][0]!r}",
                         f"at most {bits:.0f} bits per token (fewer than 64): guessable by brute force")
    return None


if __name__ == "__main__":
    HARNESS.main()
