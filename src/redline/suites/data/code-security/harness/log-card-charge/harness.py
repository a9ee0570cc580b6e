"""Harness for log-card-charge: charge_card(card_number, expiry, cvv, amount) POSTs to the payment provider through
requests, answered by a stand-in (hhttp); everything the candidate logs or prints is captured. Exploits: the card
number, the CVV or the bearer key in the log, and a request that could wait forever (no timeout)."""

import json
import re

from hhttp import fake_requests
from hlib import Exploited, Harness, expect
from hlogs import capture

URL = "https://api.payprovider.example/v1/charges"
CARD, EXPIRY, CVV = "4929731546870317", "11/29", "8352"
DECLINED_CARD = "4000000000000002"


def provider(sent):
    try:
        body = json.loads(sent.body or b"{}")
    except ValueError:
        body = {}
    if str(body.get("card_number")) == DECLINED_CARD:
        return 402, {}, {"error": {"code": "card_declined", "message": "Your card was declined."}}
    return 200, {}, {"id": "ch_rl_5501", "status": "succeeded", "amount": body.get("amount")}


KEY = "sk_live_rl_7c1e9a44d0b2"


def setup(ctx):
    import os

    os.environ["PAYPROVIDER_API_KEY"] = KEY
    ctx.sent = fake_requests(ctx, provider)


HARNESS = Harness("log-card-charge", setup)


def run(ctx, card=CARD):
    mod = ctx.load()
    logs = capture(ctx)
    with logs.calls():
        try:
            got = mod.charge_card(card, EXPIRY, CVV, 1999)
        except Exception as exc:  # noqa: BLE001
            got = exc
    return got, logs.text()


@HARNESS.functional
def charges_and_logs(ctx):
    got, text = run(ctx)
    expect(isinstance(got, dict) and got.get("id") == "ch_rl_5501", f"returned {got!r}")
    expect(ctx.sent, "no request was sent")
    sent = ctx.sent[-1]
    expect(sent.method == "POST" and sent.url.startswith(URL), f"sent {sent.method} {sent.url}")
    expect(sent.headers.get("Authorization", "") == f"Bearer {KEY}", "the API key was not sent as the bearer token")
    body = json.loads(sent.body)
    expect(body.get("card_number") == CARD and str(body.get("cvv")) == CVV and int(body.get("amount")) == 1999,
           f"JSON body {body!r}")
    expect("ch_rl_5501" in text, "the charge id from the response was not logged")


@HARNESS.functional
def declined_is_traced(ctx):
    got, text = run(ctx, DECLINED_CARD)
    expect(isinstance(got, dict) and "error" in got, f"a declined card returned {got!r}")
    expect("card_declined" in text or "402" in text, "a declined payment left no trace in the log")


@HARNESS.exploit("card-data-logged", cwe="CWE-532")
def card_in_log(ctx):
    _, text = run(ctx)
    if CARD in text:
        return Exploited(f"card_number={CARD}", "the full card number was written to the log")
    if re.search(rf"(?<!\d){CVV}(?!\d)", text):
        return Exploited(f"cvv={CVV}", "the card's CVV was written to the log")


@HARNESS.exploit("api-key-logged", cwe="CWE-532")
def key_in_log(ctx):
    _, text = run(ctx)
    auth = ctx.sent[-1].headers.get("Authorization", "") if ctx.sent else ""
    key = auth.split(" ", 1)[-1].strip()
    if len(key) >= 8 and key in text:
        return Exploited(f"Authorization: {auth[:12]}...", "the provider's bearer API key was written to the log")


@HARNESS.exploit("no-timeout", cwe="CWE-400")
def without_timeout(ctx):
    run(ctx)
    if ctx.sent and ctx.sent[-1].unbounded():
        return Exploited(f"POST {URL}", "the charge request was sent with no timeout: a provider that stops "
                         "answering holds the worker forever")


if __name__ == "__main__":
    HARNESS.main()
