import secrets
from time import time


class SessionStore:
    TTL = 3600

    def __init__(self):
        self.sessions = {}

    def create_session(self, user_id):
        sid = secrets.token_hex(24)
        self.sessions[sid] = {"user": user_id, "expires": time() + self.TTL}
        return sid

    def get_user(self, session_id):
        s = self.sessions.get(session_id)
        if s is None or s["expires"] < time():
            self.sessions.pop(session_id, None)
            return None
        return s["user"]

    def destroy_session(self, session_id):
        self.sessions.pop(session_id, None)
