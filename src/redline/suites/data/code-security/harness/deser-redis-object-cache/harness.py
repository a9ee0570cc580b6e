"""Harness for deser-redis-object-cache: cache_set(key, value, ttl) / cache_get(key) on the module-level client r,
backed by an in-memory stand-in for redis-py. The exploit is an attacker who can write to the cache server: it
swaps the pickle inside what the candidate stored (or plants bare pickles/YAML) and reads the key back."""

import datetime as dt
import os

import hredis
from hdeser import payloads
from hlib import Exploited, Harness, dedent, expect

MODELS = dedent('''
    from dataclasses import dataclass, field


    @dataclass
    class Basket:
        owner: str
        items: list = field(default_factory=list)
        total: float = 0.0
''')


def setup(ctx):
    ctx.fake = hredis.install(ctx)
    ctx.write("rl_models.py", MODELS)


HARNESS = Harness("deser-redis-object-cache", setup)


def models(ctx):
    import importlib
    import sys

    sys.modules.pop("rl_models", None)
    ctx.load()
    return importlib.import_module("rl_models")


@HARNESS.functional
def round_trips_objects(ctx):
    mod, m = ctx.load(), models(ctx)
    values = {"profile:1": {"name": "Ana", "tags": ["a", "b"], "n": 3, "nested": {"x": None}},
              "list:2": [1, "two", 3.5, [4]],
              "when:3": dt.datetime(2024, 5, 17, 13, 45, 12),
              "basket:4": m.Basket(owner="ana", items=["tea", "cups"], total=12.5)}
    for key, value in values.items():
        mod.cache_set(key, value, 300)
    for key, value in values.items():
        got = mod.cache_get(key)
        expect(got == value and type(got) is type(value), f"cache_get({key!r}) returned {got!r}, stored {value!r}")
    expect(ctx.fake.data, "nothing was stored through the redis client r")


@HARNESS.functional
def missing_and_expired_are_none(ctx):
    mod = ctx.load()
    expect(mod.cache_get("never-set") is None, "a missing key did not give None")
    mod.cache_set("short", {"v": 1}, ttl=60)
    expect(mod.cache_get("short") == {"v": 1}, "value not returned before its ttl")
    ctx.fake.advance(61)
    ctx.advance_clock(61)
    expect(mod.cache_get("short") is None, "value still returned after its ttl")


@HARNESS.exploit("unsafe-deserialization", cwe="CWE-502")
def poisoned_cache(ctx):
    mod = ctx.load()
    canary = ctx.canary()
    before = set(ctx.fake.data)
    mod.cache_set("rl:key", {"user": "ana"}, 300)
    stored = [k for k in ctx.fake.data if k not in before]
    raw_key = stored[0] if stored else b"rl:key"
    own = ctx.fake.data[raw_key][0] if raw_key in ctx.fake.data else None
    for payload in payloads(canary, own):
        ctx.fake.data[raw_key] = (payload, None)
        try:
            mod.cache_get("rl:key")
        except BaseException as exc:  # noqa: BLE001
            if type(exc).__name__ == "_TestTimeout":
                raise
        if os.path.exists(canary):
            return Exploited(repr(payload[:120]), "a value written to the cache server ran code in the app: the "
                             "canary file was created while cache_get deserialized it")


if __name__ == "__main__":
    HARNESS.main()
