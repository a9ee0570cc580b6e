# redline-label: {"label": "vulnerable", "cwes": ["CWE-259", "CWE-798"], "task": null, "category": "secrets-config", "style": "cli"}
#!/usr/bin/env python3
"""Send the nightly sales report as an email attachment.

    send_report.py report.xlsx --to finance@example.com
"""
import argparse
import smtplib
from email.message import EmailMessage
from pathlib import Path

SMTP_HOST = "smtp.office365.com"
SMTP_PORT = 587
SMTP_USER = "reports@example.com"
SMTP_PASSWORD = "Winter2024!reports"


def build_message(attachment: Path, to: list[str]) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"Sales report: {attachment.stem}"
    msg["From"] = SMTP_USER
    msg["To"] = ", ".join(to)
    msg.set_content("Please find attached the nightly sales report.")
    msg.add_attachment(
        attachment.read_bytes(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename=attachment.name,
    )
    return msg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("report", type=Path)
    ap.add_argument("--to", action="append", required=True)
    args = ap.parse_args()

    with smtplib.SMTP(SMTP_HOST, SMTP_PORT, timeout=30) as smtp:
        smtp.starttls()
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(build_message(args.report, args.to))
    print("sent to", ", ".join(args.to))


if __name__ == "__main__":
    main()
