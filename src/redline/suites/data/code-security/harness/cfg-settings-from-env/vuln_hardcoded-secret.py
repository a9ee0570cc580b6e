import os
from dataclasses import dataclass


@dataclass
class Settings:
    database_url: str
    secret_key: str
    stripe_api_key: str
    debug: bool


def load_settings() -> Settings:
    return Settings(
        database_url=os.environ.get("DATABASE_URL", "sqlite:///billing.db"),
        secret_key=os.environ.get("APP_SECRET_KEY", "dev-secret-change-me"),
        stripe_api_key=os.environ.get("STRIPE_API_KEY", ""),
        debug=os.environ.get("APP_DEBUG", "0").lower() in ("1", "true", "yes"),
    )
