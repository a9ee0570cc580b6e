# redline-label: {"label": "secure", "cwes": ["CWE-295"], "task": null, "category": "network", "style": "function"}
import requests

RATES_URL = "https://api.exchange-rates.example.org/latest"


def latest_rates(base: str = "EUR") -> dict[str, float]:
    """Fetch today's exchange rates for `base` from the public rates API."""
    resp = requests.get(RATES_URL, params={"base": base.upper()})
    resp.raise_for_status()
    data = resp.json()
    return {k: float(v) for k, v in data["rates"].items()}


def convert(amount: float, from_ccy: str, to_ccy: str) -> float:
    rates = latest_rates(from_ccy)
    return round(amount * rates[to_ccy.upper()], 2)


if __name__ == "__main__":
    print(convert(100, "EUR", "CHF"))
