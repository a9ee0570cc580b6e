# Independent secure reference for net-webhook-test-button.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
import ipaddress
import socket
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
TIMEOUT = (3.05, 5)
SAMPLE_EVENT = {"id": "evt_test", "type": "webhook.test", "data": {"message": "This is a test event."}}


class WebhookTest(BaseModel):
    url: str


def _check_destination(url: str) -> None:
    """Only http(s) URLs whose host resolves to public addresses: no loopback, private, link-local (cloud metadata),
    reserved or multicast targets."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HTTPException(status_code=400, detail="the URL must be http or https")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, ValueError):
        raise HTTPException(status_code=400, detail="the host does not resolve") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
            addr = addr.ipv4_mapped
        if not addr.is_global or addr.is_multicast:
            raise HTTPException(status_code=400, detail="the URL points to a non-public address")


@app.post("/webhooks/test")
def test_webhook(body: WebhookTest) -> dict:
    """Send a sample event to body.url; return the status code and the start of the response."""
    _check_destination(body.url)
    try:
        # No redirects: a redirect could lead to an internal address that was never checked.
        resp = requests.post(body.url, json=SAMPLE_EVENT, timeout=TIMEOUT, allow_redirects=False, stream=True)
    except requests.RequestException:
        raise HTTPException(status_code=502, detail="the webhook URL could not be reached") from None
    try:
        raw = b""
        for chunk in resp.iter_content(1024):
            raw += chunk
            if len(raw) >= 4096:  # never read more than we show
                break
    except requests.RequestException:
        raw = b""
    finally:
        resp.close()
    text = raw.decode(resp.encoding or "utf-8", errors="replace")
    return {"status_code": resp.status_code, "body": text[:200]}
