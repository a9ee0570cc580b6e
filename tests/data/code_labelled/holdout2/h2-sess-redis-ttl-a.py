# redline-label: {"label": "secure", "cwes": ["CWE-613", "CWE-330"], "task": null, "category": "session", "style": "class"}
import json
import secrets
from typing import Any

import redis


class RedisSessions:
    """Server-side sessions for the API gateway.

    Ids are 256-bit values from `secrets`; every session has an idle timeout (sliding TTL) and an absolute
    lifetime, so a stolen id stops working even if it is used constantly.
    """

    def __init__(self, client: redis.Redis, idle_seconds: int = 1800, absolute_seconds: int = 12 * 3600) -> None:
        self.r = client
        self.idle = idle_seconds
        self.absolute = absolute_seconds

    def create(self, user_id: int, **claims: Any) -> str:
        sid = secrets.token_urlsafe(32)
        now = int(self.r.time()[0])
        payload = {"user_id": user_id, "created": now, **claims}
        self.r.set(self._key(sid), json.dumps(payload), ex=self.idle)
        return sid

    def load(self, sid: str) -> dict[str, Any] | None:
        raw = self.r.get(self._key(sid))
        if raw is None:
            return None
        data = json.loads(raw)
        if int(self.r.time()[0]) - data["created"] > self.absolute:
            self.r.delete(self._key(sid))
            return None
        self.r.expire(self._key(sid), self.idle)
        return data

    def revoke(self, sid: str) -> None:
        self.r.delete(self._key(sid))

    @staticmethod
    def _key(sid: str) -> str:
        return f"sess:{sid}"
