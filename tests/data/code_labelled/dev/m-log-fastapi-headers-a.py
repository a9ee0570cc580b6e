# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "fastapi-app"}
import logging
import time

from fastapi import FastAPI, Request

from .routers import accounts, payments

logger = logging.getLogger("api.access")

SENSITIVE_HEADERS = {"authorization", "cookie", "set-cookie", "x-api-key", "proxy-authorization"}

app = FastAPI(title="Accounts API")
app.include_router(accounts.router)
app.include_router(payments.router)


def redact_headers(headers) -> dict[str, str]:
    """Copy request headers for the access log, hiding anything that carries a credential."""
    return {k: ("[redacted]" if k.lower() in SENSITIVE_HEADERS else v) for k, v in headers.items()}


@app.middleware("http")
async def access_log(request: Request, call_next):
    started = time.perf_counter()
    response = await call_next(request)
    elapsed_ms = (time.perf_counter() - started) * 1000
    logger.info(
        "%s %s -> %s in %.1f ms headers=%s",
        request.method,
        request.url.path,
        response.status_code,
        elapsed_ms,
        redact_headers(request.headers),
    )
    return response
