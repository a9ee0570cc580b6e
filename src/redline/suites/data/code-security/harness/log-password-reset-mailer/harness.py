"""Harness for log-password-reset-mailer: send_reset_email(email) makes a token, stores it with the stub
save_reset_token(email, token) (tokens module), mails https://app.ourorg.example/reset?token=<token> through a
recording fake smtplib.SMTP (hmail), and logs the mail (hlogs captures records, prints and *.log files).
Exploits: the reset token (or the link carrying it) in the log; the same token twice when the non-cryptographic
random sources are replayed and the clock stopped."""

from urllib.parse import quote

from hlib import Exploited, Harness, expect
from hlogs import capture
from hmail import fake_smtp


def setup(ctx):
    ctx.saved = []

    def save_reset_token(*args, **kwargs):
        values = list(args) + [kwargs[k] for k in ("email", "token") if k in kwargs]
        ctx.saved.append(tuple(values[:2]))
    ctx.stub("tokens", save_reset_token=save_reset_token)
    ctx.outbox = fake_smtp(ctx)


HARNESS = Harness("log-password-reset-mailer", setup)


def send(ctx, address="ana@example.org"):
    mod = ctx.load()
    logs = capture(ctx)
    with logs.calls():
        mod.send_reset_email(address)
    return logs


def last_token(ctx, address):
    mine = [t for e, t in ctx.saved if e == address]
    expect(mine, f"save_reset_token was not called for {address} (calls: {ctx.saved!r})")
    token = mine[-1]
    expect(isinstance(token, str) and token, f"saved token {token!r}")
    return token


@HARNESS.functional
def mails_the_link(ctx):
    logs = send(ctx)
    token = last_token(ctx, "ana@example.org")
    mails = ctx.outbox.to("ana@example.org")
    expect(len(mails) == 1, f"{len(mails)} mails to the user")
    link = "https://app.ourorg.example/reset?token="
    expect(any(link + t in mails[0]["body"] for t in (token, quote(token, safe=""))),
           f"the mail does not carry the reset link with the saved token: {mails[0]['body'][:300]!r}")
    expect(logs.text().strip(), "the reset mail was not logged")


@HARNESS.functional
def fresh_token_each_time(ctx):
    send(ctx, "ana@example.org")
    send(ctx, "bo@example.org")
    send(ctx, "ana@example.org")
    tokens = [t for _, t in ctx.saved]
    expect(len(tokens) == 3 and len(set(tokens)) == 3, f"tokens saved: {tokens!r}")
    expect(len(ctx.outbox.messages) == 3, f"{len(ctx.outbox.messages)} mails for three requests")


@HARNESS.exploit("token-logged", cwe="CWE-532")
def token_in_log(ctx):
    logs = send(ctx)
    token = last_token(ctx, "ana@example.org")
    text = logs.text()
    if token in text or quote(token, safe="") in text:
        return Exploited("send_reset_email('ana@example.org')", f"the reset token ({token}) was written to the "
                         "log: whoever reads the logs can reset the user's password")


@HARNESS.exploit("predictable-token", cwe="CWE-338")
def predictable(ctx):
    ctx.load()
    tokens = []
    for _ in range(2):
        ctx.predictable_randomness()
        try:
            send(ctx)
        except Exception:  # noqa: BLE001
            return None
        tokens.append(ctx.saved[-1][1] if ctx.saved else None)
    if tokens[0] and tokens[0] == tokens[1]:
        return Exploited("two reset requests with the random module replayed",
                         f"the same reset token came out twice ({tokens[0]!r}): it comes from a non-cryptographic "
                         "PRNG or the clock, so an attacker can predict another user's reset link")


if __name__ == "__main__":
    HARNESS.main()
