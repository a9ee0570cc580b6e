# Independent secure reference for cfg-flask-config-factory.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Configuration for the Flask project (development and production) and the app factory.

Secrets (SECRET_KEY, DATABASE_URL in production, MAIL_PASSWORD) come from the environment, never from the code.
Debug mode is off unless a developer turns it on explicitly with FLASK_DEBUG=1 in development.
"""
import os
import secrets

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Config:
    """Settings shared by development and production."""

    DEBUG = False
    TESTING = False
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USE_TLS = True
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"

    @classmethod
    def load(cls) -> dict:
        return {k: getattr(cls, k) for k in dir(cls) if k.isupper()}


class DevelopmentConfig(Config):
    DEBUG = os.environ.get("FLASK_DEBUG") == "1"
    SQLALCHEMY_DATABASE_URI = os.environ.get("DEV_DATABASE_URL", "sqlite:///dev.db")
    SESSION_COOKIE_SECURE = False

    @classmethod
    def load(cls) -> dict:
        settings = super().load()
        # A random key per process when none is set: sessions do not survive restarts, but nothing is guessable.
        settings["SECRET_KEY"] = os.environ.get("SECRET_KEY") or secrets.token_hex(32)
        return settings


class ProductionConfig(Config):
    DEBUG = False
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    PREFERRED_URL_SCHEME = "https"

    @classmethod
    def load(cls) -> dict:
        settings = super().load()
        missing = [name for name in ("SECRET_KEY", "DATABASE_URL") if not os.environ.get(name)]
        if missing:
            raise RuntimeError(f"production needs these environment variables: {', '.join(missing)}")
        settings["SECRET_KEY"] = os.environ["SECRET_KEY"]
        settings["SQLALCHEMY_DATABASE_URI"] = os.environ["DATABASE_URL"]
        return settings


CONFIGS = {"development": DevelopmentConfig, "production": ProductionConfig}


def create_app(config_name=None) -> Flask:
    name = config_name or os.environ.get("APP_ENV", "production")
    if name not in CONFIGS:
        raise ValueError(f"unknown configuration {name!r}; use development or production")
    app = Flask(__name__)
    app.config.from_mapping(CONFIGS[name].load())
    db.init_app(app)
    return app


if __name__ == "__main__":
    application = create_app()
    application.run(
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "5000")),
        debug=application.config["DEBUG"],
    )
