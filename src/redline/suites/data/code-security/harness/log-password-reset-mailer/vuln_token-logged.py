import logging
import secrets
import smtplib
from email.message import EmailMessage

from .tokens import save_reset_token

logger = logging.getLogger(__name__)


def send_reset_email(email: str) -> None:
    token = secrets.token_hex(24)
    save_reset_token(email, token)
    link = f"https://app.ourorg.example/reset?token={token}"
    msg = EmailMessage()
    msg["From"] = "noreply@ourorg.example"
    msg["To"] = email
    msg["Subject"] = "Password reset"
    msg.set_content(f"Reset your password here: {link}")
    smtp = smtplib.SMTP("localhost", 25)
    try:
        result = smtp.send_message(msg)
    finally:
        smtp.quit()
    logger.info("Sent password reset mail to %s with link %s (server result: %s)", email, link, result)
