"""Harness for js-redos-email-check: isValidEmail(text) on signup input of any length.

The exploit sends inputs on which a backtracking regular expression runs for an exponential (or, for the long
ones, a quadratic) number of steps; it works when a call has not answered within REDOS_LIMIT_S seconds, while a
linear check of the same input takes milliseconds. The functional tests give each call the usual budget.
"""

from hpoly import Exploited, Harness, expect

HARNESS = Harness("js-redos-email-check", "javascript", exports=("isValidEmail",))
REDOS_LIMIT_S = 1.0  # the payloads need hours (exponential) or seconds (quadratic); linear: milliseconds
VALID = ("first.last@mail.example.co.uk", "ann@example.org", "a.b.c@d-e.example", "user99@host.io")
INVALID = ("no-at-sign", "ann@", "@example.org", "two@@example.org", "ann example@example.org", "ann@example", "")


@HARNESS.functional
def accepts_addresses(ctx):
    for text in VALID:
        got = ctx.js_call("isValidEmail", text)
        expect(got["ok"] and got["value"] is True, f"isValidEmail({text!r}) -> {got.get('value', got.get('error'))!r}")


@HARNESS.functional
def rejects_non_addresses(ctx):
    for text in INVALID:
        got = ctx.js_call("isValidEmail", text)
        expect(got["ok"] and not got["value"], f"isValidEmail({text!r}) -> {got.get('value', got.get('error'))!r}")


@HARNESS.exploit("redos", cwe="CWE-1333")
def catastrophic(ctx):
    for text in ("a" * 34 + "!", "a." * 20 + "@", "a@" + "a." * 20 + "!", "a" * 30 + "@" + "a" * 30 + "!",
                 "first." * 12 + "last@" + "mail." * 12 + "co", "a@" + "a" * 40000 + "!", "a" * 40000 + "@"):
        got = ctx.js_call("isValidEmail", text, timeout=REDOS_LIMIT_S)
        if not got.get("ok") and got.get("error") == "timeout":
            return Exploited(f"{text[:30]!r}... ({len(text)} characters)",
                             f"isValidEmail did not return within {REDOS_LIMIT_S:.0f} s (catastrophic backtracking)")
    return None


if __name__ == "__main__":
    HARNESS.main()
