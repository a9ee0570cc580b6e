import hashlib
import hmac
import os

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)

    def set_password(self, password: str) -> None:
        salt = os.urandom(16).hex()
        self.password_hash = f"{salt}${hashlib.sha256((salt + password).encode()).hexdigest()}"

    def check_password(self, password: str) -> bool:
        salt, _, digest = (self.password_hash or "").partition("$")
        return hmac.compare_digest(hashlib.sha256((salt + password).encode()).hexdigest(), digest)
