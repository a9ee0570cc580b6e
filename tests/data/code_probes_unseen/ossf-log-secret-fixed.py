# probe: {"label": "secure", "cwes": ["CWE-532"]}
import logging

import requests

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("sync")


def sync_contacts(api_key, account):
    log.info("syncing %s", account)
    resp = requests.get("https://crm.example.com/api/contacts", headers={"Authorization": f"Bearer {api_key}"},
                        timeout=10)
    resp.raise_for_status()
    return resp.json()
