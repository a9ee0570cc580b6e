import hashlib
import hmac

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
PEPPER = b"members-app"


class User(db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)

    @staticmethod
    def _derive(password: str) -> str:
        return hashlib.pbkdf2_hmac("sha256", password.encode(), PEPPER, 200_000).hex()

    def set_password(self, password: str) -> None:
        self.password_hash = self._derive(password)

    def check_password(self, password: str) -> bool:
        return hmac.compare_digest(self._derive(password), self.password_hash or "")
