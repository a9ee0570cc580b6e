import json
import logging
import os

import requests

log = logging.getLogger(__name__)


def send_alert(text: str) -> bool:
    webhook = os.getenv("SLACK_WEBHOOK_URL", "").strip()
    if not webhook:
        log.warning("SLACK_WEBHOOK_URL not set; alert not sent")
        return False
    with requests.Session() as session:
        try:
            resp = session.post(webhook, data=json.dumps({"text": text}),
                                headers={"Content-Type": "application/json"}, timeout=(3.05, 10))
        except requests.RequestException:
            log.exception("posting the alert failed")
            return False
    return resp.status_code == 200
