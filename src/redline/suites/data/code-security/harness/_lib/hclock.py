"""Clock helper of the harness library: move time forward for the candidate AND for the libraries that check
expiry on its behalf (PyJWT reads ``datetime.now`` through its own import, which ``Ctx.advance_clock`` leaves
alone), so a secure answer that delegates expiry to a library is seen to expire."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

LIBRARY_CLOCKS = ("jwt.api_jwt",)  # modules that did ``from datetime import datetime``


class _AnyDatetime(type):
    def __instancecheck__(cls, obj: object) -> bool:  # real datetimes still pass the library's isinstance checks
        return isinstance(obj, dt.datetime.__mro__[0])


def _later(seconds: float) -> type:
    base = dt.datetime

    class Later(base, metaclass=_AnyDatetime):  # type: ignore[misc]
        @classmethod
        def now(cls, tz: Any = None) -> Any:
            return base.now(tz) + dt.timedelta(seconds=seconds)

        @classmethod
        def utcnow(cls) -> Any:
            return base.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(seconds=seconds)

    return Later


def advance_everywhere(ctx: Any, seconds: float) -> None:
    """``ctx.advance_clock(seconds)`` plus the clocks of the expiry-checking libraries that are importable."""
    ctx.advance_clock(seconds)
    later = _later(seconds)
    saved: list[tuple[Any, Any]] = []
    for name in LIBRARY_CLOCKS:
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        if getattr(mod, "datetime", None) is dt.datetime:
            saved.append((mod, mod.datetime))
            mod.datetime = later

    def restore() -> None:
        for mod, value in saved:
            mod.datetime = value

    ctx.cleanups.append(restore)
