from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from .models import User


def change_password(session: Session, user_id: int, old_password: str, new_password: str) -> bool:
    user = session.get(User, user_id)
    if user is None or not check_password_hash(user.password_hash, old_password):
        return False
    user.password_hash = generate_password_hash(new_password, method="scrypt")
    session.commit()
    return True
