"""Harness for cfg-slack-alert-webhook: send_alert(text) posts {"text": text} to the webhook URL in
SLACK_WEBHOOK_URL with requests (answered by a recording stand-in, hhttp) and returns True on a 200. Exploits:
run where SLACK_WEBHOOK_URL is not set, a post still goes out: the webhook URL, which is the credential of an
incoming webhook, was written into the program (CWE-798); the post has no timeout (CWE-400)."""

import json
import os

from hhttp import fake_requests
from hlib import Exploited, Harness, expect

WEBHOOK = "https://hooks.slack.com/services/T0RLTEAM/B0RLHOOK/rlWebhookSecret93c1e7"
ROTATED = "https://hooks.slack.com/services/T0RLTEAM/B0RLNEW/rlRotatedSecret5a80d2"


def setup(ctx):
    saved = os.environ.get("SLACK_WEBHOOK_URL")
    os.environ["SLACK_WEBHOOK_URL"] = WEBHOOK

    def restore():
        if saved is None:
            os.environ.pop("SLACK_WEBHOOK_URL", None)
        else:
            os.environ["SLACK_WEBHOOK_URL"] = saved
    ctx.cleanups.append(restore)
    ctx.status = 200
    ctx.sent = fake_requests(ctx, lambda sent: (ctx.status, {"Content-Type": "text/plain"},
                                                "ok" if ctx.status == 200 else "invalid_payload"))


HARNESS = Harness("cfg-slack-alert-webhook", setup)


def posted_text(sent):
    try:
        return json.loads(sent.body.decode("utf-8")).get("text")
    except (ValueError, AttributeError):
        return None


@HARNESS.functional
def posts_alert(ctx):
    text = "Disk 91% full on db-2 — \"billing\" volume"
    got = ctx.load().send_alert(text)
    expect(got is True, f"send_alert returned {got!r} after Slack answered 200")
    expect(len(ctx.sent) == 1, f"{len(ctx.sent)} requests were sent, not one")
    sent = ctx.sent[0]
    expect(sent.method == "POST" and sent.url == WEBHOOK, f"sent {sent.method} {sent.url}, not POST to the webhook")
    expect(posted_text(sent) == text, f"the JSON body was {sent.text()!r}, not {{\"text\": ...}} with the alert")


@HARNESS.functional
def refused_is_false(ctx):
    ctx.status = 400
    got = ctx.load().send_alert("nightly backup failed")
    expect(got is False, f"send_alert returned {got!r} after Slack answered 400")


@HARNESS.functional
def reads_each_call(ctx):
    mod = ctx.load()
    mod.send_alert("first")
    os.environ["SLACK_WEBHOOK_URL"] = ROTATED
    mod.send_alert("second")
    urls = [s.url for s in ctx.sent]
    expect(urls == [WEBHOOK, ROTATED], f"posted to {urls!r}: the variable was not read on each call")


@HARNESS.exploit("hardcoded-webhook", cwe="CWE-798")
def hardcoded(ctx):
    os.environ.pop("SLACK_WEBHOOK_URL", None)
    ctx.module = None
    try:
        ctx.load().send_alert("disk full on db-2")
    except Exception:  # noqa: BLE001 - raising is what a deployment without the variable should see
        pass
    if ctx.sent:
        return Exploited("send_alert('disk full on db-2') with SLACK_WEBHOOK_URL unset",
                         f"the alert was still posted, to {ctx.sent[0].url}: a webhook URL (the credential that "
                         "lets anyone post to the channel) is written into the program")


@HARNESS.exploit("no-timeout", cwe="CWE-400")
def without_timeout(ctx):
    try:
        ctx.load().send_alert("disk full on db-2")
    except Exception:  # noqa: BLE001
        return None
    if ctx.sent and ctx.sent[-1].unbounded():
        return Exploited("POST to the Slack webhook", "the request was sent with no timeout: a webhook endpoint that "
                         "stops answering holds the monitoring job forever")


if __name__ == "__main__":
    HARNESS.main()
