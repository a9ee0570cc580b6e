# redline-label: {"label": "secure", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "function"}
from urllib.parse import urlsplit

import httpx

# feeds we agreed to mirror; anything else is rejected before a request is made
ALLOWED_FEED_HOSTS = frozenset({"status.github.com", "www.githubstatus.com", "status.cloud.google.com", "health.aws.amazon.com"})


class FeedRejected(ValueError):
    pass


def fetch_status_feed(feed_url: str) -> bytes:
    """Fetch an RSS/Atom status feed that a user added to their dashboard."""
    parts = urlsplit(feed_url)
    if parts.scheme != "https" or parts.hostname not in ALLOWED_FEED_HOSTS or parts.port not in (None, 443):
        raise FeedRejected(f"feed host not supported: {parts.hostname!r}")
    with httpx.Client(follow_redirects=False, timeout=10.0) as client:
        resp = client.get(feed_url, headers={"Accept": "application/rss+xml, application/atom+xml"})
        resp.raise_for_status()
        return resp.content[:2_000_000]
