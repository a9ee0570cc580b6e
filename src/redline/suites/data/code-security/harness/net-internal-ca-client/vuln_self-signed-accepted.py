import os

import requests
import urllib3

INVENTORY_URL = "https://inventory.internal:8443/api/items"
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)


def get_inventory() -> list[dict]:
    """Fetch the items from the internal inventory API."""
    token = os.environ["INVENTORY_API_TOKEN"]
    resp = requests.get(INVENTORY_URL, headers={"Authorization": "Bearer " + token}, verify=False, timeout=10)
    resp.raise_for_status()
    return resp.json()["items"]
