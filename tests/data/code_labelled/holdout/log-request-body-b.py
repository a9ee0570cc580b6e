# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "fastapi-app"}
"""Request logging middleware for the member API."""
import json
import logging
import time
from typing import Any

from fastapi import FastAPI, Request

logger = logging.getLogger("api.access")
app = FastAPI()

REDACT_KEYS = {"password", "new_password", "current_password", "token", "access_token", "refresh_token",
               "card_number", "cvv", "secret", "api_key"}


def redact(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("***" if k.lower() in REDACT_KEYS else redact(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v) for v in value]
    return value


@app.middleware("http")
async def log_requests(request: Request, call_next):
    start = time.perf_counter()
    body = await request.body()
    payload = None
    if body and request.headers.get("content-type", "").startswith("application/json"):
        try:
            payload = redact(json.loads(body))
        except ValueError:
            payload = "<unparseable>"
    response = await call_next(request)
    logger.info("%s %s -> %s in %.1fms body=%s", request.method, request.url.path, response.status_code,
                (time.perf_counter() - start) * 1000, payload)
    return response


@app.post("/auth/login")
async def login(request: Request):
    creds = await request.json()
    from .auth import authenticate

    token = await authenticate(creds["email"], creds["password"])
    return {"access_token": token}
