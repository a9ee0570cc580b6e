# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "fastapi-app"}
import json
import logging
import time

from fastapi import FastAPI, Request

from .routers import accounts, payments

logger = logging.getLogger("api.access")

app = FastAPI(title="Accounts API")
app.include_router(accounts.router)
app.include_router(payments.router)


@app.middleware("http")
async def access_log(request: Request, call_next):
    """Log every request with its headers and JSON body so support can replay problems."""
    started = time.perf_counter()
    body = await request.body()
    try:
        payload = json.loads(body) if body else None
    except ValueError:
        payload = "<non-json body>"
    response = await call_next(request)
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.info(
        "%s %s -> %s in %.1f ms headers=%s body=%s",
        request.method,
        request.url.path,
        response.status_code,
        elapsed_ms,
        dict(request.headers),
        payload,
    )
    return response
