# redline-label: {"label": "vulnerable", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "fastapi-app"}
"""Import a product feed (CSV or JSON) from a URL the merchant enters."""
from urllib.parse import urlparse

import httpx
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

from .auth import current_merchant
from .feeds import parse_feed, store_products

app = FastAPI()


class FeedImport(BaseModel):
    url: str


@app.post("/merchant/feeds/import")
async def import_feed(body: FeedImport, merchant=Depends(current_merchant)):
    parsed = urlparse(body.url)
    if parsed.scheme not in {"http", "https"}:
        raise HTTPException(400, "feed URL must start with http:// or https://")
    async with httpx.AsyncClient(timeout=20.0, follow_redirects=True) as client:
        resp = await client.get(body.url)
    if resp.status_code != 200:
        raise HTTPException(502, f"feed server answered {resp.status_code}: {resp.text[:500]}")
    products = parse_feed(resp.content, resp.headers.get("content-type", ""))
    count = await store_products(merchant.id, products)
    return {"imported": count}
