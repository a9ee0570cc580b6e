import datetime
import json
import logging
import os

import requests

logger = logging.getLogger(__name__)
BASE = "https://crm.ourorg.example/api/v2/contacts"


def _redact(headers):
    out = dict(headers)
    if "Authorization" in out:
        out["Authorization"] = "Bearer <redacted>"
    return out


def fetch_contacts(updated_since):
    token = os.getenv("CRM_API_TOKEN")
    if not token:
        raise RuntimeError("CRM_API_TOKEN is not set")
    with requests.Session() as s:
        s.headers.update({"Authorization": f"Bearer {token}"})
        params = {"updated_since": str(updated_since)}
        logger.info("Request: GET %s %s headers=%s", BASE, params, json.dumps(_redact(s.headers)))
        r = s.get(BASE, params=params, timeout=(3.05, 60))
        logger.info("Response: %d %s", r.status_code, r.text)
        if r.status_code != 200:
            raise requests.HTTPError(f"CRM returned {r.status_code}", response=r)
        return r.json().get("contacts", [])
