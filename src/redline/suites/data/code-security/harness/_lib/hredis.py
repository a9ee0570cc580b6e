"""An in-memory stand-in for redis-py's client (sandbox only): the commands a cache uses, bytes in and out like
the real client, expiry on a clock the harness moves (``advance``)."""

from __future__ import annotations

import datetime as dt
from typing import Any


class RedisError(Exception):
    pass


class DataError(RedisError):
    pass


class ConnectionError(RedisError):  # noqa: A001 - redis-py's name
    pass


def _encode(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    if isinstance(value, str):
        return value.encode()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value).encode()
    raise DataError(f"Invalid input of type: {type(value).__name__!r}. Convert to a bytes, string, int or float first.")


def _seconds(value: Any) -> float:
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class FakeRedis:
    """One shared store per test (``FakeRedis.data``), whatever host or URL the candidate connects to."""

    data: dict[bytes, tuple[bytes, float | None]] = {}
    now = 0.0

    def __init__(self, *args: Any, decode_responses: bool = False, **kwargs: Any) -> None:
        self.decode = decode_responses

    @classmethod
    def reset(cls) -> None:
        cls.data, cls.now = {}, 0.0

    @classmethod
    def advance(cls, seconds: float) -> None:
        cls.now += seconds

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> FakeRedis:
        return cls(**kwargs)

    def _live(self, name: Any) -> bytes | None:
        key = _encode(name)
        item = self.data.get(key)
        if item is None or (item[1] is not None and item[1] <= self.now):
            self.data.pop(key, None)
            return None
        return item[0]

    def _out(self, value: bytes | None) -> Any:
        return value.decode() if value is not None and self.decode else value

    def set(self, name: Any, value: Any, ex: Any = None, px: Any = None, nx: bool = False, xx: bool = False,
            keepttl: bool = False, get: bool = False, exat: Any = None, pxat: Any = None) -> Any:
        old = self._live(name)
        if (nx and old is not None) or (xx and old is None):
            return None
        expiry = None
        if ex is not None:
            expiry = self.now + _seconds(ex)
        elif px is not None:
            expiry = self.now + _seconds(px) / 1000
        elif keepttl and old is not None:
            expiry = self.data[_encode(name)][1]
        self.data[_encode(name)] = (_encode(value), expiry)
        return self._out(old) if get else True

    def setex(self, name: Any, time: Any, value: Any) -> bool:
        return bool(self.set(name, value, ex=time))

    def psetex(self, name: Any, time_ms: Any, value: Any) -> bool:
        return bool(self.set(name, value, px=time_ms))

    def get(self, name: Any) -> Any:
        return self._out(self._live(name))

    def getex(self, name: Any, **kwargs: Any) -> Any:
        return self.get(name)

    def delete(self, *names: Any) -> int:
        return sum(self.data.pop(_encode(n), None) is not None for n in names)

    def exists(self, *names: Any) -> int:
        return sum(self._live(n) is not None for n in names)

    def expire(self, name: Any, time: Any) -> bool:
        value = self._live(name)
        if value is None:
            return False
        self.data[_encode(name)] = (value, self.now + _seconds(time))
        return True

    def ttl(self, name: Any) -> int:
        if self._live(name) is None:
            return -2
        expiry = self.data[_encode(name)][1]
        return -1 if expiry is None else int(expiry - self.now)

    def ping(self) -> bool:
        return True

    def pipeline(self, *args: Any, **kwargs: Any) -> _Pipeline:
        return _Pipeline(self)


class _Pipeline:
    def __init__(self, client: FakeRedis) -> None:
        self.client, self.results = client, []  # type: ignore[var-annotated]

    def __getattr__(self, name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> _Pipeline:
            self.results.append(getattr(self.client, name)(*args, **kwargs))
            return self
        return call

    def execute(self) -> list[Any]:
        out, self.results = self.results, []
        return out

    def __enter__(self) -> _Pipeline:
        return self

    def __exit__(self, *exc: Any) -> None:
        pass


MODULE = """from hredis import ConnectionError, DataError, FakeRedis as Redis, FakeRedis as StrictRedis, RedisError
from_url = Redis.from_url
exceptions = __import__("hredis")
"""


def install(ctx: Any) -> type[FakeRedis]:
    """Make ``import redis`` give the fake (before ``ctx.load``); returns the class for reading the store."""
    import sys

    FakeRedis.reset()
    ctx.write("redis.py", MODULE)
    sys.modules.pop("redis", None)
    return FakeRedis
