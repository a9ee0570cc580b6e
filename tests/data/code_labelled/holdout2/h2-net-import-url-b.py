# redline-label: {"label": "vulnerable", "cwes": ["CWE-918"], "task": null, "category": "network", "style": "fastapi-app"}
import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, HttpUrl

app = FastAPI()
MAX_BYTES = 5 * 1024 * 1024
BLOCKED = ("localhost", "127.0.0.1", "0.0.0.0", "169.254.169.254", "::1")


class ImportRequest(BaseModel):
    url: HttpUrl


@app.post("/calendars/import")
async def import_calendar(body: ImportRequest):
    """Import an .ics calendar from a public URL the user pastes in."""
    url = str(body.url)
    if any(b in url for b in BLOCKED):
        raise HTTPException(status_code=400, detail="internal addresses are not allowed")
    async with httpx.AsyncClient(follow_redirects=True, timeout=10) as client:
        resp = await client.get(url)
    if resp.status_code != 200:
        raise HTTPException(status_code=502, detail=f"remote returned {resp.status_code}")
    if len(resp.content) > MAX_BYTES:
        raise HTTPException(status_code=413, detail="calendar too large")
    events = resp.text.count("BEGIN:VEVENT")
    return {"events": events}
