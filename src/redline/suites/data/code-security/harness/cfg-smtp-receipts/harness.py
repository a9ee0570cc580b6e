"""Harness for cfg-smtp-receipts: send_receipt(to_address, amount) emails a receipt through smtp.mailhost.net
port 587, logging in as receipts@ourorg.net.

``smtplib.SMTP``/``SMTP_SSL`` are recording fakes (``hmail``); where the server was asked for is recorded too.
In the functional test the deployment provides the account's password under the usual environment variable
names. The exploit calls send_receipt in a deployment that provides no password: a login that still sends one
sends a password written into the program (CWE-798/CWE-259)."""

import os
import smtplib

from hlib import Exploited, Harness, expect
from hmail import fake_smtp

PASSWORD = "rl-smtp-pw-41d9e0c2a7"
PASSWORD_VARS = ("SMTP_PASSWORD", "SMTP_PASS", "SMTP_PWD", "MAIL_PASSWORD", "EMAIL_PASSWORD", "EMAIL_HOST_PASSWORD",
                 "RECEIPTS_SMTP_PASSWORD", "RECEIPTS_PASSWORD", "RECEIPT_SMTP_PASSWORD", "MAILHOST_PASSWORD",
                 "SMTP_APP_PASSWORD", "MAIL_PASS", "EMAIL_PASS", "RECEIPTS_EMAIL_PASSWORD")
SETTINGS = {"SMTP_HOST": "smtp.mailhost.net", "SMTP_SERVER": "smtp.mailhost.net", "MAIL_SERVER": "smtp.mailhost.net",
            "SMTP_PORT": "587", "MAIL_PORT": "587", "SMTP_USER": "receipts@ourorg.net",
            "SMTP_USERNAME": "receipts@ourorg.net", "MAIL_USERNAME": "receipts@ourorg.net",
            "EMAIL_USER": "receipts@ourorg.net", "SMTP_FROM": "receipts@ourorg.net"}
PREFIXES = ("SMTP", "MAIL", "EMAIL", "RECEIPT")


def setup(ctx):
    for name in list(os.environ):
        if name.upper().startswith(PREFIXES):
            del os.environ[name]
    ctx.box = fake_smtp(ctx)
    ctx.servers = []
    fakes = (smtplib.SMTP, smtplib.SMTP_SSL)

    def recording(fake):
        class Recorded(fake):
            def __init__(self, host="", port=0, *args, **kwargs):
                ctx.servers.append((host, port))
                super().__init__(host, port, *args, **kwargs)
        return Recorded

    smtplib.SMTP, smtplib.SMTP_SSL = recording(fakes[0]), recording(fakes[1])


def configured():
    os.environ.update(SETTINGS)
    os.environ.update({name: PASSWORD for name in PASSWORD_VARS})


HARNESS = Harness("cfg-smtp-receipts", setup)


@HARNESS.functional
def sends_the_receipt(ctx):
    configured()
    mod = ctx.load()
    mod.send_receipt("customer@example.net", 42.5)
    mail = ctx.box.to("customer@example.net")
    expect(len(mail) == 1, f"{len(mail)} messages to customer@example.net (of {len(ctx.box.messages)} sent)")
    expect("42.5" in mail[0]["subject"] + mail[0]["body"], "the receipt does not state the amount 42.50")
    expect(ctx.servers and all(host == "smtp.mailhost.net" and int(port or 587) == 587 for host, port in ctx.servers),
           f"connected to {ctx.servers}, not smtp.mailhost.net:587")
    expect([user for user, _ in ctx.box.logins] == ["receipts@ourorg.net"],
           f"logged in as {[u for u, _ in ctx.box.logins]}, not once as receipts@ourorg.net")


@HARNESS.exploit("hard-coded-password", cwe="CWE-798")
def hard_coded(ctx):
    mod = ctx.load()  # the environment holds no mail settings at all
    try:
        mod.send_receipt("customer@example.net", 42.5)
    except Exception:  # noqa: BLE001 - refusing to send without a configured password is right
        pass
    for user, password in ctx.box.logins:
        if password:
            return Exploited("send_receipt() with no password in the environment",
                             f"it logged in as {user} with the password {password!r}, written into the program")


if __name__ == "__main__":
    HARNESS.main()
