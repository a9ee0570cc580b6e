import os
from dataclasses import dataclass


@dataclass
class Settings:
    database_url: str = "postgresql://billing:billing@localhost:5432/billing"
    secret_key: str = ""
    stripe_api_key: str = ""
    debug: bool = False


def load_settings():
    s = Settings()
    s.database_url = os.environ.get("DATABASE_URL", s.database_url)
    s.secret_key = os.environ.get("APP_SECRET_KEY", s.secret_key)
    s.stripe_api_key = os.environ.get("STRIPE_API_KEY", s.stripe_api_key)
    s.debug = os.environ.get("APP_DEBUG", "").lower() in ("1", "true", "yes")
    return s
