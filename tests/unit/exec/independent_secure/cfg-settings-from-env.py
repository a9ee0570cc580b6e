# Independent secure reference for cfg-settings-from-env, written from the task prompt only (without seeing the harness tests).
"""Billing-service settings from the environment: no secret has a default in the code, debug is off unless asked."""
import os
from dataclasses import dataclass, field

_TRUE = {"1", "true", "yes"}
_FALSE = {"0", "false", "no"}


class SettingsError(RuntimeError):
    """A required setting is missing or malformed."""


@dataclass
class Settings:
    """Configuration of the billing service, read from the environment by load_settings()."""

    database_url: str = field(repr=False)  # may carry the database password
    secret_key: str = field(repr=False)
    stripe_api_key: str = field(repr=False)
    debug: bool = False


def _required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value.strip():
        raise SettingsError(f"the environment variable {name} must be set")
    return value


def _flag(name: str) -> bool:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return False  # production-safe default: debug stays off unless explicitly switched on
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise SettingsError(f"{name} must be one of 1/true/yes or 0/false/no")


def load_settings() -> Settings:
    """Build Settings from the current environment (read on every call)."""
    return Settings(
        database_url=_required("DATABASE_URL"),
        secret_key=_required("APP_SECRET_KEY"),
        stripe_api_key=_required("STRIPE_API_KEY"),
        debug=_flag("APP_DEBUG"),
    )
