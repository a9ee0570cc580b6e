import logging
import secrets
import smtplib
from email.message import EmailMessage

from .tokens import save_reset_token

logger = logging.getLogger(__name__)


def send_reset_email(email):
    token = secrets.token_hex(32)
    save_reset_token(email=email, token=token)
    msg = EmailMessage()
    msg["Subject"] = "Your password reset link"
    msg["From"] = "noreply@ourorg.example"
    msg["To"] = email
    msg.set_content(f"Hello,\n\nuse this link to reset your password:\nhttps://app.ourorg.example/reset?token={token}\n")
    server = smtplib.SMTP("localhost", 25)
    try:
        refused = server.sendmail("noreply@ourorg.example", [email], msg.as_string())
        logger.info("Reset email to=%s subject=%r accepted=%s", email, msg["Subject"], not refused)
    except smtplib.SMTPException:
        logger.exception("Reset email to=%s subject=%r was not accepted", email, msg["Subject"])
        raise
    finally:
        server.quit()
