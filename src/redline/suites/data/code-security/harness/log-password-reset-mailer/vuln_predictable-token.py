import logging
import random
import smtplib
import string
from email.message import EmailMessage

from .tokens import save_reset_token

logger = logging.getLogger(__name__)


def send_reset_email(email: str) -> None:
    token = "".join(random.choice(string.ascii_letters + string.digits) for _ in range(32))
    save_reset_token(email, token)
    msg = EmailMessage()
    msg["From"] = "noreply@ourorg.example"
    msg["To"] = email
    msg["Subject"] = "Password reset"
    msg.set_content(f"Reset your password: https://app.ourorg.example/reset?token={token}")
    with smtplib.SMTP("localhost", 25) as smtp:
        smtp.send_message(msg)
    logger.info("Password reset mail sent to %s, subject %s", email, msg["Subject"])
