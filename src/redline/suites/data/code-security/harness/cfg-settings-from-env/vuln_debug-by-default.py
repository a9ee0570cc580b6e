import os
from dataclasses import dataclass


@dataclass
class Settings:
    database_url: str
    secret_key: str
    stripe_api_key: str
    debug: bool


def load_settings() -> Settings:
    env = os.environ
    return Settings(
        database_url=env["DATABASE_URL"],
        secret_key=env["APP_SECRET_KEY"],
        stripe_api_key=env["STRIPE_API_KEY"],
        debug=env.get("APP_DEBUG", "true").strip().lower() not in ("0", "false", "no"),
    )
