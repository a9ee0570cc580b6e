# redline-label: {"label": "secure", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "function"}
import requests

API_ROOT = "https://erp.partner-vendor.example/api/v3"


def fetch_open_orders(token: str, since=None) -> list[dict]:
    """Return the partner's open purchase orders as a list of dicts."""
    params = {"status": "open"}
    if since:
        params["updated_since"] = since.isoformat()
    with requests.Session() as s:
        s.headers["Authorization"] = f"Bearer {token}"
        resp = s.get(f"{API_ROOT}/purchase-orders", params=params, timeout=15)
    resp.raise_for_status()
    return resp.json()["items"]
