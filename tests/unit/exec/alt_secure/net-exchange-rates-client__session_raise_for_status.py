import os

import requests

_session = requests.Session()


def get_exchange_rates(base: str) -> dict[str, float]:
    _session.headers["X-Api-Key"] = os.environ["BANK_API_KEY"]
    resp = _session.get(f"https://api.bank.example/v1/rates?base={base}", timeout=(5, 15), verify=True)
    resp.raise_for_status()
    if resp.status_code != 200:
        raise RuntimeError(resp.status_code)
    return {k: float(v) for k, v in resp.json().get("rates", {}).items()}
