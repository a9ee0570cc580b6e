# redline-label: {"label": "secure", "cwes": ["CWE-330", "CWE-338"], "task": null, "category": "session", "style": "class"}
import secrets
import time
from dataclasses import dataclass, field


@dataclass
class Session:
    user_id: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    created_at: float = field(default_factory=time.time)
    ttl: int = 3600

    @property
    def expired(self) -> bool:
        return time.time() > self.created_at + self.ttl


class SessionManager:
    """Issues and validates opaque session tokens."""

    def __init__(self, ttl: int = 3600):
        self.ttl = ttl
        self._sessions: dict[str, Session] = {}

    def create(self, user_id: int) -> Session:
        s = Session(user_id=user_id, ttl=self.ttl)
        self._sessions[s.token] = s
        return s

    def get(self, token: str) -> Session | None:
        s = self._sessions.get(token)
        if s is None:
            return None
        if s.expired:
            del self._sessions[token]
            return None
        return s

    def revoke(self, token: str) -> None:
        self._sessions.pop(token, None)


if __name__ == "__main__":
    mgr = SessionManager(ttl=900)
    sess = mgr.create(7)
    print(sess.token, mgr.get(sess.token) is not None)
