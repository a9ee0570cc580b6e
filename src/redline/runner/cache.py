"""Generation cache: successful generations reused across runs (SQLite under ``REDLINE_HOME``).

The key covers backend identity, model, messages or prompt, sampling parameters, seed and replicate.
Only successful generations are cached; errors are always retried.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

from redline.backends.base import BackendResult, GenerationRequest
from redline.records import Usage
from redline.text import redact


def cache_key(identity: dict[str, Any], request: GenerationRequest, replicate: int) -> str:
    blob = json.dumps({"backend": identity, "request": request.cache_fields(), "replicate": replicate},
                      sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode()).hexdigest()


class GenerationCache:
    """A cache is never worth a failed run: a corrupt database file is moved aside (``*.corrupt``) and started
    afresh, an unreadable entry is a miss and a failed write is skipped."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = self._open(path)
        except sqlite3.DatabaseError:
            path.replace(path.with_name(path.name + ".corrupt"))
            for extra in ("-wal", "-shm"):
                path.with_name(path.name + extra).unlink(missing_ok=True)
            self._db = self._open(path)

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(str(path), timeout=30)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS generations (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("SELECT count(*) FROM generations WHERE key = ''").fetchone()
            db.commit()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get(self, key: str) -> BackendResult | None:
        try:
            row = self._db.execute("SELECT value FROM generations WHERE key = ?", (key,)).fetchone()
            if row is None:
                return None
            data = json.loads(row[0])
            return BackendResult(text=str(data["text"]), reasoning=str(data.get("reasoning", "")),
                                 finish_reason=str(data.get("finish_reason", "")),
                                 usage=Usage(**data.get("usage", {})), truncated=bool(data.get("truncated", False)))
        except (sqlite3.Error, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, result: BackendResult) -> None:
        value = json.dumps({"text": result.text, "reasoning": result.reasoning,
                            "finish_reason": result.finish_reason, "usage": result.usage.model_dump(),
                            "truncated": result.truncated})
        try:
            self._db.execute("INSERT OR REPLACE INTO generations (key, value) VALUES (?, ?)", (key, redact(value)))
            self._db.commit()
        except sqlite3.Error:
            pass  # a full disk or a locked file costs the cache entry, not the trial

    def close(self) -> None:
        self._db.close()
