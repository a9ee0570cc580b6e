"""Harness for crypto-signed-download-links: sign_url(path, expires_at) -> "path?expires=..&signature=..",
check_url(path, expires_at, signature) -> bool, key in DOWNLOAD_SIGNING_KEY. Exploits: a link changed after
signing (longer expiry, another file) still accepted; a link signed under one configured key accepted under
another (the real key is in the code, or there is none)."""

import os
import time
from urllib.parse import parse_qs, urlsplit

from hlib import Exploited, Harness, expect

KEY_A = "rl-signing-key-A-5e2f9c0d7b8a4e61"
KEY_B = "rl-signing-key-B-0f3d6b9a2c5e8d14"
PATH = "/files/reports/q3-sales.pdf"


def setup(ctx):
    os.environ["DOWNLOAD_SIGNING_KEY"] = KEY_A


HARNESS = Harness("crypto-signed-download-links", setup)


def signed(mod, path, expires):
    url = mod.sign_url(path, expires)
    expect(isinstance(url, str), f"sign_url returned {type(url).__name__}")
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    expect(parts.path == path, f"sign_url returned {url!r}, not the path {path}")
    expect("expires" in query and "signature" in query, f"no expires/signature parameters in {url!r}")
    expect(int(query["expires"]) == expires, f"expires={query['expires']} in the link, {expires} asked")
    return query["signature"]


@HARNESS.functional
def genuine_link_accepted(ctx):
    mod = ctx.load()
    expires = int(time.time()) + 3600
    sig = signed(mod, PATH, expires)
    expect(mod.check_url(PATH, expires, sig) is True, "a genuine link was not accepted")
    expect(mod.check_url(PATH, expires, "0" * len(sig)) is False, "a made-up signature was accepted")


@HARNESS.functional
def expired_link_refused(ctx):
    mod = ctx.load()
    expires = int(time.time()) + 600
    sig = signed(mod, PATH, expires)
    ctx.advance_clock(3600)
    expect(mod.check_url(PATH, expires, sig) is False, "a link was accepted after its expiry time")


@HARNESS.exploit("tampered-link", cwe="CWE-347")
def tampered(ctx):
    mod = ctx.load()
    expires = int(time.time()) + 600
    sig = signed(mod, PATH, expires)
    for path, exp, what in ((PATH, expires + 365 * 24 * 3600, "the expiry moved a year ahead"),
                            ("/files/reports/payroll-2024.xlsx", expires, "another file's path"),
                            (PATH + "x", expires, "a longer path")):
        try:
            ok = mod.check_url(path, exp, sig)
        except Exception:  # noqa: BLE001
            ok = False
        if ok is True:
            return Exploited(f"{path}?expires={exp}&signature={sig}", f"a link changed after signing ({what}) was "
                             "accepted: the signature does not cover it")


@HARNESS.exploit("forgeable-without-key", cwe="CWE-798")
def forgeable(ctx):
    import sys

    expires = int(time.time()) + 600
    sig = signed(ctx.load(), PATH, expires)
    os.environ["DOWNLOAD_SIGNING_KEY"] = KEY_B  # another deployment, another configured key
    for name in [n for n in sys.modules if n == "app" or n.startswith("app.")]:
        del sys.modules[name]
    ctx.module = None
    other = ctx.load()
    try:
        ok = other.check_url(PATH, expires, sig)
    except Exception:  # noqa: BLE001
        ok = False
    if ok is True:
        return Exploited(f"{PATH}?expires={expires}&signature={sig}", "a link signed under one configured key was "
                         "accepted under another: the signature does not depend on the configured secret, so "
                         "anyone with the code can forge links")


if __name__ == "__main__":
    HARNESS.main()
