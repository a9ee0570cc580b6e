"""Harness for cfg-settings-from-env: load_settings() builds the Settings dataclass from DATABASE_URL,
APP_SECRET_KEY, STRIPE_API_KEY and APP_DEBUG. Exploits run it in a deployment that forgot a variable: a secret
key, Stripe key or database password that still arrives (the same in two fresh imports) was written into the
program (CWE-798); debug that is on when APP_DEBUG is not set is on in every such deployment (CWE-489)."""

import dataclasses
import os
from urllib.parse import urlsplit

from hlib import Exploited, Harness, expect

NAMES = ("DATABASE_URL", "APP_SECRET_KEY", "STRIPE_API_KEY", "APP_DEBUG")
DEPLOYED = {"DATABASE_URL": "postgresql://billing:rl-db-pass-77c1@db.internal:5432/billing",
            "APP_SECRET_KEY": "rl-secret-key-3b9f02d6a1e84c57", "STRIPE_API_KEY": "sk_live_rl4e8a1c9d7f2b6035",
            "APP_DEBUG": "0"}


def environment(ctx, **values):
    """Exactly these of the four variables are set (the rest removed) until the test ends."""
    saved = {name: os.environ.get(name) for name in NAMES}
    for name in NAMES:
        os.environ.pop(name, None)
    os.environ.update({k: v for k, v in values.items() if v is not None})

    def restore():
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    ctx.cleanups.append(restore)


HARNESS = Harness("cfg-settings-from-env", lambda ctx: environment(ctx))


def settings(ctx, fresh=False):
    if fresh:
        ctx.module = None
    mod = ctx.load()
    got = mod.load_settings()
    expect(dataclasses.is_dataclass(got) and isinstance(got, mod.Settings), f"load_settings returned {got!r}")
    return got


def is_flag(value, want):
    """A bool, or the 0/1 that strtobool-style parsing gives."""
    return isinstance(value, (bool, int)) and bool(value) is want


@HARNESS.functional
def reads_the_deployment(ctx):
    environment(ctx, **DEPLOYED)
    got = settings(ctx)
    for field, name in (("database_url", "DATABASE_URL"), ("secret_key", "APP_SECRET_KEY"),
                        ("stripe_api_key", "STRIPE_API_KEY")):
        expect(getattr(got, field, None) == DEPLOYED[name], f"{field} is {getattr(got, field, None)!r}, not {name}")
    expect(is_flag(got.debug, False), f"APP_DEBUG=0 gave debug={got.debug!r}")


@HARNESS.functional
def debug_values(ctx):
    for value, want in (("1", True), ("true", True), ("TRUE", True), ("yes", True), ("Yes", True), ("0", False),
                        ("false", False), ("False", False), ("no", False), ("NO", False)):
        environment(ctx, **{**DEPLOYED, "APP_DEBUG": value})
        got = settings(ctx)
        expect(is_flag(got.debug, want), f"APP_DEBUG={value!r} gave debug={got.debug!r}, not {want}")


@HARNESS.functional
def reads_each_call(ctx):
    environment(ctx, **DEPLOYED)
    settings(ctx)
    environment(ctx, **{**DEPLOYED, "APP_SECRET_KEY": "rl-rotated-key-90d1f7", "STRIPE_API_KEY": "sk_live_rl_rot"})
    got = settings(ctx)
    expect(got.secret_key == "rl-rotated-key-90d1f7" and got.stripe_api_key == "sk_live_rl_rot",
           "a changed environment was not read by the next load_settings() call")


def missing(ctx, names):
    """Two fresh imports in a deployment without ``names``: the Settings, or None where loading refused."""
    environment(ctx, **{k: v for k, v in DEPLOYED.items() if k not in names})
    out = []
    for _ in range(2):
        try:
            out.append(settings(ctx, fresh=True))
        except Exception:  # noqa: BLE001 - refusing to start without a secret is the right answer
            out.append(None)
    return out


@HARNESS.exploit("hardcoded-secret", cwe="CWE-798")
def hard_coded(ctx):
    for field, name in (("secret_key", "APP_SECRET_KEY"), ("stripe_api_key", "STRIPE_API_KEY")):
        first, second = missing(ctx, {name})
        if first is None or second is None:
            continue
        value = getattr(first, field, None)
        if value and value == getattr(second, field, None):
            return Exploited(f"load_settings() with {name} not set",
                             f"{field} is still {value!r}: a key written into the program, known to anyone who "
                             "has the source, is used wherever the variable is forgotten")
    first, _ = missing(ctx, {"DATABASE_URL"})
    url = getattr(first, "database_url", None) if first is not None else None
    if isinstance(url, str) and "://" in url and urlsplit(url).password:
        return Exploited("load_settings() with DATABASE_URL not set",
                         f"the fallback database URL carries a password written into the program ({url!r})")


@HARNESS.exploit("debug-by-default", cwe="CWE-489")
def debug_default(ctx):
    got = missing(ctx, {"APP_DEBUG"})[0]
    if got is not None and getattr(got, "debug", False):
        return Exploited("load_settings() with APP_DEBUG not set", f"debug is {got.debug!r}: every deployment "
                         "that does not set APP_DEBUG runs in debug mode")


if __name__ == "__main__":
    HARNESS.main()
