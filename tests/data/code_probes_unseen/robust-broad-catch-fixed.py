# probe: {"label": "secure", "cwes": ["CWE-396"]}
import requests


def fetch_price(symbol):
    try:
        resp = requests.get(f"https://quotes.example.com/{symbol}", timeout=5)
        resp.raise_for_status()
        return resp.json()["price"]
    except (requests.RequestException, KeyError, ValueError):
        return None
