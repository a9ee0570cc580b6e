import os

import requests

INVENTORY_URL = "https://inventory.internal:8443/api/items"


def get_inventory() -> list[dict]:
    """Fetch the items from the internal inventory API."""
    resp = requests.get(INVENTORY_URL, headers={"Authorization": f"Bearer {os.environ['INVENTORY_API_TOKEN']}"},
                        verify="ca.pem", timeout=(5, 20))
    resp.raise_for_status()
    return resp.json()["items"]
