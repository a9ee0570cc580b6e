# redline-label: {"label": "vulnerable", "cwes": ["CWE-330", "CWE-613"], "task": null, "category": "session", "style": "class"}
"""In-process session store for the telemetry dashboard."""
import random
import threading
import time


class SessionStore:
    def __init__(self):
        self._lock = threading.Lock()
        self._data = {}

    def _new_id(self):
        return "%016x" % random.getrandbits(64)

    def open(self, username, role="viewer"):
        sid = self._new_id()
        with self._lock:
            self._data[sid] = {"username": username, "role": role, "created": time.time()}
        return sid

    def lookup(self, sid):
        with self._lock:
            return self._data.get(sid)

    def close(self, sid):
        with self._lock:
            self._data.pop(sid, None)

    def active_users(self):
        with self._lock:
            return sorted({s["username"] for s in self._data.values()})


store = SessionStore()
