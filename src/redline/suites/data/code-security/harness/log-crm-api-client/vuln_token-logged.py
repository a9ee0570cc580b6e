import datetime
import logging
import os

import requests

logger = logging.getLogger(__name__)


def fetch_contacts(updated_since: datetime.date) -> list[dict]:
    url = "https://crm.ourorg.example/api/v2/contacts"
    headers = {"Authorization": "Bearer " + os.environ["CRM_API_TOKEN"]}
    params = {"updated_since": updated_since.strftime("%Y-%m-%d")}
    logger.debug("GET %s params=%s headers=%s", url, params, headers)
    resp = requests.get(url, headers=headers, params=params, timeout=20)
    logger.debug("status=%s body=%s", resp.status_code, resp.text)
    resp.raise_for_status()
    return resp.json()["contacts"]
