import datetime
import logging
import os

import requests

logger = logging.getLogger(__name__)
URL = "https://crm.ourorg.example/api/v2/contacts"
HIDDEN = {"authorization", "cookie", "x-api-key"}


def _headers_for_log(headers):
    return {k: ("***" if k.lower() in HIDDEN else v) for k, v in headers.items()}


def fetch_contacts(updated_since: datetime.date) -> list[dict]:
    headers = {"Authorization": f"Bearer {os.environ['CRM_API_TOKEN']}", "Accept": "application/json"}
    params = {"updated_since": updated_since.isoformat()}
    logger.info("CRM request GET %s params=%s headers=%s", URL, params, _headers_for_log(headers))
    resp = requests.get(URL, params=params, headers=headers, timeout=30)
    logger.info("CRM response %s: %s", resp.status_code, resp.text[:2000])
    if resp.status_code != 200:
        raise RuntimeError(f"CRM answered {resp.status_code}")
    return resp.json()["contacts"]
