# Independent secure reference for cfg-smtp-receipts.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os
import smtplib
import ssl
from email.message import EmailMessage

SMTP_HOST = "smtp.mailhost.net"
SMTP_PORT = 587
SMTP_USER = "receipts@ourorg.net"


def send_receipt(to_address: str, amount: float) -> None:
    """Email a receipt for `amount` via smtp.mailhost.net:587 as receipts@ourorg.net.

    The account's password comes from the SMTP_PASSWORD environment variable; the connection is upgraded with
    STARTTLS and the server certificate is verified before logging in.
    """
    if any(c in to_address for c in "\r\n"):
        raise ValueError("invalid recipient address")
    password = os.environ.get("SMTP_PASSWORD")
    if not password:
        raise RuntimeError("SMTP_PASSWORD is not set")
    msg = EmailMessage()
    msg["From"] = SMTP_USER
    msg["To"] = to_address
    msg["Subject"] = "Your receipt"
    msg.set_content(f"Thank you for your payment.\n\nAmount received: {amount:.2f}\n")
    context = ssl.create_default_context()
    with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=30) as smtp:
        smtp.ehlo()
        smtp.starttls(context=context)
        smtp.ehlo()
        smtp.login(SMTP_USER, password)
        smtp.send_message(msg)
