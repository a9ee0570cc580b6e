# redline-label: {"label": "vulnerable", "cwes": ["CWE-532"], "task": null, "category": "logging", "style": "script"}
import logging
import time

from aiohttp import web

from routes import routes

log = logging.getLogger("gateway.access")


@web.middleware
async def access_log(request: web.Request, handler):
    """Structured access log: method, path, status, latency and the request headers for debugging."""
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
            dict(request.headers),
        )


def build_app() -> web.Application:
    app = web.Application(middlewares=[access_log])
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    web.run_app(build_app(), access_log=None)
