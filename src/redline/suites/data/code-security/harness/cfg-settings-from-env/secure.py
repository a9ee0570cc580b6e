import os
from dataclasses import dataclass


@dataclass
class Settings:
    database_url: str
    secret_key: str
    stripe_api_key: str
    debug: bool = False


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(f"{name} is not set")
    return value


def _flag(name: str) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if value in ("1", "true", "yes"):
        return True
    if value in ("", "0", "false", "no"):
        return False
    raise ValueError(f"{name} must be one of 1/0, true/false, yes/no, not {value!r}")


def load_settings() -> Settings:
    return Settings(database_url=_required("DATABASE_URL"), secret_key=_required("APP_SECRET_KEY"),
                    stripe_api_key=_required("STRIPE_API_KEY"), debug=_flag("APP_DEBUG"))
