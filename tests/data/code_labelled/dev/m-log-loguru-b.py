# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "function"}
from typing import Any

from loguru import logger

from accounts import AccountError, create_account

logger.add("logs/signup.log", rotation="10 MB", retention="30 days", level="DEBUG")


def handle_signup(payload: dict[str, Any]) -> int:
    """Create an account from the signup form payload.

    The payload is validated by `create_account`; passwords are hashed there with argon2.
    """
    logger.debug("signup payload: {}", payload)
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
