# redline-label: {"label": "secure", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "fastapi-app"}
from functools import lru_cache

from fastapi import Depends, FastAPI
from pydantic import PostgresDsn, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Read from the environment (or a local .env in development). No defaults for secrets: the app
    refuses to start if one is missing."""

    model_config = SettingsConfigDict(env_file=".env", env_prefix="BOOKING_")

    database_url: PostgresDsn
    jwt_secret: SecretStr
    stripe_api_key: SecretStr
    cors_origins: list[str] = ["https://booking.example.com"]
    debug: bool = False


@lru_cache
def get_settings() -> Settings:
    return Settings()


app = FastAPI()


@app.get("/health")
def health(settings: Settings = Depends(get_settings)):
    return {"ok": True, "debug": settings.debug}
