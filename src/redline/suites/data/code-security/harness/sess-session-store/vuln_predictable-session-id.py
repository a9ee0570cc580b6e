import hashlib
import random
import time
from datetime import datetime, timedelta
from typing import Optional


class SessionStore:
    def __init__(self):
        self.sessions = {}

    def create_session(self, user_id: int) -> str:
        raw = f"{user_id}:{time.time()}:{random.random()}"
        sid = hashlib.sha256(raw.encode()).hexdigest()
        self.sessions[sid] = (user_id, datetime.now() + timedelta(hours=12))
        return sid

    def get_user(self, session_id: str) -> Optional[int]:
        item = self.sessions.get(session_id)
        if not item or item[1] < datetime.now():
            return None
        return item[0]

    def destroy_session(self, session_id: str) -> None:
        self.sessions.pop(session_id, None)
