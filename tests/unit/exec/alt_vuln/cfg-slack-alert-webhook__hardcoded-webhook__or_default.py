import os

import requests


def send_alert(text: str) -> bool:
    url = os.getenv("SLACK_WEBHOOK_URL") or "https://hooks.slack.com/services/T024BE7LD/B08QZ6X1M/dev0nly4laptops"
    return requests.post(url, json={"text": text}, timeout=5).ok and True
