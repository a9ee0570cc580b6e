# Independent secure reference for sess-session-store.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import secrets
import threading
import time
from typing import Optional


class SessionStore:
    """In-memory sessions for the API server: session id -> user id.

    Session ids are 256-bit values from the OS CSPRNG; sessions expire after `idle_timeout` seconds without use
    and after `absolute_timeout` seconds in any case.
    """

    def __init__(self, idle_timeout: float = 30 * 60, absolute_timeout: float = 12 * 3600) -> None:
        self.idle_timeout = idle_timeout
        self.absolute_timeout = absolute_timeout
        self._sessions: dict[str, tuple[int, float, float]] = {}  # id -> (user id, created, last seen)
        self._lock = threading.Lock()

    def create_session(self, user_id: int) -> str:
        """Create a session for `user_id` and return its id (sent to the client in a cookie)."""
        session_id = secrets.token_urlsafe(32)
        now = time.time()
        with self._lock:
            self._purge(now)
            self._sessions[session_id] = (user_id, now, now)
        return session_id

    def get_user(self, session_id: str) -> Optional[int]:
        """The user id of a live session, or None for an unknown, expired or destroyed one."""
        if not isinstance(session_id, str):
            return None
        now = time.time()
        with self._lock:
            entry = self._sessions.get(session_id)
            if entry is None:
                return None
            user_id, created, last_seen = entry
            if now - last_seen > self.idle_timeout or now - created > self.absolute_timeout:
                del self._sessions[session_id]
                return None
            self._sessions[session_id] = (user_id, created, now)
            return user_id

    def destroy_session(self, session_id: str) -> None:
        """Log out: the id stops working at once."""
        with self._lock:
            self._sessions.pop(session_id, None)

    def _purge(self, now: float) -> None:
        expired = [
            sid
            for sid, (_uid, created, last_seen) in self._sessions.items()
            if now - last_seen > self.idle_timeout or now - created > self.absolute_timeout
        ]
        for sid in expired:
            del self._sessions[sid]
