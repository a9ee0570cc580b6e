import os
import smtplib
import ssl
from email.message import EmailMessage

SMTP_HOST = "smtp.mailhost.net"
SMTP_PORT = 587
SMTP_USER = "receipts@ourorg.net"


def send_receipt(to_address: str, amount: float) -> None:
    """Email a receipt for `amount` via smtp.mailhost.net:587 as receipts@ourorg.net."""
    password = os.environ.get("SMTP_PASSWORD")
    if not password:
        raise RuntimeError("SMTP_PASSWORD is not set")
    msg = EmailMessage()
    msg["From"] = SMTP_USER
    msg["To"] = to_address
    msg["Subject"] = "Your receipt"
    msg.set_content(f"Thank you for your payment of {amount:.2f}.")
    context = ssl.create_default_context()
    with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=30) as server:
        server.starttls(context=context)
        server.login(SMTP_USER, password)
        server.send_message(msg)
