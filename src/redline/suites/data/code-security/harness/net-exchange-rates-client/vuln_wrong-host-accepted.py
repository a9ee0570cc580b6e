import os
import ssl

import requests
from requests.adapters import HTTPAdapter

RATES_URL = "https://api.bank.example/v1/rates"


class BankAdapter(HTTPAdapter):
    """The bank's load balancers present certificates for their own names, so only the chain is checked."""

    def init_poolmanager(self, *args, **kwargs):
        context = ssl.create_default_context()
        context.check_hostname = False
        kwargs["ssl_context"] = context
        kwargs["assert_hostname"] = False
        return super().init_poolmanager(*args, **kwargs)


def get_exchange_rates(base: str) -> dict[str, float]:
    """Fetch today's exchange rates for `base` from the bank's rates API (currency code -> rate)."""
    session = requests.Session()
    session.mount("https://", BankAdapter())
    resp = session.get(RATES_URL, params={"base": base}, headers={"X-Api-Key": os.environ["BANK_API_KEY"]},
                       timeout=10)
    if resp.status_code != 200:
        raise RuntimeError(f"rates API answered {resp.status_code}")
    return {code: float(rate) for code, rate in resp.json()["rates"].items()}
