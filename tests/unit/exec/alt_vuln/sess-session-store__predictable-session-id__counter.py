import itertools
import time


class SessionStore:
    _ids = itertools.count(1000)

    def __init__(self):
        self._s = {}

    def create_session(self, user_id):
        sid = str(next(self._ids))
        self._s[sid] = (user_id, time.time() + 3600)
        return sid

    def get_user(self, session_id):
        v = self._s.get(session_id)
        return v[0] if v and v[1] > time.time() else None

    def destroy_session(self, session_id):
        self._s.pop(session_id, None)
