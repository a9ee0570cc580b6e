# redline-label: {"label": "vulnerable", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "function"}
import os
import smtplib
import ssl
from email.message import EmailMessage


def send_report(to: str, subject: str, body: str, attachment: bytes | None = None) -> None:
    """Send the weekly report through the office relay (STARTTLS on 587)."""
    msg = EmailMessage()
    msg["From"] = os.environ.get("REPORT_FROM", "reports@example.org")
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="application", subtype="pdf", filename="report.pdf")

    context = ssl._create_unverified_context()
    with smtplib.SMTP(os.environ.get("SMTP_HOST", "mail.office.example"), 587, timeout=30) as smtp:
        smtp.starttls(context=context)
        smtp.login(os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)
