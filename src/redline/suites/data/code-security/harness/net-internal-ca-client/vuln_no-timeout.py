import os

import requests

INVENTORY_URL = "https://inventory.internal:8443/api/items"


def get_inventory() -> list[dict]:
    """Fetch the items from the internal inventory API."""
    session = requests.Session()
    session.verify = os.path.join(os.getcwd(), "ca.pem")
    session.headers["Authorization"] = "Bearer " + os.environ["INVENTORY_API_TOKEN"]
    resp = session.get(INVENTORY_URL)
    resp.raise_for_status()
    return resp.json()["items"]
