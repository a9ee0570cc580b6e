import uuid
from typing import Optional


class SessionStore:
    """In-memory sessions for the API server: session id -> user id."""

    def __init__(self) -> None:
        self._by_id: dict[str, int] = {}

    def create_session(self, user_id: int) -> str:
        session_id = uuid.uuid4().hex
        self._by_id[session_id] = user_id
        return session_id

    def get_user(self, session_id: str) -> Optional[int]:
        return self._by_id.get(session_id)

    def destroy_session(self, session_id: str) -> None:
        self._by_id.pop(session_id, None)
