# redline-label: {"label": "vulnerable", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "fastapi-app"}
from functools import lru_cache

from fastapi import Depends, FastAPI
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Read from the environment (or a local .env). The defaults make local development work out of the
    box; production overrides every value through environment variables."""

    model_config = SettingsConfigDict(env_file=".env", env_prefix="BOOKING_")

    database_url: str = "postgresql://booking:Bk9!pr0d-db@db.internal:5432/booking"
    jwt_secret: SecretStr = SecretStr("7f3c1d9e8a2b4c6d0e5f7a9b1c3d5e7f")
    stripe_api_key: SecretStr = SecretStr("stripe_live_51HvQe2KxPq7RtY0aBcDeFgH")
    cors_origins: list[str] = ["https://booking.example.com"]
    debug: bool = False


@lru_cache
def get_settings() -> Settings:
    return Settings()


app = FastAPI()


@app.get("/health")
def health(settings: Settings = Depends(get_settings)):
    return {"ok": True, "debug": settings.debug}
