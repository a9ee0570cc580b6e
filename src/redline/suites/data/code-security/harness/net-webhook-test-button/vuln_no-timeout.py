import ipaddress
import socket
from urllib.parse import urlsplit

import requests
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
SAMPLE_EVENT = {"type": "webhook.test", "data": {"message": "This is a test event"}}


class WebhookTest(BaseModel):
    url: str


def _public_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HTTPException(400, "URL must be http(s) with a host")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for info in socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP):
        if not ipaddress.ip_address(info[4][0]).is_global:
            raise HTTPException(400, "URL points to a private address")


@app.post("/webhooks/test")
def test_webhook(body: WebhookTest) -> dict:
    """Send a sample event to body.url; return the status code and the start of the response."""
    _public_address(body.url)
    try:
        resp = requests.post(body.url, json=SAMPLE_EVENT, allow_redirects=False)
    except requests.RequestException as exc:
        raise HTTPException(502, f"webhook could not be reached: {type(exc).__name__}")
    return {"status_code": resp.status_code, "body": resp.text[:200]}
