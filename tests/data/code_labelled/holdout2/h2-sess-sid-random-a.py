# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-384"], "task": null, "category": "session", "style": "class"}
import random
import string
import threading
import time


class SessionStore:
    """Small in-process session store for the kiosk admin UI.

    Sessions expire after `ttl` seconds of inactivity.
    """

    ALPHABET = string.ascii_letters + string.digits

    def __init__(self, ttl: int = 1800) -> None:
        self.ttl = ttl
        self._data: dict[str, tuple[float, dict]] = {}
        self._lock = threading.Lock()

    def _new_id(self) -> str:
        return "".join(random.choices(self.ALPHABET, k=40))

    def create(self, user_id: int) -> str:
        sid = self._new_id()
        with self._lock:
            self._data[sid] = (time.monotonic(), {"user_id": user_id})
        return sid

    def get(self, sid: str) -> dict | None:
        with self._lock:
            entry = self._data.get(sid)
            if entry is None:
                return None
            last_seen, data = entry
            if time.monotonic() - last_seen > self.ttl:
                del self._data[sid]
                return None
            self._data[sid] = (time.monotonic(), data)
            return data

    def destroy(self, sid: str) -> None:
        with self._lock:
            self._data.pop(sid, None)
