import os

import requests


def send_alert(text: str) -> bool:
    """Post `text` to the team's Slack channel via the incoming webhook; True when Slack accepted it."""
    url = os.environ["SLACK_WEBHOOK_URL"]
    try:
        resp = requests.post(url, json={"text": text})
    except requests.RequestException:
        return False
    return resp.status_code == 200
