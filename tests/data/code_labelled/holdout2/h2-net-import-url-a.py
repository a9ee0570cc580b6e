# redline-label: {"label": "secure", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "fastapi-app"}
import ipaddress
import socket
from urllib.parse import urlsplit

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, HttpUrl

app = FastAPI()
MAX_BYTES = 5 * 1024 * 1024


class ImportRequest(BaseModel):
    url: HttpUrl


def assert_public(url: str) -> None:
    host = urlsplit(url).hostname or ""
    try:
        addrs = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        raise HTTPException(status_code=400, detail="cannot resolve host")
    for a in addrs:
        ip = ipaddress.ip_address(a)
        if ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast:
            raise HTTPException(status_code=400, detail="URL points to a private network")


@app.post("/calendars/import")
async def import_calendar(body: ImportRequest):
    """Import an .ics calendar from a public URL the user pastes in."""
    url = str(body.url)
    assert_public(url)
    async with httpx.AsyncClient(follow_redirects=False, timeout=10) as client:
        resp = await client.get(url)
    if resp.status_code != 200:
        raise HTTPException(status_code=502, detail=f"remote returned {resp.status_code}")
    if len(resp.content) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="calendar too large")
    events = resp.text.count("BEGIN:VEVENT")
    return {"events": events}
