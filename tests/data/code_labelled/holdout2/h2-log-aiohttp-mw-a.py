# redline-label: {"label": "secure", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "script"}
import logging
import time

from aiohttp import web

from routes import routes

log = logging.getLogger("gateway.access")
REDACT = frozenset({"authorization", "cookie", "x-api-key", "x-auth-token"})


def loggable_headers(request: web.Request) -> dict[str, str]:
    return {k: ("<redacted>" if k.lower() in REDACT else v) for k, v in request.headers.items()}


@web.middleware
async def access_log(request: web.Request, handler):
    start = time.monotonic()
    status = 500
    try:
        response = await handler(request)
        status = response.status
        return response
    except web.HTTPException as exc:
        status = exc.status
        raise
    finally:
        log.info(
            "%s %s %s %.1fms headers=%s",
            request.method,
            request.rel_url.path,
            status,
            (time.monotonic() - start) * 1000,
            loggable_headers(request),
        )


def build_app() -> web.Application:
    app = web.Application(middlewares=[access_log])
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(build_app(), access_log=None)
