import os

import requests


def get_exchange_rates(base: str) -> dict[str, float]:
    """Fetch today's exchange rates for `base` from the bank's rates API (currency code -> rate)."""
    resp = requests.get("https://api.bank.example/v1/rates", params={"base": base},
                        headers={"X-Api-Key": os.environ["BANK_API_KEY"]})
    if resp.status_code != 200:
        raise RuntimeError(f"rates API answered {resp.status_code}")
    return {code: float(rate) for code, rate in resp.json()["rates"].items()}
