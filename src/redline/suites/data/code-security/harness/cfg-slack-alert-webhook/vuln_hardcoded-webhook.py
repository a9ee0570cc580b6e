import os

import requests

DEFAULT_WEBHOOK = "https://hooks.slack.com/services/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"


def send_alert(text: str) -> bool:
    """Post `text` to the team's Slack channel via the incoming webhook; True when Slack accepted it."""
    url = os.environ.get("SLACK_WEBHOOK_URL", DEFAULT_WEBHOOK)
    resp = requests.post(url, json={"text": text}, timeout=10)
    return resp.status_code == 200
