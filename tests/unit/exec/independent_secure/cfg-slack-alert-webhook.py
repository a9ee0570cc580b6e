# Independent secure reference for cfg-slack-alert-webhook, written from the task prompt only (without seeing the harness tests).
"""Slack alerts: the webhook URL (a secret: whoever has it can post) comes only from the environment and is never
logged; every post has a timeout so a stuck Slack cannot hang the monitoring job."""
import logging
import os

import requests

logger = logging.getLogger(__name__)
TIMEOUT = (5, 10)  # connect, read (seconds)


class AlertConfigError(RuntimeError):
    """SLACK_WEBHOOK_URL is not set."""


def send_alert(text: str) -> bool:
    """Post `text` to the team's Slack channel via the incoming webhook; True when Slack accepted it."""
    url = os.environ.get("SLACK_WEBHOOK_URL", "").strip()
    if not url:
        raise AlertConfigError("SLACK_WEBHOOK_URL is not set")
    try:
        resp = requests.post(url, json={"text": text}, timeout=TIMEOUT)
    except requests.RequestException as exc:
        logger.warning("Slack alert not sent: %s", type(exc).__name__)  # the exception text can hold the URL
        return False
    if resp.status_code != 200:
        logger.warning("Slack alert refused: HTTP %s", resp.status_code)
        return False
    return True
