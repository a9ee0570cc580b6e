# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
import logging

from argon2 import PasswordHasher

audit = logging.getLogger("audit")
_ph = PasswordHasher()


def change_password(repo, user_id: int, old_password: str, new_password: str, actor_ip: str) -> bool:
    """Change a user's password after checking the old one; writes an audit record."""
    user = repo.get(user_id)
    try:
        _ph.verify(user.password_hash, old_password)
    except Exception:
        audit.warning("password change rejected for user_id=%s (wrong current password) ip=%s", user_id, actor_ip)
        return False
    if len(new_password) < 12:
        audit.info("password change rejected for user_id=%s: new password too short", user_id)
        return False
    repo.update(user_id, password_hash=_ph.hash(new_password))
    audit.info("password changed for user_id=%s ip=%s", user_id, actor_ip)
    return True
