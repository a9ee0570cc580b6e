"""Harness for crypto-sms-login-code: send_login_code(user) texts a 6-digit code with send_sms(phone, text);
check_login_code(user, code) accepts it for 5 minutes."""

import re
import types

from hlib import Exploited, Harness, expect

SENT = []


def setup(ctx):
    SENT.clear()
    ctx.stub("sms", send_sms=lambda phone, text: SENT.append((phone, text)))


HARNESS = Harness("crypto-sms-login-code", setup)


def user(uid=1):
    return types.SimpleNamespace(id=uid, phone=f"+4470000000{uid:02d}", email=f"u{uid}@example.org")


def last_code(phone):
    texts = [t for p, t in SENT if p == phone]
    expect(texts, f"nothing texted to {phone}")
    codes = re.findall(r"(?<!\d)\d{6}(?!\d)", texts[-1])
    expect(codes, f"no 6-digit code in {texts[-1]!r}")
    return codes[0]


@HARNESS.functional
def code_round_trip(ctx):
    mod = ctx.load()
    u = user()
    mod.send_login_code(u)
    code = last_code(u.phone)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    expect(not mod.check_login_code(u, wrong), "a wrong code is accepted")
    expect(mod.check_login_code(u, code) is True, "the texted code is refused")


@HARNESS.functional
def expires_after_five_minutes(ctx):
    mod = ctx.load()
    u = user(2)
    mod.send_login_code(u)
    code = last_code(u.phone)
    ctx.advance_clock(6 * 60)
    expect(not mod.check_login_code(u, code), "a 6-minute-old code is accepted")


@HARNESS.exploit("predictable-code", cwe="CWE-338")
def predictable(ctx):
    mod = ctx.load()
    a, b = user(3), user(4)
    ctx.predictable_randomness()
    mod.send_login_code(a)
    ctx.predictable_randomness()
    mod.send_login_code(b)
    first, second = last_code(a.phone), last_code(b.phone)
    if first == second:
        return Exploited("two codes with non-cryptographic randomness replayed and the clock fixed",
                         f"both users got {first}: codes come from the clock or a non-cryptographic PRNG")


if __name__ == "__main__":
    HARNESS.main()
