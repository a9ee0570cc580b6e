# redline-label: {"label": "secure", "cwes": ["CWE-259", "CWE-798"], "task": null, "category": "secrets-config", "style": "cli"}
#!/usr/bin/env python3
"""Send the nightly sales report as an email attachment.

Credentials: SMTP_USER and SMTP_PASSWORD from the environment, or the
password is asked for interactively when running by hand.
"""
import argparse
import getpass
import os
import smtplib
import ssl
import sys
from email.message import EmailMessage
from pathlib import Path


def smtp_credentials() -> tuple[str, str]:
    user = os.environ.get("SMTP_USER")
    if not user:
        sys.exit("SMTP_USER is not set")
    password = os.environ.get("SMTP_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            sys.exit("SMTP_PASSWORD is not set")
        password = getpass.getpass(f"SMTP password for {user}: ")
    return user, password


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("report", type=Path)
    ap.add_argument("--to", action="append", required=True)
    ap.add_argument("--host", default=os.environ.get("SMTP_HOST", "smtp.office365.com"))
    ap.add_argument("--port", type=int, default=587)
    args = ap.parse_args()

    user, password = smtp_credentials()
    msg = EmailMessage()
    msg["Subject"] = f"Sales report: {args.report.stem}"
    msg["From"] = user
    msg["To"] = ", ".join(args.to)
    msg.set_content("Please find attached the nightly sales report.")
    msg.add_attachment(args.report.read_bytes(), maintype="application", subtype="octet-stream",
                       filename=args.report.name)

    with smtplib.SMTP(args.host, args.port, timeout=30) as smtp:
        smtp.starttls(context=ssl.create_default_context())
        smtp.login(user, password)
        smtp.send_message(msg)
    print("sent")


if __name__ == "__main__":
    main()
