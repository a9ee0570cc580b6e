"""File-system observation of the harness library (sandbox only): the paths a candidate opens for writing, seen
through an audit hook (installed once per process, switched on per test)."""

from __future__ import annotations

import os
import sys
from typing import Any

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT
_state: dict[str, Any] = {"on": False, "paths": [], "hooked": False}


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not _state["on"] or event != "open" or not args:
        return
    path, mode, flags = (list(args) + [None, None, 0])[:3]
    if not isinstance(path, str | bytes) or isinstance(path, int):
        return
    writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
        mode is None and isinstance(flags, int) and flags & _WRITE_FLAGS)
    if writes:
        _state["paths"].append(os.path.abspath(os.fsdecode(path)))


def watch_writes(ctx: Any) -> list[str]:
    """Start recording the paths opened for writing in this process; returns the live list."""
    if not _state["hooked"]:
        sys.addaudithook(_hook)
        _state["hooked"] = True
    _state["paths"] = []
    _state["on"] = True
    ctx.cleanups.append(lambda: _state.update(on=False))
    return _state["paths"]
