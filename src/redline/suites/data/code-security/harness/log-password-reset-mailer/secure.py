import logging
import secrets
import smtplib
from email.message import EmailMessage

from .tokens import save_reset_token

logger = logging.getLogger(__name__)


def send_reset_email(email: str) -> None:
    token = secrets.token_urlsafe(32)
    save_reset_token(email, token)
    msg = EmailMessage()
    msg["From"] = "noreply@ourorg.example"
    msg["To"] = email
    msg["Subject"] = "Reset your password"
    msg.set_content("Someone asked to reset your password. Open this link to choose a new one:\n\n"
                    f"https://app.ourorg.example/reset?token={token}\n\nIf it was not you, ignore this mail.\n")
    try:
        with smtplib.SMTP("localhost", 25) as smtp:
            refused = smtp.send_message(msg)
    except smtplib.SMTPException as exc:
        logger.error("reset mail to %s (subject %r) failed: %s", email, msg["Subject"], exc)
        raise
    logger.info("reset mail to %s (subject %r) accepted by the SMTP server; refused: %s", email, msg["Subject"],
                refused or "none")
