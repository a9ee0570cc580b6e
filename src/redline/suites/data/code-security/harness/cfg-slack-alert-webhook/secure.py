import os

import requests


def send_alert(text: str) -> bool:
    """Post `text` to the team's Slack channel via the incoming webhook; True when Slack accepted it."""
    url = os.environ.get("SLACK_WEBHOOK_URL")
    if not url:
        raise RuntimeError("SLACK_WEBHOOK_URL is not set")
    resp = requests.post(url, json={"text": text}, timeout=10)
    return resp.status_code == 200
