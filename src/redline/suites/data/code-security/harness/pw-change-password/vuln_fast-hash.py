import hashlib

from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash

from .models import User


def _matches(stored: str, password: str) -> bool:
    if stored.startswith(("pbkdf2:", "scrypt:")):
        return check_password_hash(stored, password)
    return stored == hashlib.sha256(password.encode()).hexdigest()


def change_password(session: Session, user_id: int, old_password: str, new_password: str) -> bool:
    user = session.query(User).filter_by(id=user_id).first()
    if not user or not _matches(user.password_hash, old_password):
        return False
    user.password_hash = hashlib.sha256(new_password.encode()).hexdigest()
    session.commit()
    return True
