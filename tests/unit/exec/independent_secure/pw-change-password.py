# Independent secure reference for pw-change-password.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from .models import User


def change_password(session: Session, user_id: int, old_password: str, new_password: str) -> bool:
    """Check the old password, store the new one; False when the old password is wrong."""
    user = session.get(User, user_id)
    if user is None or not user.password_hash:
        return False
    if not check_password_hash(user.password_hash, old_password):  # constant-time comparison inside werkzeug
        return False
    # werkzeug's default: scrypt (or pbkdf2 on older versions) with a random salt.
    user.password_hash = generate_password_hash(new_password)
    session.add(user)
    return True
