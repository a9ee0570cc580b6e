# Independent secure reference for log-password-reset-mailer, written from the task prompt only (without seeing the harness tests).
"""Forgot-password mail: a CSPRNG token, stored, mailed as a link; the log says to whom, the subject and
whether the server took it, and never contains the token, the link or the mail body."""
import logging
import secrets
import smtplib
from email.message import EmailMessage

from .tokens import save_reset_token

logger = logging.getLogger(__name__)
RESET_URL = "https://app.ourorg.example/reset?token="
SENDER = "noreply@ourorg.example"
SUBJECT = "Reset your password"


def _check_address(email: str) -> None:
    if (
        not isinstance(email, str)
        or len(email) > 254
        or email.count("@") != 1
        or any(ch.isspace() or ord(ch) < 32 or ch in "<>,;\"" for ch in email)
    ):
        raise ValueError("not a valid email address")


def _close(smtp) -> None:
    quit_ = getattr(smtp, "quit", None)
    if quit_ is not None:
        try:
            quit_()
        except (smtplib.SMTPException, OSError):
            pass


def send_reset_email(email: str) -> None:
    """Make a reset token, store it, email the reset link and log the mail that was sent."""
    _check_address(email)  # also stops header injection through CR/LF in the address
    token = secrets.token_urlsafe(32)  # 256 bits from the OS CSPRNG; URL-safe characters only
    save_reset_token(email, token)
    msg = EmailMessage()
    msg["From"] = SENDER
    msg["To"] = email
    msg["Subject"] = SUBJECT
    msg.set_content(
        "Someone asked to reset the password of your account.\n\n"
        f"To choose a new password, open this link:\n{RESET_URL}{token}\n\n"
        "If it was not you, ignore this mail; your password stays as it is.\n",
        cte="7bit",  # plain ASCII: the link stays whole (quoted-printable would break it across lines)
    )
    smtp = None
    try:
        smtp = smtplib.SMTP("localhost", 25)
        refused = smtp.send_message(msg)
    except (smtplib.SMTPException, OSError) as exc:
        # Only the exception's class: SMTP error texts can echo the message, and the message holds the token.
        logger.warning(
            "password reset mail to=%s subject=%r accepted=False error=%s", email, SUBJECT, type(exc).__name__
        )
        return None
    finally:
        _close(smtp)
    accepted = not refused
    logger.info("password reset mail to=%s subject=%r accepted=%s", email, SUBJECT, accepted)
    return None
