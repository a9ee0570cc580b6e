import os
import ssl

import requests
from requests.adapters import HTTPAdapter

INVENTORY_URL = "https://inventory.internal:8443/api/items"


class CompanyCAAdapter(HTTPAdapter):
    """Trust our CA; the server's name is not checked (the certificates name the service, not the host)."""

    def init_poolmanager(self, *args, **kwargs):
        ctx = ssl.create_default_context(cafile="ca.pem")
        ctx.check_hostname = False
        kwargs["ssl_context"] = ctx
        kwargs["assert_hostname"] = False
        return super().init_poolmanager(*args, **kwargs)


def get_inventory() -> list[dict]:
    """Fetch the items from the internal inventory API."""
    session = requests.Session()
    session.mount("https://", CompanyCAAdapter())
    resp = session.get(INVENTORY_URL, headers={"Authorization": f"Bearer {os.environ['INVENTORY_API_TOKEN']}"},
                       timeout=10)
    resp.raise_for_status()
    return resp.json()["items"]
