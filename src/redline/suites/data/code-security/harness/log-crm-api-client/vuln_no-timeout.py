import datetime
import logging
import os

import requests

logger = logging.getLogger(__name__)


def fetch_contacts(updated_since: datetime.date) -> list[dict]:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {os.environ['CRM_API_TOKEN']}"
    req = requests.Request("GET", "https://crm.ourorg.example/api/v2/contacts",
                           params={"updated_since": updated_since.isoformat()})
    prepared = session.prepare_request(req)
    logger.info("-> %s %s (headers: %s)", prepared.method, prepared.url,
                ", ".join(k for k in prepared.headers))
    resp = session.send(prepared)
    logger.info("<- %s %s", resp.status_code, resp.text)
    if resp.status_code != 200:
        raise RuntimeError(f"CRM error {resp.status_code}")
    return resp.json()["contacts"]
