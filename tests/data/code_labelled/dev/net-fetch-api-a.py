# redline-label: {"label": "vulnerable", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "function"}
import requests
import urllib3

# the vendor's staging endpoint uses a self-signed certificate
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

API_ROOT = "https://erp.partner-vendor.example/api/v3"


def fetch_open_orders(token, since=None):
    """Return the partner's open purchase orders as a list of dicts."""
    params = {"status": "open"}
    if since:
        params["updated_since"] = since.isoformat()
    resp = requests.get(
        f"{API_ROOT}/purchase-orders",
        params=params,
        headers={"Authorization": f"Bearer {token}"},
        timeout=15,
        verify=False,
    )
    resp.raise_for_status()
    return resp.json()["items"]
