"""SQLite connections whose SQL clock follows the harness's moved clock (sandbox only). ``datetime('now')`` and
its siblings are overridden on the connection to read ``time.time()`` (which ``advance_clock`` moves), and
CURRENT_TIMESTAMP/CURRENT_DATE/CURRENT_TIME outside DDL are rewritten to them, so expiry done in SQL is tested
like expiry done in Python."""

from __future__ import annotations

import re
import sqlite3
import time
from typing import Any

_REAL = sqlite3.connect(":memory:", check_same_thread=False)
_KEYWORDS = re.compile(r"\bCURRENT_(TIMESTAMP|DATE|TIME)\b", re.IGNORECASE)
_FUNCS = {"TIMESTAMP": "(datetime('now'))", "DATE": "(date('now'))", "TIME": "(time('now'))"}


def _now_text() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time()))


def _clocked(name: str) -> Any:
    def call(*args: Any) -> Any:
        args = tuple(_now_text() if isinstance(a, str) and a.lower() == "now" else a for a in args)
        if not args:
            args = (_now_text(),)
        marks = ",".join("?" * len(args))
        return _REAL.execute(f"SELECT {name}({marks})", args).fetchone()[0]
    return call


def _rewrite(sql: str) -> str:
    if sql.lstrip()[:6].upper() in ("CREATE", "ALTER "):
        return sql
    return _KEYWORDS.sub(lambda m: _FUNCS[m.group(1).upper()], sql)


class ClockedCursor(sqlite3.Cursor):
    def execute(self, sql: str, *args: Any) -> Any:  # type: ignore[override]
        return super().execute(_rewrite(sql), *args)

    def executemany(self, sql: str, *args: Any) -> Any:  # type: ignore[override]
        return super().executemany(_rewrite(sql), *args)


class ClockedConnection(sqlite3.Connection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("datetime", "date", "time", "julianday", "strftime", "unixepoch"):
            self.create_function(name, -1, _clocked(name))

    def cursor(self, factory: Any = ClockedCursor) -> Any:  # type: ignore[override]
        return super().cursor(factory)

    def execute(self, sql: str, *args: Any) -> Any:  # type: ignore[override]
        return self.cursor().execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:  # type: ignore[override]
        return self.cursor().executemany(sql, *args)


def connect(path: str) -> sqlite3.Connection:
    return sqlite3.connect(path, factory=ClockedConnection)
