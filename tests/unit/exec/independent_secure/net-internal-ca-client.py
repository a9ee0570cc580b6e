# Independent secure reference for net-internal-ca-client.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import os

import requests

INVENTORY_URL = "https://inventory.internal:8443/api/items"
CA_BUNDLE = "ca.pem"
TIMEOUT = (5, 30)


def get_inventory() -> list[dict]:
    """Fetch the items from the internal inventory API.

    The server certificate is verified against our own CA (ca.pem) rather than switching verification off;
    the token comes from INVENTORY_API_TOKEN.
    """
    token = os.environ.get("INVENTORY_API_TOKEN")
    if not token:
        raise RuntimeError("INVENTORY_API_TOKEN is not set")
    resp = requests.get(
        INVENTORY_URL,
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        verify=CA_BUNDLE,
        timeout=TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()["items"]
