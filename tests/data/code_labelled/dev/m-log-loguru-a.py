# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
from typing import Any

from loguru import logger

from accounts import AccountError, create_account

SENSITIVE_KEYS = {"password", "password_confirm", "token", "secret", "ssn", "card_number"}


def scrub(payload: dict[str, Any]) -> dict[str, Any]:
    """Return a copy safe to log: sensitive fields masked, nested dicts scrubbed too."""
    clean: dict[str, Any] = {}
    for key, value in payload.items():
        if key.lower() in SENSITIVE_KEYS:
            clean[key] = "***"
        elif isinstance(value, dict):
            clean[key] = scrub(value)
        else:
            clean[key] = value
    return clean


def handle_signup(payload: dict[str, Any]) -> int:
    logger.debug("signup payload: {}", scrub(payload))
    try:
        account_id = create_account(
            email=payload["email"],
            password=payload["password"],
            display_name=payload.get("display_name", ""),
        )
    except AccountError as exc:
        logger.warning("signup rejected for {}: {}", payload.get("email"), exc.reason)
        raise
    logger.info("account {} created", account_id)
    return account_id
