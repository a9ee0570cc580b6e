import secrets
import threading
import time
from typing import Optional

LIFETIME_S = 8 * 3600


class SessionStore:
    def __init__(self) -> None:
        self._sessions: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def create_session(self, user_id: int) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[sid] = (user_id, time.monotonic() + LIFETIME_S)
        return sid

    def get_user(self, session_id: str) -> Optional[int]:
        with self._lock:
            entry = self._sessions.get(session_id)
            if entry is None:
                return None
            if entry[1] < time.monotonic():
                del self._sessions[session_id]
                return None
            return entry[0]

    def destroy_session(self, session_id: str) -> None:
        with self._lock:
            self._sessions.pop(session_id, None)
