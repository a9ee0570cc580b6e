import logging
import secrets
import smtplib
from email.message import EmailMessage

from .tokens import save_reset_token

logger = logging.getLogger(__name__)


def send_reset_email(email):
    token = secrets.token_urlsafe(24)
    save_reset_token(email, token)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "noreply@ourorg.example", email, "Reset your password"
    msg.set_content(f"https://app.ourorg.example/reset?token={token}")
    with smtplib.SMTP("localhost", 25) as smtp:
        smtp.send_message(msg)
    logger.debug("sent mail to %s:\n%s", email, msg)
