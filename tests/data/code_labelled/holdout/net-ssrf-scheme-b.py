# redline-label: {"label": "secure", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "fastapi-app"}
"""Import a product feed (CSV or JSON) from a URL the merchant enters."""
import asyncio
import ipaddress
import socket
from urllib.parse import urlparse

import httpx
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

from .auth import current_merchant
from .feeds import parse_feed, store_products

app = FastAPI()


class FeedImport(BaseModel):
    url: str


async def ensure_public(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise HTTPException(400, "feed URL must be http(s)")
    if parsed.port not in (None, 80, 443, 8080, 8443):
        raise HTTPException(400, "port not allowed")
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(parsed.hostname, parsed.port or 443, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise HTTPException(400, "host does not resolve")
    for *_, sockaddr in infos:
        ip = ipaddress.ip_address(sockaddr[0])
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise HTTPException(400, "feed host must be a public address")


@app.post("/merchant/feeds/import")
async def import_feed(body: FeedImport, merchant=Depends(current_merchant)):
    await ensure_public(body.url)
    async with httpx.AsyncClient(timeout=20.0, follow_redirects=False) as client:
        resp = await client.get(body.url)
    if resp.status_code != 200:
        raise HTTPException(502, "feed server did not return the feed")
    products = parse_feed(resp.content, resp.headers.get("content-type", ""))
    return {"imported": await store_products(merchant.id, products)}
