"""One bounded reader for every input file: the size cap is applied while reading (``stat`` is not trusted, so
``/dev/zero`` fails fast), only regular files are read (a FIFO never hangs), and nesting depth is checked before
a recursive parser sees the text."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from redline.errors import InputError

DEFAULT_CAP = 64 * 1024 * 1024
MAX_DEPTH = 100  # brackets / YAML indentation levels: far beyond any real suite or record


def read_bounded(path: str | Path, *, cap: int = DEFAULT_CAP, error: type[InputError] = InputError) -> bytes:
    """The file's bytes, or a one-line ``error`` naming the file: missing, not a regular file, or over ``cap``."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise error(f"{p}: cannot read: {exc.strerror or exc}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise error(f"{p}: not a regular file")
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise error(f"{p}:1: larger than {cap} bytes (inputs are limited to {cap} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise error(f"{p}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_text_bounded(path: str | Path, *, cap: int = DEFAULT_CAP, error: type[InputError] = InputError) -> str:
    """``read_bounded`` decoded as UTF-8 (a BOM is dropped); a bad byte is an error naming its line."""
    raw = read_bounded(path, cap=cap, error=error)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(f"{path}:{line}: not valid UTF-8") from None


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """A cheap upper bound on bracket nesting (``[``/``{`` outside nothing; strings are not skipped, so this
    over-counts, never under-counts); stops counting past ``limit``."""
    if text.count("[") + text.count("{") <= limit:
        return 0
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest
