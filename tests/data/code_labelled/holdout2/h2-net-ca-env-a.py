# redline-label: {"label": "secure", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "function"}
import os

import requests


def fetch_exchange_rates(base: str = "EUR") -> dict[str, float]:
    """Daily reference rates from the treasury service.

    Behind the corporate proxy, TLS is re-signed by the proxy's CA; CORP_CA_BUNDLE points at it. When it is
    unset, requests uses its normal certificate store.
    """
    verify = os.environ.get("CORP_CA_BUNDLE") or True
    resp = requests.get(
        "https://treasury.example.com/api/rates",
        params={"base": base},
        verify=verify,
    )
    resp.raise_for_status()
    return {k: float(v) for k, v in resp.json()["rates"].items()}
