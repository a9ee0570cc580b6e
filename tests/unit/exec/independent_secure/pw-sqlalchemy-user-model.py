# Independent secure reference for pw-sqlalchemy-user-model, written from the task prompt only (without seeing the harness tests).
"""User model whose password_hash column holds a salted, memory-hard scrypt hash (never the password)."""
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash, generate_password_hash

db = SQLAlchemy()
# werkzeug's scrypt: N=2**15, r=8, p=1, a random 16-character salt per hash; the string records all of them.
HASH_METHOD = "scrypt:32768:8:1"
SALT_LENGTH = 16


class User(db.Model):
    """A member account; set_password() and check_password() handle the password_hash column."""

    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(255))

    def set_password(self, password: str) -> None:
        """Keep a salted scrypt hash of `password` in password_hash."""
        if not isinstance(password, str) or not password:
            raise ValueError("the password must be a non-empty string")
        self.password_hash = generate_password_hash(password, method=HASH_METHOD, salt_length=SALT_LENGTH)

    def check_password(self, password: str) -> bool:
        """True when `password` is this user's password (the comparison runs in constant time)."""
        if not isinstance(password, str) or not self.password_hash:
            return False
        try:
            return check_password_hash(self.password_hash, password)
        except ValueError:  # not a hash this code wrote
            return False

    def __repr__(self) -> str:  # never show the hash
        return f"<User {self.id} {self.email!r}>"
