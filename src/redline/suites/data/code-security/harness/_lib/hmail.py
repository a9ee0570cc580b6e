"""Mail helper of the harness library: a fake ``smtplib.SMTP``/``SMTP_SSL`` that records the logins and the
messages an app sends instead of reaching a mail server."""

from __future__ import annotations

import email
import smtplib
from typing import Any


class Outbox:
    def __init__(self) -> None:
        self.logins: list[tuple[str, str]] = []
        self.messages: list[dict[str, str]] = []

    def to(self, address: str) -> list[dict[str, str]]:
        return [m for m in self.messages if address.lower() in m["to"].lower()]


def fake_smtp(ctx: Any) -> Outbox:
    """Replace ``smtplib.SMTP`` and ``smtplib.SMTP_SSL`` (and the module's own imports of them) for this test."""
    box = Outbox()

    class FakeSMTP:
        def __init__(self, host: str = "", port: int = 0, *args: Any, **kwargs: Any) -> None:
            self.host = host

        def __enter__(self) -> FakeSMTP:
            return self

        def __exit__(self, *exc: Any) -> None:
            return None

        def ehlo(self, *a: Any, **k: Any) -> tuple[int, bytes]:
            return 250, b"ok"

        helo = ehlo

        def starttls(self, *a: Any, **k: Any) -> tuple[int, bytes]:
            return 220, b"ready"

        def login(self, user: str, password: str, *a: Any, **k: Any) -> tuple[int, bytes]:
            box.logins.append((user, password))
            return 235, b"ok"

        def send_message(self, msg: Any, from_addr: Any = None, to_addrs: Any = None, *a: Any, **k: Any) -> dict:
            box.messages.append(_record(msg, to_addrs))
            return {}

        def sendmail(self, from_addr: str, to_addrs: Any, msg: Any, *a: Any, **k: Any) -> dict:
            parsed = email.message_from_bytes(msg if isinstance(msg, bytes) else str(msg).encode())
            box.messages.append(_record(parsed, to_addrs))
            return {}

        def quit(self) -> tuple[int, bytes]:
            return 221, b"bye"

        def close(self) -> None:
            return None

        def set_debuglevel(self, *a: Any) -> None:
            return None

    originals = (smtplib.SMTP, smtplib.SMTP_SSL)
    smtplib.SMTP = FakeSMTP  # type: ignore[misc,assignment]
    smtplib.SMTP_SSL = FakeSMTP  # type: ignore[misc,assignment]
    ctx.smtp_box = box

    def restore() -> None:
        smtplib.SMTP, smtplib.SMTP_SSL = originals  # type: ignore[misc]

    ctx.cleanups.append(restore)
    return box


def _record(msg: Any, to_addrs: Any) -> dict[str, str]:
    to = to_addrs if isinstance(to_addrs, str) else ", ".join(to_addrs or [])
    to = to or str(msg.get("To", "")) + " " + str(msg.get("Bcc", ""))
    parts = [p for p in msg.walk() if not p.is_multipart()] if hasattr(msg, "walk") else []
    body = "\n".join(str(p.get_payload(decode=True) or b"", "utf-8", "replace") for p in parts)
    return {"to": to, "subject": str(msg.get("Subject", "")), "body": body}
