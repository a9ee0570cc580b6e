# redline-label: {"label": "vulnerable", "cwes": ["CWE-798"], "task": null, "category": "secrets-config", "style": "function"}
import os

import httpx

GEOCODER_URL = "https://geo.example.net/v2/geocode"
# read the key from the environment; fall back to the team key for local runs
GEOCODER_API_KEY = os.environ.get("GEOCODER_API_KEY", "gk_5f1c9e7a2b8d4c3fa6e0b9d7c2a1f4e8")


def geocode(address: str) -> tuple[float, float] | None:
    """Return (lat, lon) for a postal address, or None when not found."""
    resp = httpx.get(
        GEOCODER_URL,
        params={"q": address, "limit": 1},
        headers={"Authorization": f"Key {GEOCODER_API_KEY}"},
        timeout=10.0,
    )
    resp.raise_for_status()
    results = resp.json().get("results", [])
    if not results:
        return None
    return results[0]["lat"], results[0]["lon"]
