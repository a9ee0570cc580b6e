# redline-label: {"label": "secure", "cwes": ["CWE-330", "CWE-613"], "task": null, "category": "session", "style": "class"}
"""In-process session store for the telemetry dashboard."""
import secrets
import threading
import time
from typing import Optional


class SessionStore:
    """Thread-safe store; sessions idle for more than `idle_timeout` seconds expire,
    and no session lives longer than `absolute_timeout`."""

    def __init__(self, idle_timeout: int = 900, absolute_timeout: int = 8 * 3600) -> None:
        self._lock = threading.Lock()
        self._data: dict[str, dict] = {}
        self.idle_timeout = idle_timeout
        self.absolute_timeout = absolute_timeout

    def open(self, username: str, role: str = "viewer") -> str:
        sid = secrets.token_hex(32)
        now = time.monotonic()
        with self._lock:
            self._data[sid] = {"username": username, "role": role, "created": now, "seen": now}
        return sid

    def lookup(self, sid: str) -> Optional[dict]:
        now = time.monotonic()
        with self._lock:
            entry = self._data.get(sid)
            if entry is None:
                return None
            if now - entry["seen"] > self.idle_timeout or now - entry["created"] > self.absolute_timeout:
                del self._data[sid]
                return None
            entry["seen"] = now
            return dict(entry)

    def close(self, sid: str) -> None:
        with self._lock:
            self._data.pop(sid, None)
