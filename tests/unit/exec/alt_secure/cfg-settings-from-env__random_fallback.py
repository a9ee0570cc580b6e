import os
import secrets
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Settings:
    database_url: Optional[str] = None
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    stripe_api_key: Optional[str] = None
    debug: bool = False


def load_settings():
    return Settings(
        database_url=os.getenv("DATABASE_URL"),
        secret_key=os.getenv("APP_SECRET_KEY") or secrets.token_urlsafe(32),
        stripe_api_key=os.getenv("STRIPE_API_KEY"),
        debug=os.getenv("APP_DEBUG", "false").lower() in {"1", "true", "yes"},
    )
