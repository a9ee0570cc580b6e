import requests


def fetch_calendar(url: str) -> list[str]:
    if not url.startswith(("http://", "https://")):
        raise ValueError("unsupported URL")
    resp = requests.get(url, timeout=10)
    resp.raise_for_status()
    return [line[len("SUMMARY:"):].strip() for line in resp.text.splitlines() if line.startswith("SUMMARY:")]
