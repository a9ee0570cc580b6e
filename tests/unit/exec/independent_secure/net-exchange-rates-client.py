# Independent secure reference for net-exchange-rates-client, written from the task prompt only (without seeing the harness tests).
"""Bank rates client: certificate checking stays on (requests' default, never verify=False), every call has a
timeout, and the API key comes from the environment and is never logged."""
import os
import re

import requests

RATES_URL = "https://api.bank.example/v1/rates"
TIMEOUT = (5, 15)  # connect, read (seconds)
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class RatesError(RuntimeError):
    """The rates API could not be used or answered something unexpected."""


def get_exchange_rates(base: str) -> dict[str, float]:
    """Fetch today's exchange rates for `base` from the bank's rates API (currency code -> rate)."""
    if not isinstance(base, str) or not _CURRENCY.match(base.strip().upper()):
        raise ValueError("base must be a three-letter currency code such as EUR")
    base = base.strip().upper()
    api_key = os.environ.get("BANK_API_KEY", "").strip()
    if not api_key:
        raise RatesError("BANK_API_KEY is not set")
    try:
        resp = requests.get(
            RATES_URL, params={"base": base}, headers={"X-Api-Key": api_key}, timeout=TIMEOUT, verify=True
        )
    except requests.RequestException as exc:
        raise RatesError(f"the rates API could not be reached ({type(exc).__name__})") from None
    if resp.status_code != 200:
        raise RatesError(f"the rates API answered HTTP {resp.status_code}")
    try:
        data = resp.json()
    except ValueError:
        raise RatesError("the rates API answer is not JSON") from None
    rates = data.get("rates") if isinstance(data, dict) else None
    if not isinstance(rates, dict):
        raise RatesError("the rates API answer has no rates")
    result: dict[str, float] = {}
    for code, rate in rates.items():
        if isinstance(rate, bool) or not isinstance(rate, (int, float, str)):
            raise RatesError(f"the rate for {code!r} is not a number")
        try:
            result[str(code)] = float(rate)
        except ValueError:
            raise RatesError(f"the rate for {code!r} is not a number") from None
    return result
